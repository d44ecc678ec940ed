package io.samokoder.migrations.runtime;

import io.samokoder.migrations.MigrationException;
import io.samokoder.migrations.MigrationExecutionException;
import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.PlannedStep;
import io.samokoder.migrations.SharedSessionException;
import io.samokoder.migrations.StepResult;
import io.samokoder.migrations.TransactionMode;
import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.plan.Plan;
import io.samokoder.migrations.plan.RowChange;
import io.samokoder.migrations.plan.Step;
import io.samokoder.migrations.script.Placeholders;
import io.samokoder.migrations.script.RevisionScript;
import io.samokoder.migrations.script.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes a {@link Plan} step by step on one connection: runs the script part, applies the step's
 * row changes to the version table and writes the log row. By default each revision is one
 * transaction; {@link TransactionMode#SINGLE} makes the whole plan one; a revision marked
 * {@code Transactional: false} runs in autocommit and its version change commits right after it, and so
 * does every revision on a database without transactional DDL (MariaDB, MySQL), where a failure after
 * some statements is logged as a partial attempt ({@link PartialAttempts}).
 * A transaction that fails with lock_not_available is rolled back whole and retried with backoff
 * ({@link LockRetries}). The executor never decides row changes itself.
 *
 * <p>Round trips per transactional revision (PostgreSQL): its script statements that return no rows
 * go to the server together as one JDBC batch ({@link StatementSender}), any other statement on its
 * own; then one round trip applies the row changes, writes the log row and commits, without waiting
 * for the disk but in the run's last step (whose commit, as the log is flushed in order, makes the
 * others durable too). A script of DDL and DML therefore costs two. The configured timeouts are set
 * for the session once per run ({@link SessionSettings}); a revision whose headers override them sets
 * its own for its transaction only ({@code SET LOCAL}, in its batch).
 *
 * <p>Round trips per revision on MariaDB and MySQL (in autocommit): the insert of its
 * {@link PartialAttempts#RUNNING} log row (the driver returns its id with the reply), one per script
 * statement, and one that updates the version row and turns the running row into the success row
 * ({@link RunningRows}); a revision that inserts or deletes a version row, or merges, records itself in
 * a transaction instead (five round trips for one version change: autocommit off, the version
 * change, the log row, the commit, autocommit on).
 *
 * <p>When a batch fails and the driver's error does not say which of its statements failed, the
 * transaction is rolled back and run again with that revision's statements sent one by one, so that
 * the error of that run names its statement; a failure that does not recur then (a deadlock, say)
 * lets the revision through. Failures are reported by {@link StepReports}.
 */
final class Executor {

    private static final Logger LOG = LoggerFactory.getLogger("io.samokoder.migrations.Migrations");

    private final MigrationsConfig config;
    private final Dialect dialect;
    private final VersionStore versions;
    private final LogStore log;
    private final SessionSettings session;
    private final LockRetries retries;
    private final StepReports reports;
    private final RunningRows runningRows;
    private final MigrationLock lock;
    private final Placeholders placeholders;
    private StatementSender sender;
    /** The engine's own prepared statements on the run's connection. */
    private RunStatements statements;
    /** Splits and checksums the scripts of the steps ahead of the run; {@code null} for a short plan. */
    private StepPreparer preparer;

    /**
     * @param placeholders the run's values for placeholders in SQL scripts, built-in ones included
     */
    Executor(MigrationsConfig config, Tables tables, Catalog catalog, Listeners listeners, MigrationLock lock,
            Placeholders placeholders) {
        this.config = config;
        this.placeholders = placeholders;
        this.dialect = tables.dialect();
        this.versions = new VersionStore(tables);
        this.log = new LogStore(tables);
        this.session = new SessionSettings(config, this.dialect);
        this.retries = new LockRetries(this.dialect, this.session, lock, config.lockRetries());
        this.lock = lock;
        this.reports = new StepReports(this.dialect, catalog, this.log, listeners, this.session);
        this.runningRows = new RunningRows(tables, this.versions, this.log);
    }

    /**
     * Runs the plan; the connection must be in autocommit mode and is left in it. {@code closing} (may be
     * {@code null}) is work the caller needs after the run, started on the preparer's thread once every
     * step is prepared (see {@link StepPreparer}); the caller must not rely on it having run.
     *
     * @param lockSession whether {@code connection} is the lock's own ({@link MigrationLock#runConnection()}),
     *     whose statements must then reach the session that took the lock
     * @throws SharedSessionException where they reach another one (a pooler in transaction mode), with the
     *     session as it was and nothing run
     */
    List<StepResult> execute(Connection connection, boolean lockSession, Plan plan, Runnable closing) {
        if (plan.isEmpty()) {
            return List.of();
        }
        SessionSettings.Saved saved = this.session.enterRun(connection);
        if (lockSession && saved.sessionId() != null && saved.sessionId() != this.lock.sessionId()) {
            this.session.leaveRun(connection, saved);
            throw new SharedSessionException(this.lock.name(), this.lock.sessionId(), saved.sessionId());
        }
        this.statements = new RunStatements(connection);
        StillRunning stillRunning = new StillRunning(this.lock, StillRunning.session(saved, this.lock, lockSession));
        this.reports.watchSteps(stillRunning);
        try {
            this.sender = new StatementSender(this.dialect, this.session, this.retries,
                    this.dialect.batchesStatements() && StatementSender.supportsBatches(connection),
                    this.statements, this.placeholders);
            this.preparer = StepPreparer.start(plan.steps(), this.reports.scripts(), this.dialect, closing);
            if (this.config.transactionMode() == TransactionMode.SINGLE) {
                runUnit(connection, plan.steps(), true, true);
            } else {
                int last = plan.steps().size() - 1;
                for (int index = 0; index <= last; index++) {
                    if (this.preparer != null) {
                        this.preparer.reached(index);
                    }
                    Step step = plan.steps().get(index);
                    RevisionScript script = this.reports.script(step);
                    if (script != null && (!script.transactional(this.dialect) || !this.dialect.transactionalDdl())) {
                        runAutocommit(connection, step, script);
                    } else {
                        runUnit(connection, List.of(step), false, index == last);
                    }
                }
            }
            return this.reports.done();
        } finally {
            if (this.preparer != null) {
                this.preparer.stop();
            }
            stillRunning.stop();
            this.statements.close();
            this.retries.close();
            this.session.leaveRun(connection, saved);
        }
    }

    // ---------------------------------------------------------------- transactional units

    /**
     * Runs steps in one transaction. A step's statements go to the server in batches where that is
     * safe; when a batch fails and the server does not say which statement failed, the unit is rolled
     * back and run again with that step's statements sent one by one, and the error of that run is
     * the one reported (a lock timeout in a batch counts as an attempt). Unless it is the run's
     * {@code last}, its commit does not wait for the disk ({@code SessionSql.commitWithoutWaitSql}): the
     * last one's, or the failure's log row, waits for them all.
     */
    private void runUnit(Connection connection, List<Step> steps, boolean single, boolean last) {
        int maxAttempts = this.retries.maxAttempts();
        AtomicReference<String> waits = new AtomicReference<>("");
        boolean[] oneByOne = new boolean[steps.size()];
        // Steps logged in this attempt, and steps the listeners heard of in any attempt.
        int announced = 0;
        int heard = 0;
        int attempt = 1;
        while (true) {
            long unitStart = System.nanoTime();
            List<StepResult> pending = new ArrayList<>();
            Step current = null;
            int currentIndex = 0;
            String[] effective = this.session.runTimeouts();
            try {
                connection.setAutoCommit(false);
                for (int i = 0; i < steps.size(); i++) {
                    Step step = steps.get(i);
                    current = step;
                    currentIndex = i;
                    if (single && this.preparer != null) {
                        this.preparer.reached(i);
                    }
                    RevisionScript script = this.reports.script(step);
                    PlannedStep planned = this.reports.planned(step, script);
                    if (i >= announced) {
                        this.reports.starting(planned, step, script, attempt, i >= heard);
                        announced = i + 1;
                        heard = Math.max(heard, announced);
                    }
                    Instant stepStarted = Instant.now();
                    long stepStart = System.nanoTime();
                    effective = this.sender.send(connection, step, script, effective, oneByOne[i], attempt > 1, waits);
                    long millis = (System.nanoTime() - stepStart) / 1_000_000;
                    recordStep(step,
                            this.reports.logRow(step, script, stepStarted, millis, LogStore.SUCCESS, null),
                            i < steps.size() - 1 ? VersionStore.Ending.NONE
                                    : last ? VersionStore.Ending.COMMIT : VersionStore.Ending.COMMIT_WITHOUT_WAIT);
                    pending.add(new StepResult(step.kind(), step.revision(), planned.message(), planned.file(),
                            step.rowsBefore(), step.rowsAfter(),
                            Duration.ofNanos(System.nanoTime() - (single ? stepStart : unitStart)), attempt));
                }
                connection.commit();
                connection.setAutoCommit(true);
                for (StepResult result : pending) {
                    this.reports.finished(result);
                }
                return;
            } catch (StepFailure failure) {
                rollback(connection);
                boolean lockNotAvailable = this.dialect.isLockNotAvailable(failure.error);
                if (failure.inBatch) {
                    oneByOne[currentIndex] = true;
                    if (lockNotAvailable) {
                        this.retries.afterLockTimeoutInBatch(failure, this.reports.script(failure.step), attempt);
                        attempt++;
                        announced = 0;
                    } else {
                        LOG.info("Revision {} failed in a batch of its statements: {}; rolled back, running it again"
                                + " with its statements sent one by one to find the failing one",
                                StepReports.label(failure.step), Jdbc.describe(failure.error));
                    }
                    continue;
                }
                if (lockNotAvailable && attempt < maxAttempts) {
                    this.retries.afterLockTimeout(failure, this.reports.script(failure.step), attempt);
                    attempt++;
                    announced = 0;
                    continue;
                }
                throw this.reports.fail(connection, failure, single, steps, attempt, waits.get());
            } catch (SQLException e) {
                rollback(connection);
                Step step = current == null ? steps.get(0) : current;
                throw this.reports.fail(connection, new StepFailure(step, 0, 0, e), single, steps, attempt,
                        waits.get());
            } catch (MigrationException e) {
                rollback(connection);
                this.reports.failed(current == null ? steps.get(0) : current, e);
                throw e;
            }
        }
    }

    /**
     * Applies the step's row changes and writes its log row, in one round trip when the changes
     * allow it; with an {@code ending} that commits, the same round trip also commits (the caller's later
     * {@code commit()} then has nothing left to do).
     */
    private void recordStep(Step step, LogStore.Row row, VersionStore.Ending ending) throws StepFailure {
        try {
            if (this.versions.combines(step.rowChanges())) {
                this.versions.applyAndLog(this.statements, step.rowChanges(), this.log, row, ending);
            } else {
                for (RowChange change : step.rowChanges()) {
                    this.versions.apply(this.statements, change);
                }
                this.log.insert(this.statements, row);
            }
        } catch (SQLException e) {
            throw new StepFailure(step, 0, 0, e);
        }
    }

    // ---------------------------------------------------------------- non-transactional revisions

    private void runAutocommit(Connection connection, Step step, RevisionScript script) {
        int maxAttempts = this.retries.maxAttempts();
        PlannedStep planned = this.reports.planned(step, script);
        for (int attempt = 1; ; attempt++) {
            this.reports.starting(planned, step, script, attempt, attempt == 1);
            Instant started = Instant.now();
            long start = System.nanoTime();
            String[] saved = null;
            int committedStatements = 0;
            long running = -1;
            try {
                connection.setAutoCommit(true);
                if (this.session.ownTimeouts(script)) {
                    saved = this.session.runTimeouts();
                    this.session.setTimeouts(connection, step, script, null, false);
                }
                if (!this.dialect.transactionalDdl()) {
                    running = PartialAttempts.begin(this.statements, this.log,
                            this.reports.logRow(step, script, started, 0, PartialAttempts.RUNNING, null));
                }
                if (CodeRunner.live(script)) {
                    boolean lifted = this.session.beforeOwnCode(connection);
                    committedStatements = CodeRunner.run(connection, step, script, this.dialect);
                    this.session.afterOwnCode(connection, lifted);
                } else {
                    Statement st = this.statements.plain();
                    for (SqlStatement statement : StatementSender.statements(step, script, this.dialect,
                            this.placeholders)) {
                        try {
                            st.execute(statement.sql());
                        } catch (SQLException e) {
                            throw new StepFailure(step, statement.number(), statement.line(), e);
                        }
                        committedStatements++;
                    }
                }
                if (saved != null) {
                    this.session.restoreTimeouts(connection, saved);
                    saved = null;
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                LogStore.Row row = this.reports.logRow(step, script, started, millis, LogStore.SUCCESS, null);
                if (running >= 0 && this.runningRows.supported()) {
                    finishRunning(connection, step, running, row);
                } else {
                    connection.setAutoCommit(false);
                    recordStep(step, row, VersionStore.Ending.COMMIT);
                    if (running >= 0) {
                        PartialAttempts.end(this.statements, this.log, running);
                    }
                    connection.commit();
                    connection.setAutoCommit(true);
                }
                this.reports.finishedNonTransactional(new StepResult(step.kind(), step.revision(), planned.message(),
                        planned.file(), step.rowsBefore(), step.rowsAfter(),
                        Duration.ofNanos(System.nanoTime() - start), attempt));
                return;
            } catch (StepFailure failure) {
                rollback(connection);
                if (saved != null) {
                    this.session.restoreQuietly(connection, saved);
                }
                if (CodeRunner.live(script) && failure.statementNumber > 0) {
                    committedStatements = failure.statementNumber - 1;
                } else if (failure.inCode()) {
                    committedStatements = failure.sentBefore;
                }
                if (committedStatements == 0 && failure.statementNumber > 0
                        && this.dialect.isLockNotAvailable(failure.error) && attempt < maxAttempts) {
                    endRunning(connection, running);
                    this.retries.afterLockTimeoutAtFirstStatement(failure, attempt);
                    continue;
                }
                MigrationExecutionException error = this.reports.failNonTransactional(connection, failure,
                        committedStatements, attempt);
                endRunning(connection, running);
                throw error;
            } catch (SQLException e) {
                rollback(connection);
                if (saved != null) {
                    this.session.restoreQuietly(connection, saved);
                }
                MigrationExecutionException error = this.reports.failNonTransactional(connection,
                        new StepFailure(step, 0, 0, e), committedStatements, attempt);
                endRunning(connection, running);
                throw error;
            } catch (MigrationException e) {
                rollback(connection);
                endRunning(connection, running);
                this.reports.failed(step, e);
                throw e;
            }
        }
    }

    /** {@link RunningRows#finish}, its driver errors as the step's failure after its statements. */
    private void finishRunning(Connection connection, Step step, long running, LogStore.Row row)
            throws StepFailure {
        try {
            this.runningRows.finish(connection, this.statements, step.rowChanges(), running, row);
        } catch (SQLException e) {
            throw new StepFailure(step, 0, 0, e);
        }
    }

    /** Removes the revision's {@link PartialAttempts#RUNNING} row, if any, once its failure is logged. */
    private void endRunning(Connection connection, long running) {
        if (running < 0) {
            return;
        }
        try {
            connection.setAutoCommit(true);
            PartialAttempts.end(this.statements, this.log, running);
        } catch (SQLException e) {
            LOG.debug("Could not remove the running row of the log: {}", Jdbc.describe(e));
        }
    }

    private static void rollback(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            LOG.debug("Rollback failed: {}", Jdbc.describe(e));
        }
    }
}
