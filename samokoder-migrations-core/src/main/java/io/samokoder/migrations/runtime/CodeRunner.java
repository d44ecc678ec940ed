package io.samokoder.migrations.runtime;

import io.samokoder.migrations.MigrationException;
import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.plan.Step;
import io.samokoder.migrations.script.RevisionCode;
import io.samokoder.migrations.script.RevisionScript;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Runs a code revision that reads the database ({@link RevisionCode#readsDatabase()}) against the
 * step's connection: its code decides as it goes, so each statement it makes is sent at once and
 * numbered in order, and a failure names the statement reached. Revisions that only call operations
 * are not run here: their rendered statements go the way an SQL script's do.
 */
final class CodeRunner {

    private CodeRunner() {
    }

    /** Whether the step's script is code that must run against the database. */
    static boolean live(RevisionScript script) {
        if (script == null) {
            return false;
        }
        Optional<RevisionCode> code = script.code();
        return code.isPresent() && code.get().readsDatabase();
    }

    /**
     * Runs it inside the caller's transaction, or in autocommit if the connection is in it; returns
     * the number of statements sent. When statement k fails, the failure names it; statements 1..k−1
     * were sent (in autocommit, committed).
     */
    static int run(Connection connection, Step step, RevisionScript script, Dialect dialect) throws StepFailure {
        RevisionCode code = script.code().orElseThrow();
        Counted sent = new Counted();
        try (Statement st = connection.createStatement()) {
            st.setEscapeProcessing(false);
            sent.statement = st;
            code.run(step.kind() != Step.Kind.DOWNGRADE, connection, dialect, sent);
            return sent.count;
        } catch (Failed failed) {
            throw new StepFailure(step, failed.number, 0, failed.error).tookConnection(sent.tookConnection);
        } catch (SQLException e) {
            // The revision's own JDBC work through op.connection() failed.
            throw StepFailure.inCode(step, sent.count, e).tookConnection(sent.tookConnection);
        } catch (MigrationException e) {
            throw e;
        } catch (Exception e) {
            Failed failed = cause(e);
            if (failed != null) {
                throw new StepFailure(step, failed.number, 0, failed.error).tookConnection(sent.tookConnection);
            }
            throw StepFailure.inCode(step, sent.count, new SQLException(describe(e), null, e))
                    .tookConnection(sent.tookConnection);
        }
    }

    /** The revision's statements, sent in order and counted, and whether its code took the connection. */
    private static final class Counted implements RevisionCode.Sink {

        private Statement statement;
        private int count;
        private boolean tookConnection;

        @Override
        public void send(String sql) throws SQLException {
            int number = this.count + 1;
            try {
                this.statement.execute(sql);
            } catch (SQLException e) {
                throw new Failed(number, e);
            }
            this.count = number;
        }

        @Override
        public void tookConnection() {
            this.tookConnection = true;
        }
    }

    /** The statement failure under whatever the revision's code wrapped it in, if any. */
    private static Failed cause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Failed failed) {
                return failed;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return "the revision's code threw " + e.getClass().getName() + (message == null ? "" : ": " + message);
    }

    /** A statement the revision made failed; carries it through the revision's code. */
    private static final class Failed extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final int number;
        private final transient SQLException error;

        Failed(int number, SQLException error) {
            super(null, error, false, false);
            this.number = number;
            this.error = error;
        }
    }
}
