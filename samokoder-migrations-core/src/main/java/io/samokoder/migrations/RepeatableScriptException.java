package io.samokoder.migrations;

/**
 * A statement of a repeatable script failed. The message names the script, the statement number and line, the
 * SQLSTATE and the server's message, and says what state the database was left in; the revisions of the run stay
 * applied, and the next run applies the script again.
 */
public class RepeatableScriptException extends MigrationException {

    private static final long serialVersionUID = 1L;

    private final String script;
    private final int statementNumber;
    private final int line;

    /**
     * Creates the exception; the message is composed from the parts.
     *
     * @param script where the script comes from
     * @param statementNumber the 1-based number of the failing statement, or 0 when writing its log row failed
     * @param line the line of the script on which the statement starts, or 0
     * @param error the SQLSTATE and the server's message (credentials removed)
     * @param databaseState what state the database is in now
     * @param cause the underlying error
     */
    public RepeatableScriptException(String script, int statementNumber, int line, String error,
            String databaseState, Throwable cause) {
        super("Repeatable script " + script + " failed " + (statementNumber > 0 ? "at statement " + statementNumber
                + (line > 0 ? " (line " + line + ")" : "") : "while writing its log row") + ": " + error + ". "
                + databaseState, cause);
        this.script = script;
        this.statementNumber = statementNumber;
        this.line = line;
    }

    /** Where the script comes from. */
    public String script() {
        return this.script;
    }

    /** The 1-based number of the failing statement, or 0 when writing its log row failed. */
    public int statementNumber() {
        return this.statementNumber;
    }

    /** The line of the script on which the failing statement starts, or 0. */
    public int line() {
        return this.line;
    }
}
