package io.samokoder.migrations;

/**
 * A statement of a revision failed. The message names the revision, its file, the statement number
 * and line, the SQLSTATE and the server's message, and says what state the database was left in.
 */
public class MigrationExecutionException extends MigrationException {

    private static final long serialVersionUID = 1L;

    private final String revision;
    private final String file;
    private final int statementNumber;
    private final int line;
    private final String sqlState;
    private final String serverMessage;
    private final String databaseState;
    private final boolean leftPartial;

    /**
     * Creates the exception; the message is composed from the parts.
     *
     * @param revision the revision that failed
     * @param file its script
     * @param statementNumber the 1-based number of the failing statement in its part, 0 when the
     *     version-table change failed, or -1 when a Java revision's code failed outside its statements
     * @param line the line of the script on which the statement starts, or 0
     * @param sqlState the SQLSTATE, or {@code null}
     * @param serverMessage the server's message (credentials removed)
     * @param databaseState what state the database is in now
     * @param cause the underlying error
     */
    public MigrationExecutionException(String revision, String file, int statementNumber, int line, String sqlState,
            String serverMessage, String databaseState, Throwable cause) {
        this(revision, file, statementNumber, line, sqlState, serverMessage, databaseState, false, cause);
    }

    /**
     * Creates the exception for a revision that may have been left part-way.
     *
     * @param leftPartial whether statements of the revision stay applied and later runs refuse to run
     *     it again until resolved (see {@link #leftPartial()})
     * @see #MigrationExecutionException(String, String, int, int, String, String, String, Throwable)
     */
    public MigrationExecutionException(String revision, String file, int statementNumber, int line, String sqlState,
            String serverMessage, String databaseState, boolean leftPartial, Throwable cause) {
        super(compose(revision, file, statementNumber, line, sqlState, serverMessage, databaseState), cause);
        this.leftPartial = leftPartial;
        this.revision = revision;
        this.file = file;
        this.statementNumber = statementNumber;
        this.line = line;
        this.sqlState = sqlState;
        this.serverMessage = serverMessage;
        this.databaseState = databaseState;
    }

    private static String compose(String revision, String file, int statementNumber, int line, String sqlState,
            String serverMessage, String databaseState) {
        StringBuilder out = new StringBuilder("Revision ").append(revision).append(" failed");
        if (statementNumber > 0) {
            out.append(" at statement ").append(statementNumber);
        } else if (statementNumber < 0) {
            out.append(" in its code");
        } else {
            out.append(" while updating the version table");
        }
        if (file != null && !file.isEmpty()) {
            out.append(" (").append(file);
            if (line > 0) {
                out.append(", line ").append(line);
            }
            out.append(')');
        }
        out.append(": ");
        if (sqlState != null) {
            out.append("SQLSTATE ").append(sqlState).append(": ");
        }
        out.append(serverMessage).append(". ").append(databaseState);
        return out.toString();
    }

    /** The revision that failed. */
    public String revision() {
        return this.revision;
    }

    /** Its script. */
    public String file() {
        return this.file;
    }

    /**
     * The 1-based number of the failing statement, 0 when the version-table change failed, or -1 when
     * a Java revision's code failed outside its statements (it threw, or its own JDBC work failed).
     */
    public int statementNumber() {
        return this.statementNumber;
    }

    /** The script line on which the failing statement starts, or 0. */
    public int line() {
        return this.line;
    }

    /** The SQLSTATE, or {@code null}. */
    public String sqlState() {
        return this.sqlState;
    }

    /** The server's message, without credentials. */
    public String serverMessage() {
        return this.serverMessage;
    }

    /** What state the database was left in. */
    public String databaseState() {
        return this.databaseState;
    }

    /**
     * Whether the revision was left part-way on a database without transactional DDL: its statements
     * before the failing one stay applied, and later runs refuse to run it again (a
     * {@link PartialRevisionException}) until it is finished by hand and stamped, or undone and run again
     * with {@code retryPartial}.
     */
    public boolean leftPartial() {
        return this.leftPartial;
    }
}
