package io.samokoder.migrations.ops;

import io.samokoder.migrations.MigrationConfigurationException;
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

    private static final Pattern TOKEN = Pattern.compile("%\\(([^)]*)\\)s");
    private static final Set<String> KEYS = Set.of("ix", "uq", "ck", "fk", "pk");
    private static final Set<String> COLUMN_TOKENS = Set.of("column_0_name", "column_0_N_name", "column_0N_name",
            "column_0_label", "column_0_N_label");
    private static final Set<String> REFERRED_TOKENS = Set.of("referred_table_name", "referred_column_0_name",
            "referred_column_0_N_name");

    /** The convention Alembic users typically configure (see the class comment for the tokens). */
    public static final NamingConvention DEFAULT = of(Map.of(
            "ix", "ix_%(table_name)s_%(column_0_N_name)s",
            "uq", "uq_%(table_name)s_%(column_0_N_name)s",
            "ck", "ck_%(table_name)s_%(constraint_name)s",
            "fk", "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk", "pk_%(table_name)s"));

    /** No convention: names are as given, and unnamed constraints are named by the database. */
    public static final NamingConvention NONE = of(Map.of());

    private final Map<String, String> templates;

    private NamingConvention(Map<String, String> templates) {
        this.templates = templates;
    }

    /**
     * A convention of these templates by key.
     *
     * @throws MigrationConfigurationException for an unknown key or token, naming it and how to fix it
     */
    public static NamingConvention of(Map<String, String> templates) {
        Map<String, String> sorted = new TreeMap<>();
        templates.forEach((key, template) -> {
            if (!KEYS.contains(key)) {
                throw new MigrationConfigurationException("Naming convention key '" + key + "' is unknown; use ix, uq,"
                        + " ck, fk or pk");
            }
            check(key, template);
            sorted.put(key, template);
        });
        return new NamingConvention(Collections.unmodifiableMap(sorted));
    }

    private static void check(String key, String template) {
        if (template == null || template.isBlank()) {
            throw new MigrationConfigurationException("Naming convention '" + key + "' is blank; give a template such"
                    + " as " + key + "_%(table_name)s or leave the key out");
        }
        Matcher m = TOKEN.matcher(template);
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
        String name = apply("ix", index.name(), index.table(), index.columnNames(), "", List.of(),
                "index on " + index.table() + index.elements().stream().map(IndexElement::text).toList());
        if (name == null) {
            throw new IllegalArgumentException("The index on " + index.table() + " "
                    + index.elements().stream().map(IndexElement::text).toList()
                    + " needs a name: give one with Index.named(...) or an 'ix' naming convention");
        }
        return index.named(name);
    }

    /** The constraint with its name resolved by the template of its kind; the name stays null when none applies. */
    public Constraint resolve(String table, Constraint constraint) {
        String key = switch (constraint.kind()) {
            case PRIMARY_KEY -> "pk";
            case UNIQUE -> "uq";
            case CHECK -> "ck";
            case FOREIGN_KEY -> "fk";
        };
        String referred = constraint instanceof ForeignKey fk ? fk.referredTable() : "";
        List<String> referredColumns = constraint instanceof ForeignKey fk ? fk.referredColumns() : List.of();
        String name = apply(key, constraint.name(), table, constraint.columns(), referred, referredColumns,
                key + " constraint on " + table + constraint.columns());
        return name == null ? constraint : constraint.named(name);
    }

    private String apply(String key, String given, String table, List<String> columns, String referred,
            List<String> referredColumns, String what) {
        String template = templates.get(key);
        if (template == null || (given != null && !template.contains("%(constraint_name)s"))) {
            return given;
        }
        Matcher m = TOKEN.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String token = m.group(1);
            String value = switch (token) {
                case "table_name" -> table;
                case "constraint_name" -> given;
                case "column_0_name" -> first(columns);
                case "column_0_N_name" -> columns.isEmpty() ? null : String.join("_", columns);
                case "column_0N_name" -> columns.isEmpty() ? null : String.join("", columns);
                case "column_0_label" -> columns.isEmpty() ? null : table + "_" + columns.get(0);
                case "column_0_N_label" -> columns.isEmpty() ? null
                        : String.join("_", columns.stream().map(c -> table + "_" + c).toList());
                case "referred_table_name" -> referred;
                case "referred_column_0_name" -> first(referredColumns);
                default -> referredColumns.isEmpty() ? null : String.join("_", referredColumns);
            };
            if (value == null) {
                throw new IllegalArgumentException("The " + what + " needs a name: the naming convention '" + key
                        + "' = '" + template + "' uses %(" + token + ")s, which it does not have"
                        + (token.equals("constraint_name") ? "; give it a name" : "; name it explicitly"));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String first(List<String> columns) {
        return columns.isEmpty() ? null : columns.get(0);
    }

    @Override
    public String toString() {
        return "NamingConvention" + templates;
    }
}
