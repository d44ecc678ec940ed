package io.samokoder.migrations.script;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Values for {@code ${name}} placeholders in SQL scripts, as Flyway replaces them: each placeholder in a
 * statement is replaced by its value before the statement is sent or written offline. Names start with a
 * letter or {@code _} and go on with letters, digits, {@code _}, {@code .}, {@code :} and {@code -}; they are
 * matched without regard to case. A {@code ${} not followed by such a name and {@code }} is left as it is. A
 * placeholder without a value is refused, naming the file and line, before a run's first step.
 *
 * <p>Flyway's built-in placeholders ({@code ${flyway:defaultSchema}}, {@code ${flyway:user}}, ...; see
 * {@link #BUILT_IN}) take their values from the run ({@link #withBuiltIns}) unless given one; {@code
 * ${flyway:filename}} is the script's file name.
 *
 * <p>Statements are split first, so a value cannot add or end a statement; checksums and content hashes are
 * of the scripts as written, so the same script has the same checksum whatever the values. Revisions written
 * in Java are not touched (their code has its own variables). Values are written into the SQL as they are:
 * quote them in the script where they stand for a literal ({@code '${app_user}'}).
 */
public final class Placeholders {

    /** No replacement: scripts run as written, {@code ${...}} included. */
    public static final Placeholders OFF = new Placeholders(Map.of(), false, null, false);

    /** Replacement with no values: a script with a placeholder is refused (the default). */
    public static final Placeholders NONE = new Placeholders(Map.of(), true, null, false);

    /**
     * The names of Flyway's built-in placeholders that have a value without being given one: the schema of the
     * engine's tables, the connection's user and database, the version table's name, the script's file name,
     * when the run started ({@code yyyy-MM-dd HH:mm:ss}) and the process's working directory.
     */
    public static final List<String> BUILT_IN = List.of("flyway:defaultSchema", "flyway:user", "flyway:database",
            "flyway:table", "flyway:filename", "flyway:timestamp", "flyway:workingDirectory");

    private static final String PREFIX = "${";
    private static final String BUILT_IN_PREFIX = "flyway:";
    private static final String FILENAME = "flyway:filename";

    /** Where the values of the {@link #BUILT_IN} placeholders come from during a run. */
    public interface BuiltIns {

        /**
         * The value of a built-in placeholder, or {@code null} where there is none (offline, there is no
         * connection to take the user from).
         *
         * @param name one of {@link #BUILT_IN} but {@code flyway:filename}, in lower case
         */
        String value(String name);
    }

    private final Map<String, String> values;
    private final boolean enabled;
    private final BuiltIns builtIns;
    /** Whether built-in placeholders without a given value are left as written (for checksums). */
    private final boolean keepBuiltIns;

    private Placeholders(Map<String, String> values, boolean enabled, BuiltIns builtIns, boolean keepBuiltIns) {
        this.values = values;
        this.enabled = enabled;
        this.builtIns = builtIns;
        this.keepBuiltIns = keepBuiltIns;
    }

