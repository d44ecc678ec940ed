package io.samokoder.migrations.lint;

/**
 * A statement the linter warns about.
 *
 * @param revision  the revision's id
 * @param file      where the revision comes from (a script's location, a Java revision's class)
 * @param statement the statement's 1-based position in the revision's upgrade part
 * @param line      the line of the script on which the statement starts; 0 for a revision written as code
 * @param rule      the rule it breaks
 * @param sql       the statement
 * @param problem   what the statement does to other sessions, naming the table
 * @param advice    how to do the same without it, or how to silence the rule when it is intended
 */
public record LintFinding(String revision, String file, int statement, int line, LintRule rule, String sql,
        String problem, String advice) {

    /** Where the statement is: {@code file:line}, or the file and the statement's number for code. */
    public String location() {
        return this.line > 0 ? this.file + ":" + this.line : this.file + " (statement " + this.statement + ")";
    }
}
