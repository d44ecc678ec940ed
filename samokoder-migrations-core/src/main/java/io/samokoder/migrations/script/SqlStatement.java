package io.samokoder.migrations.script;

import java.util.ArrayList;
import java.util.List;

/**
 * One SQL statement of a revision script, without its terminating semicolon.
 *
 * @param sql the statement text
 * @param number the 1-based position of the statement within its part (upgrade or downgrade)
 * @param line the 1-based line of the script file on which the statement starts
 */
public record SqlStatement(String sql, int number, int line) {

    /**
     * A statement's text followed by its terminator {@code ;} and a line break, the terminator on a line of its own
     * when the last line holds a {@code --} comment (or, with {@code hashComments}, MySQL's {@code #}), which would
     * otherwise swallow it.
     */
    public static String terminated(String sql, boolean hashComments) {
        int lastLine = sql.lastIndexOf('\n');
        boolean comment = sql.indexOf("--", lastLine + 1) >= 0 || hashComments && sql.indexOf('#', lastLine + 1) >= 0;
        return sql + (comment ? "\n;\n" : ";\n");
    }

    /** Statements of code, numbered from 1, without lines in a file (0). */
    static List<SqlStatement> numbered(List<String> sql) {
        List<SqlStatement> statements = new ArrayList<>(sql.size());
        for (int i = 0; i < sql.size(); i++) {
            statements.add(new SqlStatement(sql.get(i), i + 1, 0));
        }
        return List.copyOf(statements);
    }
}
