package io.samokoder.migrations.script;

import java.util.List;

/**
 * The leading keywords of an SQL statement, read as the databases read them: after blanks and comments
 * ({@code --} to the end of the line, and {@code /* ... *}{@code /}, nested as PostgreSQL nests them),
 * ASCII letters in any case. Loops of their own rather than {@code regionMatches(true, ...)}, which would
 * bring Unicode case tables into the compiled code of every statement's path.
 */
public final class StatementKeywords {

    private StatementKeywords() {
    }

    /** Whether the first word of {@code sql} is one of {@code keywords} (lower-case ASCII words). */
    public static boolean firstIsOneOf(String sql, List<String> keywords) {
        int n = sql.length();
        int start = skipBlanksAndComments(sql, 0, n);
        int length = wordEnd(sql, start, n) - start;
        for (int k = 0; k < keywords.size(); k++) {
            String keyword = keywords.get(k);
            if (keyword.length() == length && SqlLexer.isAt(sql, start, keyword)) {
                return true;
            }
        }
        return false;
    }

    /** The start of the first token of {@code text[from, end)}: past blanks and comments; {@code end} if none. */
    static int skipBlanksAndComments(String text, int from, int end) {
        int i = from;
        while (i < end) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < end && text.charAt(i + 1) == '-') {
                int nl = text.indexOf('\n', i);
                i = nl < 0 || nl >= end ? end : nl + 1;
            } else if (c == '/' && i + 1 < end && text.charAt(i + 1) == '*') {
                i = commentEnd(text, i + 2, end);
            } else {
                return i;
            }
        }
        return end;
    }

    /** The end of the ASCII word that starts at {@code from}: {@code from} itself when no letter is there. */
    static int wordEnd(String text, int from, int end) {
        int i = from;
        while (i < end && isAsciiLetter(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Whether the word after blanks and comments from {@code from} is {@code word} (lower case), and no longer. */
    static boolean nextIs(String text, int from, int end, String word) {
        int start = skipBlanksAndComments(text, from, end);
        return wordEnd(text, start, end) - start == word.length() && SqlLexer.isAt(text, start, word);
    }

    /** Past the {@code *}{@code /} that closes a block comment whose text starts at {@code from}. */
    private static int commentEnd(String text, int from, int end) {
        int depth = 1;
        int i = from;
        while (i < end && depth > 0) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < end && text.charAt(i + 1) == '*') {
                depth++;
                i += 2;
            } else if (c == '*' && i + 1 < end && text.charAt(i + 1) == '/') {
                depth--;
                i += 2;
            } else {
                i++;
            }
        }
        return i;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
