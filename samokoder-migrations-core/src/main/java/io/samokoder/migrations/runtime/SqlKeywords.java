package io.samokoder.migrations.runtime;

import io.samokoder.migrations.script.RevisionScript;
import io.samokoder.migrations.script.ScriptFormatException;
import io.samokoder.migrations.script.SqlStatement;
import java.util.List;
import java.util.Locale;

/**
 * The first keywords of a statement as the runtime reads them: ASCII letters in any case, as the
 * databases read keywords. Loops of their own rather than {@code regionMatches(true, ...)}, which would
 * bring Unicode case tables into the compiled code of every statement's path.
 */
final class SqlKeywords {

    /** Statements that begin, end or abandon a transaction, by their first keyword. */
    private static final List<String> TRANSACTION_CONTROL = List.of("begin", "start", "commit", "end", "rollback",
            "abort");

    private SqlKeywords() {
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Whether {@code sql[start, start + length)} is {@code keyword} (lower case) in any case. */
    static boolean is(String sql, int start, int length, String keyword) {
        if (keyword.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            // ASCII letters only: upper and lower case differ in bit 0x20 alone.
            if ((sql.charAt(start + i) | 0x20) != keyword.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The statement's first keyword, in upper case, when it begins, ends or abandons a transaction
     * ({@code BEGIN}, {@code START TRANSACTION}, {@code COMMIT}, {@code END}, {@code ROLLBACK},
     * {@code ABORT}), else {@code null}. {@code ROLLBACK [WORK | TRANSACTION] TO ...} stays within the
     * transaction, and MariaDB's {@code BEGIN NOT ATOMIC} is a block: both are {@code null}. The statement
     * begins with its first word, as the splitter gives it.
     */
    static String transactionControl(String sql) {
        int first = wordEnd(sql, 0);
        for (int k = 0; k < TRANSACTION_CONTROL.size(); k++) {
            String keyword = TRANSACTION_CONTROL.get(k);
            if (!is(sql, 0, first, keyword)) {
                continue;
            }
            if ((keyword.equals("start") && !nextIs(sql, first, "transaction"))
                    || (keyword.equals("begin") && nextIs(sql, first, "not"))) {
                return null;
            }
            if (keyword.equals("rollback")) {
                int next = nextIs(sql, first, "work") || nextIs(sql, first, "transaction") ? wordEnd(sql, first)
                        : first;
                if (nextIs(sql, next, "to")) {
                    return null;
                }
            }
            return keyword.toUpperCase(Locale.ROOT);
        }
        return null;
    }

    /**
     * The error for a statement of a revision that runs in a transaction of the engine's (online or in an
     * offline script) when it would begin, end or abandon that transaction; {@code null} otherwise.
     */
    static ScriptFormatException endsTransaction(RevisionScript script, SqlStatement statement) {
        String control = transactionControl(statement.sql());
        if (control == null) {
            return null;
        }
        return new ScriptFormatException(script.description(), statement.line(), "statement " + statement.number()
                + " is " + control + ", but the revision runs in a transaction of the engine's, with its version row,"
                + " which it must not end: what ran before it would stay committed whatever came after. Remove BEGIN,"
                + " COMMIT and ROLLBACK from the script (Alembic's --sql output has them around each revision), or"
                + " declare it '-- Transactional: false' to run in autocommit");
    }

    /** The end of the word that starts after any blanks from {@code from}. */
    private static int wordEnd(String sql, int from) {
        int i = skipBlanks(sql, from);
        while (i < sql.length() && isAsciiLetter(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Whether the word after any blanks from {@code from} is {@code word} (lower case). */
    private static boolean nextIs(String sql, int from, String word) {
        int start = skipBlanks(sql, from);
        return is(sql, start, wordEnd(sql, start) - start, word);
    }

    private static int skipBlanks(String sql, int from) {
        int i = from;
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        return i;
    }
}
