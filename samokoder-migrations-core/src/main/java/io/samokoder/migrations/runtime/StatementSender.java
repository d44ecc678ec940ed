package io.samokoder.migrations.runtime;

import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.plan.Step;
import io.samokoder.migrations.script.Placeholders;
import io.samokoder.migrations.script.RevisionScript;
import io.samokoder.migrations.script.SqlStatement;
import io.samokoder.migrations.script.StatementKeywords;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a step's script statements inside its transaction, with a plain {@code Statement} (escape
 * processing off): one by one, or, when the dialect and driver batch statements, consecutive
 * statements that return no rows ({@link #batchable}) as one JDBC batch. A failure becomes a
 * {@link StepFailure} naming the statement: from the driver's error for a failed batch
 * ({@link #locate}), or, when that is ambiguous, a {@link StepFailure#inBatch} after which the
 * caller runs the revision again one statement at a time.
 */
final class StatementSender {

    private static final Logger LOG = LoggerFactory.getLogger("io.samokoder.migrations.Migrations");
    /**
     * First keywords of statements that return no rows and may be sent in a batch; in lower case, as
     * {@link StatementKeywords#firstIsOneOf} takes them.
     */
    private static final List<String> BATCHABLE = List.of("create", "alter", "drop", "insert", "update", "delete",
            "merge", "truncate", "comment", "grant", "revoke", "do", "set", "reset", "lock", "refresh", "security",
            "analyze", "reindex", "cluster", "notify", "import");

    private final Dialect dialect;
    private final SessionSettings session;
    private final LockRetries retries;
    /** Whether statements of transactional revisions may be sent in batches (PostgreSQL). */
    private final boolean batching;
    /** The run's statements; script statements go through its one plain statement. */
    private final RunStatements statements;
    private final Placeholders placeholders;

    /** Whether the connection's driver sends JDBC batches (the dialect must allow them too). */
    static boolean supportsBatches(Connection connection) {
        try {
            return connection.getMetaData().supportsBatchUpdates();
        } catch (SQLException e) {
            LOG.debug("Could not ask the driver about batches: {}", Jdbc.describe(e));
            return false;
        }
    }

    StatementSender(Dialect dialect, SessionSettings session, LockRetries retries, boolean batching,
            RunStatements statements, Placeholders placeholders) {
        this.dialect = dialect;
        this.session = session;
        this.retries = retries;
        this.batching = batching;
        this.statements = statements;
        this.placeholders = placeholders;
    }

    /**
     * The statements of a step's script as sent: an SQL script's with {@code placeholders} replaced, unless its
     * header turns them off (a Java revision's are its rendered operations).
     */
    static List<SqlStatement> statements(Step step, RevisionScript script, Dialect dialect,
            Placeholders placeholders) {
        if (script == null) {
            return List.of();
        }
        List<SqlStatement> statements = step.kind() == Step.Kind.DOWNGRADE ? script.downgradeStatements(dialect)
                : script.upgradeStatements(dialect);
        return script.placeholders() ? placeholders.apply(statements, script.description()) : statements;
    }

    /**
     * Sends the step's timeouts (when they change) and statements, in batches unless batching is off
     * or {@code oneByOne}; {@code watchWaits} probes what a statement waits for (a retry after a lock
     * timeout). Returns the timeouts in effect.
     */
    String[] send(Connection connection, Step step, RevisionScript script, String[] effective, boolean oneByOne,
            boolean watchWaits, AtomicReference<String> waits) throws StepFailure {
        if (CodeRunner.live(script)) {
            String[] now = this.session.setTimeouts(connection, step, script, effective, true);
            boolean lifted = this.session.beforeOwnCode(connection);
            CodeRunner.run(connection, step, script, this.dialect);
            this.session.afterOwnCode(connection, lifted);
            return now;
        }
        return this.batching && !oneByOne
                ? runBatched(connection, step, script, effective, watchWaits, waits)
                : runStatements(connection, step, script, effective, watchWaits, waits);
    }

    /** Sends the step's timeouts (when they change) and statements one by one; returns the timeouts in effect. */
    private String[] runStatements(Connection connection, Step step, RevisionScript script, String[] effective,
            boolean watchWaits, AtomicReference<String> waits) throws StepFailure {
        String[] now = this.session.setTimeouts(connection, step, script, effective, true);
        List<SqlStatement> statements = statements(step, script, this.dialect, this.placeholders);
        if (statements.isEmpty()) {
            return now;
        }
        try {
            Statement st = this.statements.plain();
            for (SqlStatement statement : statements) {
                execute(connection, st, step, script, statement, watchWaits, waits);
            }
        } catch (SQLException e) {
            throw new StepFailure(step, 0, 0, e);
        }
        return now;
    }

    private void execute(Connection connection, Statement st, Step step, RevisionScript script,
            SqlStatement statement, boolean watchWaits, AtomicReference<String> waits) throws StepFailure {
        // Checked before it runs: the revision's earlier statements are still in the engine's transaction.
        script.refuseTransactionControl(statement);
        ScheduledFuture<?> probe = watchWaits ? this.retries.scheduleWaitProbe(connection, script, waits) : null;
        try {
            st.execute(statement.sql());
        } catch (SQLException e) {
            throw new StepFailure(step, statement.number(), statement.line(), e);
        } finally {
            if (probe != null) {
                probe.cancel(false);
            }
        }
    }

    /**
     * Sends the step's timeouts (when they change, as {@code SET LOCAL}s) and its statements with as
     * few round trips as is safe: consecutive {@link #batchable} statements go as one JDBC batch,
     * every other statement on its own. A batch with a single statement of the script is sent like
     * one on its own, so that its failure names it (a {@code SET LOCAL} of a timeout does not fail
     * by itself); a failure of a larger batch is a {@link StepFailure#inBatch}. Returns the timeouts
     * in effect.
     */
    private String[] runBatched(Connection connection, Step step, RevisionScript script, String[] effective,
            boolean watchWaits, AtomicReference<String> waits) throws StepFailure {
        String[] wanted = this.session.timeouts(script);
        List<String> settings = Arrays.equals(wanted, effective) ? List.of()
                : this.dialect.ddl().offlineTimeouts(this.session.lockTimeout(script),
                        this.session.statementTimeout(script), true);
        try {
            Statement st = this.statements.plain();
            List<SqlStatement> batch = new ArrayList<>();
            for (SqlStatement statement : statements(step, script, this.dialect, this.placeholders)) {
                if (batchable(statement.sql())) {
                    batch.add(statement);
                } else {
                    flush(connection, st, step, script, settings, batch, watchWaits, waits);
                    settings = List.of();
                    batch.clear();
                    execute(connection, st, step, script, statement, watchWaits, waits);
                }
            }
            flush(connection, st, step, script, settings, batch, watchWaits, waits);
        } catch (SQLException e) {
            throw new StepFailure(step, 0, 0, e);
        }
        return wanted;
    }

    private void flush(Connection connection, Statement st, Step step, RevisionScript script, List<String> settings,
            List<SqlStatement> batch, boolean watchWaits, AtomicReference<String> waits) throws StepFailure {
        if (settings.isEmpty() && batch.size() == 1) {
            execute(connection, st, step, script, batch.get(0), watchWaits, waits);
            return;
        }
        if (settings.isEmpty() && batch.isEmpty()) {
            return;
        }
        try {
            st.clearBatch();
            for (String setting : settings) {
                st.addBatch(setting);
            }
            for (SqlStatement statement : batch) {
                st.addBatch(statement.sql());
            }
        } catch (SQLException e) {
            // The driver refused an entry (pgjdbc refuses what it parses as several statements): send one by one.
            LOG.debug("Sending the statements of {} one by one: {}", StepReports.label(step), Jdbc.describe(e));
            try {
                st.clearBatch();
                for (String setting : settings) {
                    st.execute(setting);
                }
            } catch (SQLException ex) {
                throw new StepFailure(step, 0, 0, ex);
            }
            for (SqlStatement statement : batch) {
                execute(connection, st, step, script, statement, watchWaits, waits);
            }
            return;
        }
        ScheduledFuture<?> probe = watchWaits ? this.retries.scheduleWaitProbe(connection, script, waits) : null;
        try {
            st.executeBatch();
        } catch (SQLException e) {
            if (batch.size() > 1) {
                SqlStatement failed = locate(e, batch);
                if (failed != null) {
                    throw new StepFailure(step, failed.number(), failed.line(), StepFailure.serverError(e));
                }
                throw StepFailure.inBatch(step, e);
            }
            SQLException cause = StepFailure.serverError(e);
            throw batch.isEmpty() ? new StepFailure(step, 0, 0, cause)
                    : new StepFailure(step, batch.get(0).number(), batch.get(0).line(), cause);
        } finally {
            if (probe != null) {
                probe.cancel(false);
            }
        }
    }

    /**
     * The statement of a failed batch that the driver's error names: pgjdbc's message quotes the
     * failed entry's text (in every language it translates to), so the one statement of the batch
     * whose text it contains is the one that failed. {@code null} when none or several match (for
     * example two identical statements); the caller then finds it by running them one by one. The
     * message is only searched, never shown: it quotes SQL, which may hold secrets.
     */
    static SqlStatement locate(SQLException error, List<SqlStatement> batch) {
        String message = error.getMessage();
        if (message == null) {
            return null;
        }
        SqlStatement found = null;
        for (SqlStatement statement : batch) {
            if (message.contains(statement.sql())) {
                if (found != null) {
                    return null;
                }
                found = statement;
            }
        }
        return found;
    }

    /**
     * Whether a statement may go to the server in a batch: it must return no rows, because pgjdbc
     * executes batch entries with a row limit of one, so a {@code SELECT} there runs only until its
     * first row (a {@code SELECT f(x) FROM ...} would call {@code f} once). Decided by the first
     * keyword after comments; {@code INSERT}/{@code UPDATE}/{@code DELETE}/{@code MERGE} with
     * {@code RETURNING} run to completion all the same. Anything not listed (SELECT, WITH, VALUES,
     * TABLE, SHOW, EXPLAIN, CALL, COPY, transaction control, ...) is sent on its own.
     */
    static boolean batchable(String sql) {
        return StatementKeywords.firstIsOneOf(sql, BATCHABLE);
    }
}
