package io.samokoder.migrations.schema;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Python-like text for Alembic's messages and diff tuples, and the normalised forms types and defaults compare by. */
final class Texts {

    /** Other spellings of a type and the one they compare as, in this order. */
    private static final String[][] SYNONYMS = {
        {"^character varying", "varchar"},
        {"^(?:char|character)\\b(?!\\()", "char(1)"},
        {"^character\\(", "char("},
        {"^tinyint\\(1\\)$|^bool$", "boolean"},
        {"^(tinyint|smallint|mediumint|bigint|int)\\(\\d+\\)", "$1"},
        {"^int4$|^int$", "integer"},
        {"^int8$", "bigint"},
        {"^int2$", "smallint"},
        {"^decimal", "numeric"},
        {"^float8$|^double$", "double precision"},
        {"^float4$", "real"},
        {"^timestamp without time zone", "timestamp"},
        {"^timestamptz", "timestamp with time zone"},
        {"^time without time zone", "time"},
        {"^timetz", "time with time zone"},
    };

    private static final Pattern CAST_LITERAL = Pattern.compile("('(?:[^']|'')*')::[a-z_ ]+(?:\\(\\d+\\))?");

    private Texts() {
    }

    /** A Python repr of a string ({@code 'x'}, or {@code "it's"}), or {@code None}. */
    static String repr(String text) {
        if (text == null) {
            return "None";
        }
        if (text.contains("'") && !text.contains("\"")) {
            return "\"" + text.replace("\\", "\\\\") + "\"";
        }
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** A Python repr of a boolean. */
    static String repr(boolean value) {
        return value ? "True" : "False";
    }

    /** A Python repr of a list of strings, e.g. {@code ['a', 'b']}. */
    static String repr(List<String> texts) {
        return texts.stream().map(Texts::repr).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A diff tuple of these already-written items, e.g. {@code ('add_table', 'users')}. */
    static String tuple(String kind, String... items) {
        StringBuilder out = new StringBuilder("(").append(repr(kind));
        for (String item : items) {
            out.append(", ").append(item);
        }
        return out.append(')').toString();
    }

    /**
     * A type's SQL for comparing: lower case, whitespace collapsed, none around parentheses and commas, and the
     * databases' other spellings of one type written one way ({@code int4} and {@code int(11)} as {@code integer},
     * {@code character varying} as {@code varchar}, {@code tinyint(1)} as {@code boolean}, ...).
     */
    static String type(String sql) {
        String text = sql.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll(" ?([(),]) ?", "$1");
        for (String[] synonym : SYNONYMS) {
            text = text.replaceAll(synonym[0], synonym[1]);
        }
        return text;
    }

    /**
     * A default expression for comparing, with formatting differences removed: surrounding whitespace and
     * parentheses, runs of whitespace and whitespace next to parentheses and commas, the case of everything outside string literals, and a cast of a string
     * literal ({@code 'new'::character varying}); null for none.
     */
    static String serverDefault(String sql) {
        if (sql == null || sql.isBlank()) {
            return null;
        }
        String text = sql.strip();
        while (text.startsWith("(") && text.endsWith(")") && enclosesAll(text)) {
            text = text.substring(1, text.length() - 1).strip();
        }
        Matcher cast = CAST_LITERAL.matcher(text.toLowerCase(Locale.ROOT));
        if (cast.matches()) {
            text = text.substring(0, cast.end(1));
        }
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        boolean space = false;
        for (char c : text.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            if (!quoted && Character.isWhitespace(c)) {
                space = true;
                continue;
            }
            if (space && !out.isEmpty() && "(,".indexOf(out.charAt(out.length() - 1)) < 0 && "(),".indexOf(c) < 0) {
                out.append(' ');
            }
            space = false;
            out.append(quoted || c == '\'' ? c : Character.toUpperCase(c));
        }
        return out.toString();
    }

    /** Whether the first parenthesis closes at the last character (outside string literals). */
    private static boolean enclosesAll(String text) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
                if (depth == 0 && i < text.length() - 1) {
                    return false;
                }
            }
        }
        return depth == 0;
    }
}
