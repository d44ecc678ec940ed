package io.samokoder.migrations.ops;

import io.samokoder.migrations.MigrationConfigurationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How unnamed indexes and constraints are named, as SQLAlchemy's {@code naming_convention}: templates
 * under the keys {@code ix}, {@code uq}, {@code ck}, {@code fk} and {@code pk} with the tokens
 * {@code %(table_name)s}, {@code %(column_0_name)s}, {@code %(column_0_N_name)s} (all columns joined by
 * {@code _}), {@code %(column_0N_name)s} (joined without separator), {@code %(column_0_label)s}
 * ({@code table_column}), {@code %(constraint_name)s} (the name given), and for {@code fk}
 * {@code %(referred_table_name)s}, {@code %(referred_column_0_name)s} and
 * {@code %(referred_column_0_N_name)s}. A template applies when no name is given, or always when it uses
 * {@code %(constraint_name)s}. Immutable.
 */
public final class NamingConvention {

    /** The token syntax, compiled when a template is first checked or split, not on every start. */
    private static final class Syntax {
        static final Pattern TOKEN = Pattern.compile("%\\(([^)]*)\\)s");
    }

    private static final Set<String> KEYS = Set.of("ix", "uq", "ck", "fk", "pk");
    private static final Set<String> COLUMN_TOKENS = Set.of("column_0_name", "column_0_N_name", "column_0N_name",
            "column_0_label", "column_0_N_label");
    private static final Set<String> REFERRED_TOKENS = Set.of("referred_table_name", "referred_column_0_name",
            "referred_column_0_N_name");

    /**
     * The convention Alembic users typically configure (see the class comment for the tokens). Its
     * templates are checked by the tests rather than on every start, since every configuration holds
     * it by default.
     */
    public static final NamingConvention DEFAULT = new NamingConvention(Collections.unmodifiableMap(new TreeMap<>(
            Map.of("ix", "ix_%(table_name)s_%(column_0_N_name)s",
                    "uq", "uq_%(table_name)s_%(column_0_N_name)s",
                    "ck", "ck_%(table_name)s_%(constraint_name)s",
                    "fk", "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
                    "pk", "pk_%(table_name)s"))));

    /** No convention: names are as given, and unnamed constraints are named by the database. */
    public static final NamingConvention NONE = new NamingConvention(Map.of());

    private final Map<String, String> templates;
    /**
     * The templates by key, split into text and tokens when first resolved ({@link #resolve} runs for
     * every index and key; a start that resolves nothing splits nothing).
     */
    private volatile Map<String, Template> parsed;

    private NamingConvention(Map<String, String> templates) {
        this.templates = templates;
    }

    private Map<String, Template> parsed() {
        Map<String, Template> split = this.parsed;
        if (split == null) {
            split = new TreeMap<>();
            // Loops, not lambdas, here and in of(): the default convention is made on every start, and
            // a lambda's class is spun at its first use, about a millisecond each in a cold JVM.
            for (Map.Entry<String, String> entry : this.templates.entrySet()) {
                split.put(entry.getKey(), Template.parse(entry.getValue()));
            }
            this.parsed = split;
        }
        return split;
    }

    /**
     * A convention of these templates by key.
     *
     * @throws MigrationConfigurationException for an unknown key or token, naming it and how to fix it
     */
    public static NamingConvention of(Map<String, String> templates) {
        return NONE.with(templates);
    }

    /**
     * This convention with these templates replacing its own of the same keys; the others kept (as
     * the starter's {@code samokoder.migrations.naming-convention.<kind>} changes the default).
     *
     * @throws MigrationConfigurationException for an unknown key or token, naming it and how to fix it
     */
    public NamingConvention with(Map<String, String> templates) {
        Map<String, String> sorted = new TreeMap<>(this.templates);
        for (Map.Entry<String, String> entry : templates.entrySet()) {
            String key = entry.getKey();
            String template = entry.getValue();
            if (!KEYS.contains(key)) {
                throw new MigrationConfigurationException("Naming convention key '" + key + "' is unknown; use ix, uq,"
                        + " ck, fk or pk");
            }
            check(key, template);
            sorted.put(key, template);
        }
        return new NamingConvention(Collections.unmodifiableMap(sorted));
    }

    private static void check(String key, String template) {
        if (template == null || template.isBlank()) {
            throw new MigrationConfigurationException("Naming convention '" + key + "' is blank; give a template such"
                    + " as " + key + "_%(table_name)s or leave the key out");
        }
        Matcher m = Syntax.TOKEN.matcher(template);
        int end = 0;
        while (m.find()) {
            if (template.substring(end, m.start()).contains("%")) {
                throw badSyntax(key, template);
            }
            String token = m.group(1);
            boolean known = token.equals("table_name") || token.equals("constraint_name")
                    || (COLUMN_TOKENS.contains(token) && !key.equals("ck"))
                    || (REFERRED_TOKENS.contains(token) && key.equals("fk"));
            if (!known) {
                throw new MigrationConfigurationException("Naming convention '" + key + "' = '" + template
                        + "' uses the token %(" + token + ")s, which " + key + " does not have; use %(table_name)s, "
                        + (key.equals("ck") ? "" : "%(column_0_name)s, %(column_0_N_name)s, %(column_0_label)s, ")
                        + (key.equals("fk") ? "%(referred_table_name)s, " : "") + "or %(constraint_name)s");
            }
            end = m.end();
        }
        if (template.substring(end).contains("%")) {
            throw badSyntax(key, template);
        }
    }

