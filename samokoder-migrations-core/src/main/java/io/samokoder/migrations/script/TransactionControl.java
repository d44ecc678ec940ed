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
     * {@code null}. Blanks and comments before a keyword are skipped (a split SQL part has none before its
     * first word; a Java revision's {@code op.execute} text may).
     */
    static String keyword(String text, int start, int end) {
        int from = StatementKeywords.skipBlanksAndComments(text, start, end);
        int first = StatementKeywords.wordEnd(text, from, end);
        for (String keyword : KEYWORDS) {
            if (first - from != keyword.length() || !SqlLexer.isAt(text, from, keyword)) {
                continue;
            }
            if ((keyword.equals("start") && !StatementKeywords.nextIs(text, first, end, "transaction"))
                    || (keyword.equals("begin") && StatementKeywords.nextIs(text, first, end, "not"))) {
                return null;
            }
            if (keyword.equals("rollback")) {
                int next = first;
                if (StatementKeywords.nextIs(text, first, end, "work")
                        || StatementKeywords.nextIs(text, first, end, "transaction")) {
                    next = StatementKeywords.wordEnd(text, StatementKeywords.skipBlanksAndComments(text, first, end),
                            end);
                }
                if (StatementKeywords.nextIs(text, next, end, "to")) {
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
}