    /**
     * Replacement with these values.
     *
     * @param values by name (any case); a value must not be {@code null}
     * @throws IllegalArgumentException for a name that a placeholder cannot have, or two names that differ only
     *     in case
     */
    public static Placeholders of(Map<String, String> values) {
        Map<String, String> byName = new TreeMap<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String name = Objects.requireNonNull(entry.getKey(), "placeholder name");
            Objects.requireNonNull(entry.getValue(), () -> "the value of placeholder '" + name + "'");
            if (nameEnd(name, 0) != name.length()) {
                throw new IllegalArgumentException("'" + name + "' is not a placeholder name: start it with a letter"
                        + " or '_', then letters, digits, '_', '.', ':' or '-'");
            }
            if (byName.put(name.toLowerCase(Locale.ROOT), entry.getValue()) != null) {
                throw new IllegalArgumentException("Placeholder '" + name + "' is given twice (names ignore case)");
            }
        }
        return byName.isEmpty() ? NONE : new Placeholders(Collections.unmodifiableMap(byName), true, null, false);
    }

    /**
     * These values, and the {@link #BUILT_IN} placeholders that were given none from {@code builtIns}: what a
     * run's or an offline script's statements are sent or written with.
     */
    public Placeholders withBuiltIns(BuiltIns builtIns) {
        return this.enabled ? new Placeholders(this.values, true, Objects.requireNonNull(builtIns), false) : this;
    }

    /**
     * These values, the {@link #BUILT_IN} placeholders that were given none left as written: what a repeatable
     * script's checksum is taken over, so that it does not change with the connection's user or the time
     * (which a start that reads no script could not tell), and what a check that needs no run's values uses.
     */
    public Placeholders forChecksums() {
        return this.enabled && !this.keepBuiltIns ? new Placeholders(this.values, true, null, true) : this;
    }

    /** Whether placeholders are replaced at all. */
    public boolean enabled() {
        return this.enabled;
    }

    /** The values by name, in lower case. */
    public Map<String, String> values() {
        return this.values;
    }

    /**
     * The statements with their placeholders replaced; the same list when replacement is off or no statement
     * holds {@code ${}.
     *
     * @param file the script's description, for the error
     * @throws ScriptFormatException naming the file, the line and the placeholder that has no value
     */
    public List<SqlStatement> apply(List<SqlStatement> statements, String file) {
        if (!this.enabled) {
            return statements;
        }
        List<SqlStatement> replaced = null;
        for (int i = 0; i < statements.size(); i++) {
            SqlStatement statement = statements.get(i);
            String sql = replace(statement.sql(), file, statement.line());
            if (sql != statement.sql() && replaced == null) {
                replaced = new ArrayList<>(statements.subList(0, i));
            }
            if (replaced != null) {
                replaced.add(sql == statement.sql() ? statement
                        : new SqlStatement(sql, statement.number(), statement.line()));
            }
        }
        return replaced == null ? statements : List.copyOf(replaced);
    }

    /**
     * The text with its placeholders replaced; the same string when it has none.
     *
     * @param file the script's description, for the error
     * @param line the line of the file on which {@code sql} starts
     * @throws ScriptFormatException naming the file, the line and the placeholder that has no value
     */
    public String replace(String sql, String file, int line) {
        int at = this.enabled ? sql.indexOf(PREFIX) : -1;
        if (at < 0) {
            return sql;
        }
        StringBuilder out = null;
        int copied = 0;
        while (at >= 0) {
            int end = nameEnd(sql, at + PREFIX.length());
            if (end > at + PREFIX.length() && end < sql.length() && sql.charAt(end) == '}') {
                String name = sql.substring(at + PREFIX.length(), end);
                String key = name.toLowerCase(Locale.ROOT);
                String value = this.values.get(key);
                if (value == null && key.startsWith(BUILT_IN_PREFIX) && isBuiltIn(key)) {
                    if (this.keepBuiltIns) {
                        at = sql.indexOf(PREFIX, end + 1);
                        continue;
                    }
                    value = key.equals(FILENAME) ? fileName(file) : this.builtIns == null ? null
                            : this.builtIns.value(key);
                }
                if (value == null) {
                    throw new ScriptFormatException(file, line + newlines(sql, at), "No value for placeholder '${"
                            + name + "}'; give it one (samokoder.migrations.placeholders." + property(name)
                            + "), or turn placeholder replacement off"
                            + " (samokoder.migrations.placeholder-replacement=false) to run the script as written");
                }
                out = out == null ? new StringBuilder(sql.length() + value.length()) : out;
                out.append(sql, copied, at).append(value);
                copied = end + 1;
                at = sql.indexOf(PREFIX, copied);
            } else {
                at = sql.indexOf(PREFIX, at + PREFIX.length());
            }
        }
        return out == null ? sql : out.append(sql, copied, sql.length()).toString();
    }

    private static boolean isBuiltIn(String key) {
        for (String name : BUILT_IN) {
            if (name.equalsIgnoreCase(key)) {
                return true;
            }
        }
        return false;
    }

    /** The last part of a script's description (a path or a class path location). */
    private static String fileName(String file) {
        int slash = Math.max(file.lastIndexOf('/'), Math.max(file.lastIndexOf('\\'), file.lastIndexOf(':')));
        return file.substring(slash + 1);
    }

    /** The name as a key of Spring's property map: in brackets where it holds '.' or ':'. */
    private static String property(String name) {
        return name.indexOf('.') >= 0 || name.indexOf(':') >= 0 ? "[" + name + "]" : name;
    }

    /** Where a name starting at {@code from} ends; {@code from} when none starts there. */
    private static int nameEnd(String text, int from) {
        int i = from;
        if (i >= text.length() || !(Character.isLetter(text.charAt(i)) || text.charAt(i) == '_')) {
            return from;
        }
        i++;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == ':' || c == '-')) {
                break;
            }
            i++;
        }
        return i;
    }

    private static int newlines(String text, int before) {
        int n = 0;
        for (int i = 0; i < before; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    @Override
    public String toString() {
        // Names only: values may be secrets.
        return this.enabled ? "Placeholders" + this.values.keySet() : "Placeholders[off]";
    }
}
