package io.samokoder.migrations.script;

import java.util.Locale;

/**
 * Statements that begin, end or abandon a transaction, told by their first keywords: a revision that runs
 * in the engine's transaction (with its version row) must not contain them.
 */
final class TransactionControl {

    /** The first keywords of such statements. */
    private static final String[] KEYWORDS = {"begin", "start", "commit", "end", "rollback", "abort"};

    private TransactionControl() {
    }

    /**
     * The first keyword of the statement {@code text[start, end)}, in upper case, when it begins, ends or
     * abandons a transaction ({@code BEGIN}, {@code START TRANSACTION}, {@code COMMIT}, {@code END},
     * {@code ROLLBACK}, {@code ABORT}), else {@code null}. {@code ROLLBACK [WORK | TRANSACTION] TO ...}
     * stays within the transaction, and MariaDB's {@code BEGIN NOT ATOMIC} is a block: both are
     * {@code null}. The statement begins with its first word, as the splitter gives it.
     */
    static String keyword(String text, int start, int end) {
        int first = wordEnd(text, start, end);
        for (String keyword : KEYWORDS) {
            if (first - start != keyword.length() || !SqlLexer.isAt(text, start, keyword)) {
                continue;
            }
            if ((keyword.equals("start") && !nextIs(text, first, end, "transaction"))
                    || (keyword.equals("begin") && nextIs(text, first, end, "not"))) {
                return null;
            }
            if (keyword.equals("rollback")) {
                int next = nextIs(text, first, end, "work") || nextIs(text, first, end, "transaction")
                        ? wordEnd(text, skipBlanks(text, first, end), end) : first;
                if (nextIs(text, next, end, "to")) {
                    return null;
                }
            }
            return keyword.toUpperCase(Locale.ROOT);
        }
        return null;
    }

    /** The error for statement {@code number} (at {@code line} of {@code file}), whose first keyword is {@code keyword}. */
    static ScriptFormatException error(String file, int number, int line, String keyword) {
        return new ScriptFormatException(file, line, "statement " + number + " is " + keyword + ", but the revision"
                + " runs in a transaction of the engine's, with its version row, which it must not end: what ran"
                + " before it would stay committed whatever came after. Remove BEGIN, COMMIT and ROLLBACK from the"
                + " script (Alembic's --sql output has them around each revision), or declare it"
                + " '-- Transactional: false' to run in autocommit");
    }

    /** The end of the ASCII word that starts at {@code from}. */
    private static int wordEnd(String text, int from, int end) {
        int i = from;
        while (i < end && isAsciiLetter(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Whether the word after any blanks from {@code from} is {@code word} (lower case), and nothing more. */
    private static boolean nextIs(String text, int from, int end, String word) {
        int start = skipBlanks(text, from, end);
        return wordEnd(text, start, end) - start == word.length() && SqlLexer.isAt(text, start, word);
    }

    private static int skipBlanks(String text, int from, int end) {
        int i = from;
        while (i < end && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
