package io.samokoder.migrations.script;

/**
 * One SQL statement of a revision script, without its terminating semicolon.
 *
 * @param sql the statement text
 * @param number the 1-based position of the statement within its part (upgrade or downgrade)
 * @param line the 1-based line of the script file on which the statement starts
 */
public record SqlStatement(String sql, int number, int line) {
}
