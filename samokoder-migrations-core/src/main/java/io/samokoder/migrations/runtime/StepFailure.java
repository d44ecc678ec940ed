package io.samokoder.migrations.runtime;

import io.samokoder.migrations.plan.Step;
import java.sql.SQLException;

/** A statement or version change of a step that failed, with where it was (checked, never escapes the runtime). */
final class StepFailure extends Exception {
    private static final long serialVersionUID = 1L;
    final transient Step step;
    final int statementNumber;
    final int line;
    final SQLException error;
    /** The statement failed in a batch of several, so which one is not known. */
    final boolean inBatch;
    /**
     * For a failure of a revision's code outside its statements ({@link #IN_CODE}): how many of its
     * statements had been sent before.
     */
    final int sentBefore;

    /** The {@link #statementNumber} of a failure of a revision's code outside its statements. */
    static final int IN_CODE = -1;

    StepFailure(Step step, int statementNumber, int line, SQLException error) {
        this(step, statementNumber, line, error, false, 0);
    }

    private StepFailure(Step step, int statementNumber, int line, SQLException error, boolean inBatch,
            int sentBefore) {
        super(error.getMessage(), null, false, false);
        this.step = step;
        this.statementNumber = statementNumber;
        this.line = line;
        this.error = error;
        this.inBatch = inBatch;
        this.sentBefore = sentBefore;
    }

    static StepFailure inBatch(Step step, SQLException error) {
        return new StepFailure(step, 0, 0, serverError(error), true, 0);
    }

    /** The revision's code failed (threw, or its own JDBC work did) after sending {@code sent} statements. */
    static StepFailure inCode(Step step, int sent, SQLException error) {
        return new StepFailure(step, IN_CODE, 0, error, false, sent);
    }

    /** Whether the revision's code failed outside its statements. */
    boolean inCode() {
        return this.statementNumber == IN_CODE;
    }

    /**
     * Whether the revision's code had taken the connection for JDBC work of its own ({@code op.connection()}),
     * which the statements counted here do not include.
     */
    private boolean tookConnection;

    /** Marks that the code took the connection; returns this failure. */
    StepFailure tookConnection(boolean taken) {
        this.tookConnection = taken;
        return this;
    }

    /** See {@link #tookConnection(boolean)}. */
    boolean tookConnection() {
        return this.tookConnection;
    }

    /**
     * The server's error behind a failed batch: pgjdbc chains it as the next exception of its
     * {@code BatchUpdateException}, whose own message quotes the statement.
     */
    static SQLException serverError(SQLException error) {
        if (error.getNextException() != null) {
            return error.getNextException();
        }
        return error.getCause() instanceof SQLException cause ? cause : error;
    }
}