    private static MigrationConfigurationException badSyntax(String key, String template) {
        return new MigrationConfigurationException("Naming convention '" + key + "' = '" + template
                + "' has a '%' outside a token; tokens are written %(name)s, e.g. %(table_name)s");
    }

    /** The templates by key, sorted. */
    public Map<String, String> templates() {
        return templates;
    }

    /** The index with its name resolved by the {@code ix} template. */
    public Index resolve(Index index) {
        Template template = parsed().get("ix");
        String name = index.name();
        if (template != null && (name == null || template.usesConstraintName)) {
            name = template.apply("ix", name, index.table(), index.columnNames(), "", List.of(), null, index);
        }
        if (name == null) {
            throw new IllegalArgumentException("The index on " + index.table() + " " + elementTexts(index)
                    + " needs a name: give one with Index.named(...) or an 'ix' naming convention");
        }
        return name.equals(index.name()) ? index : index.named(name);
    }

    /** The constraint with its name resolved by the template of its kind; the name stays null when none applies. */
    public Constraint resolve(String table, Constraint constraint) {
        String key = switch (constraint.kind()) {
            case PRIMARY_KEY -> "pk";
            case UNIQUE -> "uq";
            case CHECK -> "ck";
            case FOREIGN_KEY -> "fk";
        };
        Template template = parsed().get(key);
        String given = constraint.name();
        if (template == null || (given != null && !template.usesConstraintName)) {
            return constraint;
        }
        String referred = constraint instanceof ForeignKey fk ? fk.referredTable() : "";
        List<String> referredColumns = constraint instanceof ForeignKey fk ? fk.referredColumns() : List.of();
        String name = template.apply(key, given, table, constraint.columns(), referred, referredColumns,
                constraint, null);
        return name.equals(given) ? constraint : constraint.named(name);
    }

    private static List<String> elementTexts(Index index) {
        List<String> texts = new ArrayList<>(index.elements().size());
        for (IndexElement element : index.elements()) {
            texts.add(element.text());
        }
        return texts;
    }

    /**
     * A template split at its tokens: {@code text[0] token[0] text[1] ... token[n-1] text[n]}.
     *
     * @param text               the text around the tokens, one more than the tokens
     * @param tokens             the token names, in order
     * @param source             the template as written, for messages
     * @param usesConstraintName whether it names even a constraint given a name
     */
    private record Template(String[] text, String[] tokens, String source, boolean usesConstraintName) {

        static Template parse(String template) {
            List<String> text = new ArrayList<>();
            List<String> tokens = new ArrayList<>();
            Matcher m = Syntax.TOKEN.matcher(template);
            int end = 0;
            while (m.find()) {
                text.add(template.substring(end, m.start()));
                tokens.add(m.group(1));
                end = m.end();
            }
            text.add(template.substring(end));
            return new Template(text.toArray(new String[0]), tokens.toArray(new String[0]), template,
                    tokens.contains("constraint_name"));
        }

        /** The name; {@code constraint} or {@code index} (the other null) only say what lacks a token's value. */
        String apply(String key, String given, String table, List<String> columns, String referred,
                List<String> referredColumns, Constraint constraint, Index index) {
            try (TextBuffer buffer = TextBuffer.take()) {
                StringBuilder out = buffer.text().append(this.text[0]);
                for (int i = 0; i < this.tokens.length; i++) {
                    String token = this.tokens[i];
                    boolean found = switch (token) {
                        case "table_name" -> append(out, table);
                        case "constraint_name" -> append(out, given);
                        case "column_0_name" -> append(out, columns.isEmpty() ? null : columns.get(0));
                        case "column_0_N_name" -> join(out, "_", null, columns);
                        case "column_0N_name" -> join(out, "", null, columns);
                        case "column_0_label" -> columns.isEmpty() ? false : append(out.append(table).append('_'),
                                columns.get(0));
                        case "column_0_N_label" -> join(out, "_", table, columns);
                        case "referred_table_name" -> append(out, referred);
                        case "referred_column_0_name" -> append(out, referredColumns.isEmpty() ? null
                                : referredColumns.get(0));
                        default -> join(out, "_", null, referredColumns);
                    };
                    if (!found) {
                        String what = index != null ? "index on " + index.table() + elementTexts(index)
                                : key + " constraint on " + table + constraint.columns();
                        throw new IllegalArgumentException("The " + what + " needs a name: the naming convention '"
                                + key + "' = '" + this.source + "' uses %(" + token + ")s, which it does not have"
                                + (token.equals("constraint_name") ? "; give it a name" : "; name it explicitly"));
                    }
                    out.append(this.text[i + 1]);
                }
                return out.toString();
            }
        }

        private static boolean append(StringBuilder out, String value) {
            if (value == null) {
                return false;
            }
            out.append(value);
            return true;
        }

        /** The values joined by the separator, each after {@code prefix_} when a prefix is given. */
        private static boolean join(StringBuilder out, String separator, String prefix, List<String> values) {
            if (values.isEmpty()) {
                return false;
            }
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.append(separator);
                }
                if (prefix != null) {
                    out.append(prefix).append('_');
                }
                out.append(values.get(i));
            }
            return true;
        }
    }

    @Override
    public String toString() {
        return "NamingConvention" + templates;
    }
}
