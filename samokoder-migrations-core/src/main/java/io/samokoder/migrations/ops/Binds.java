package io.samokoder.migrations.ops;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds {@code :name} binds in SQL (a colon not preceded by a letter, digit or underscore), outside quoted
 * strings and identifiers ({@code '...'}, {@code "..."}, backticks, dollar quotes), comments ({@code --},
 * nested {@code /* *}{@code /}) and {@code ::} casts. Inside quotes a doubled quote is one character; a
 * backslash escapes the next character in PostgreSQL's {@code E'...'} strings and, where the database reads
 * backslash escapes (MariaDB/MySQL, unless the session's SQL mode has {@code NO_BACKSLASH_ESCAPES}), in every
 * string. On MariaDB/MySQL {@code #} also starts a comment, and the code of an executable comment
 * ({@code /*!...*}{@code /}, {@code /*M!...*}{@code /}) is read for binds.
 */
final class Binds {

    private Binds() {
    }

    /**
     * The names that are binds whichever way the database reads SQL (PostgreSQL's rules, MySQL's with and
     * without backslash escapes), in order of first use: what a revision must give values for before its
     * database is known.
     */
    static Set<String> names(String sql) {
        Set<String> names = names(sql, false, false);
        names.retainAll(names(sql, true, true));
        names.retainAll(names(sql, true, false));
        return names;
    }

    private static Set<String> names(String sql, boolean mysql, boolean backslashEscapes) {
        BindNames names = new BindNames();
        replace(sql, mysql, backslashEscapes, names);
        return names.found;
    }

    /** Collects the binds' names, in order of first use, replacing each by nothing (a class, not a lambda). */
    private static final class BindNames implements Function<String, String> {

        final Set<String> found = new LinkedHashSet<>();

        @Override
        public String apply(String name) {
            this.found.add(name);
            return "";
        }
    }

    /**
     * The SQL with each bind replaced by {@code literal.apply(name)}; {@code mysql} for MySQL's rules
     * (MariaDB/MySQL), with {@code backslashEscapes} where a backslash escapes the next character in every
     * string there.
     */
    static String replace(String sql, boolean mysql, boolean backslashEscapes, Function<String, String> literal) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int end;
            if (c == '\'' || c == '"' || c == '`') {
                end = closing(sql, i + 1, c, c != '`' && (mysql ? backslashEscapes : isEscapeString(sql, i)));
            } else if ((c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') || (c == '#' && mysql)) {
                int eol = sql.indexOf('\n', i);
                end = eol < 0 ? n : eol;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                end = commentEnd(sql, i);
                int code = mysql ? executableCode(sql, i) : -1;
                if (code > 0 && end - 2 >= code && sql.startsWith("*/", end - 2)) {
                    // MariaDB and MySQL run what an executable comment holds, binds included.
                    String inside = replace(sql.substring(code, end - 2), true, backslashEscapes, literal);
                    out.append(sql, i, code).append(inside).append("*/");
                    i = end;
                    continue;
                }
            } else if (c == '$' && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)))) {
                end = dollarEnd(sql, i);
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                end = i + 2;
            } else if (c == ':' && i + 1 < n && (Character.isLetter(sql.charAt(i + 1)) || sql.charAt(i + 1) == '_')
                    && (i == 0 || !isWordChar(sql.charAt(i - 1)))) {
                int j = i + 1;
                while (j < n && isWordChar(sql.charAt(j))) {
                    j++;
                }
                out.append(literal.apply(sql.substring(i + 1, j)));
                i = j;
                continue;
            } else {
                end = i + 1;
            }
            out.append(sql, i, end);
            i = end;
        }
        return out.toString();
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** Whether the quote at {@code i} opens PostgreSQL's {@code E'...'} string. */
    private static boolean isEscapeString(String sql, int i) {
        return sql.charAt(i) == '\'' && i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
                && (i == 1 || !isWordChar(sql.charAt(i - 2)));
    }

    private static int closing(String sql, int from, char quote, boolean backslashEscapes) {
        int i = from;
        while (i < sql.length()) {
            if (backslashEscapes && sql.charAt(i) == '\\') {
                i += 2;
                continue;
            }
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    /**
     * Where the code of MySQL's executable comment ({@code /*!} or {@code /*M!}) at {@code start} begins, after
     * the mark; -1 for another comment.
     */
    private static int executableCode(String sql, int start) {
        if (sql.startsWith("/*!", start)) {
            return start + 3;
        }
        return sql.startsWith("/*M!", start) ? start + 4 : -1;
    }

    private static int commentEnd(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length() - 1) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    private static int dollarEnd(String sql, int start) {
        int j = start + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
        }
        if (j >= sql.length() || sql.charAt(j) != '$' || (j > start + 1 && Character.isDigit(sql.charAt(start + 1)))) {
            return start + 1;
        }
        String tag = sql.substring(start, j + 1);
        int close = sql.indexOf(tag, j + 1);
        return close < 0 ? sql.length() : close + tag.length();
    }
}
