package io.samokoder.migrations.jpa;

import java.util.Locale;

/**
 * A {@code @Column(columnDefinition = ...)} split as the database reads it: the type, then the clauses
 * Hibernate writes after it verbatim ({@code DEFAULT <expr>}, {@code NOT NULL}, {@code NULL}, {@code CHECK},
 * ...). Only the type is a type: {@code "boolean default false not null"} is a {@code boolean} column with a
 * default, not a column of type {@code boolean default false not null}.
 *
 * @param type          the type part, e.g. {@code boolean} or {@code numeric(10, 2)}
 * @param serverDefault the {@code DEFAULT} expression, or {@code null}
 * @param notNull       whether the definition says {@code NOT NULL}
 */
record ColumnDefinition(String type, String serverDefault, boolean notNull) {

    private static final String[] CLAUSES = {"default", "not", "null", "check", "unique", "primary", "references",
        "collate", "generated", "constraint", "comment", "auto_increment", "on"};

    /** Splits a definition; one without clauses is all type. */
    static ColumnDefinition parse(String definition) {
        String text = definition.strip();
        int typeEnd = nextClause(text, 0);
        String type = text.substring(0, typeEnd).strip();
        String serverDefault = null;
        boolean notNull = false;
        int at = typeEnd;
        while (at < text.length()) {
            String word = wordAt(text, at);
            int next = nextClause(text, at + word.length());
            if (word.equals("default")) {
                serverDefault = text.substring(at + word.length(), next).strip();
            } else if (word.equals("not") && wordAt(text, skipBlanks(text, at + 3)).equals("null")) {
                notNull = true;
                next = nextClause(text, skipBlanks(text, at + 3) + 4);
            }
            at = next;
        }
        return new ColumnDefinition(type.isEmpty() ? text : type, serverDefault, notNull);
    }

    /** The start of the next clause keyword at or after {@code from}, outside quotes and parentheses. */
    private static int nextClause(String text, int from) {
        int depth = 0;
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && i > from && Character.isWhitespace(text.charAt(i - 1))
                    && isClause(wordAt(text, i))) {
                return i;
            }
        }
        return text.length();
    }

    private static boolean isClause(String word) {
        for (String clause : CLAUSES) {
            if (clause.equals(word)) {
                return true;
            }
        }
        return false;
    }

    /** The lower-case word (letters and {@code _}) starting at {@code at}. */
    private static String wordAt(String text, int at) {
        int end = at;
        while (end < text.length() && (Character.isLetter(text.charAt(end)) || text.charAt(end) == '_')) {
            end++;
        }
        return text.substring(at, end).toLowerCase(Locale.ROOT);
    }

    private static int skipBlanks(String text, int at) {
        int i = at;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
