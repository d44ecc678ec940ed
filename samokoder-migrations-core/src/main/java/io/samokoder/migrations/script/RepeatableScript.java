package io.samokoder.migrations.script;

import io.samokoder.migrations.dialect.Dialect;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A repeatable script: every {@code *.sql} file of a repeatable location, as Flyway's {@code R__} migrations are.
 * It has no revision id and no place in the revision graph; a run that leaves the database at its heads applies
 * it, after the revisions, when it is new, when its statements changed since it was last applied, or when a
 * downgrade ran since then. What suits it: definitions that are replaced whole ({@code CREATE OR REPLACE VIEW},
 * functions, procedures, grants). It is known by its file name, so the same name in two locations is refused.
 *
 * <p>The whole file is its SQL (no header or markers), split into statements as the database reads SQL, with
 * {@code ${name}} {@link Placeholders placeholders} replaced. Its checksum is that of those statements
 * normalised as a revision script's are, so a change to comments or blanks alone applies nothing again, while a
 * change of a placeholder's value does.
 */
public final class RepeatableScript {

    private final String name;
    private final String description;
    private final String text;

    private RepeatableScript(String name, String description, String text) {
        this.name = name;
        this.description = description;
        this.text = text;
    }

    /**
     * A repeatable script from text in memory.
     *
     * @param name its file name, which identifies it in the log
     * @param description where it comes from, for messages
     * @param text its SQL (a leading byte order mark and CRLF/CR line endings are accepted)
     */
    public static RepeatableScript of(String name, String description, String text) {
        return new RepeatableScript(name, description, ScriptLoader.normaliseText(text));
    }

    /**
     * Reads the repeatable scripts of the locations, in file-name order across them.
     *
     * @param locations the locations, with the prefixes of {@link ScriptLocations#resolve}
     * @param classLoader the class loader whose class path {@code classpath:} locations are searched
     * @throws ScriptLocationException as {@link ScriptLocations#resolve} does, and for one file name in two
     *     locations
     * @throws ScriptFormatException for a file that is not UTF-8
     * @throws UncheckedIOException if a file cannot be read
     */
    public static List<RepeatableScript> load(List<String> locations, ClassLoader classLoader) {
        return locations.isEmpty() ? List.of() : load(ScriptLocations.resolve(locations, classLoader));
    }

    /**
     * Reads repeatable scripts given as resources, in file-name order.
     *
     * @throws ScriptLocationException for one file name given twice
     * @throws ScriptFormatException for a file that is not UTF-8
     * @throws UncheckedIOException if a file cannot be read
     */
    public static List<RepeatableScript> load(List<? extends ScriptResource> resources) {
        List<RepeatableScript> scripts = new ArrayList<>(resources.size());
        Map<String, String> seen = new HashMap<>();
        for (ScriptResource resource : resources) {
            String before = seen.putIfAbsent(resource.fileName(), resource.description());
            if (before != null) {
                throw new ScriptLocationException("Repeatable scripts " + before + " and " + resource.description()
                        + " have the same file name, which is what identifies a repeatable script; rename one");
            }
            scripts.add(new RepeatableScript(resource.fileName(), resource.description(),
                    ScriptLoader.readText(resource, "repeatable script")));
        }
        scripts.sort(Comparator.comparing(RepeatableScript::name));
        return List.copyOf(scripts);
    }

    /** The file name, e.g. {@code R__active_users.sql}: what identifies the script in the log. */
    public String name() {
        return this.name;
    }

    /** Where the script comes from, e.g. {@code classpath:db/repeatable/R__active_users.sql}. */
    public String description() {
        return this.description;
    }

    /**
     * The statements as sent to the database: split as it reads SQL, with the placeholders replaced.
     *
     * @param inTransaction whether they run in a transaction of the engine's, with the log row, which a
     *     statement that begins or ends a transaction would break
     * @throws ScriptFormatException for a quote or comment left open, a placeholder without a value, or (in a
     *     transaction) a {@code BEGIN}, {@code COMMIT} or {@code ROLLBACK}, naming the file and line
     */
    public List<SqlStatement> statements(Dialect dialect, Placeholders placeholders, boolean inTransaction) {
        List<SqlStatement> split = SqlSplitter.split(this.description, this.text, 0, this.text.length(), 1,
                SqlLexer.rules(dialect));
        if (inTransaction) {
            for (SqlStatement statement : split) {
                String keyword = TransactionControl.keyword(statement.sql(), 0, statement.sql().length());
                if (keyword != null) {
                    throw new ScriptFormatException(this.description, statement.line(), "statement "
                            + statement.number() + " is " + keyword + ", but a repeatable script runs in a"
                            + " transaction of the engine's, with its log row, which it must not end. Remove"
                            + " BEGIN, COMMIT and ROLLBACK from it");
                }
            }
        }
        return placeholders.apply(split, this.description);
    }

    /**
     * The checksum of statements as {@link #statements} gives them, normalised as a revision script's upgrade
     * part is ({@link RevisionScript#checksum()}) with the dialect's lexical rules.
     */
    public static String checksum(List<SqlStatement> statements, Dialect dialect) {
        return ScriptChecksum.ofMySql(statements, null, SqlLexer.rules(dialect));
    }

    @Override
    public String toString() {
        return this.description;
    }
}
