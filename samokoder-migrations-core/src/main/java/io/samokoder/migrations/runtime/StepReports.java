package io.samokoder.migrations.runtime;

import io.samokoder.migrations.MigrationException;
import io.samokoder.migrations.MigrationExecutionException;
import io.samokoder.migrations.PlannedStep;
import io.samokoder.migrations.StepResult;
import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.plan.Step;
import io.samokoder.migrations.script.Placeholders;
import io.samokoder.migrations.script.RevisionScript;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a run tells about its steps: the start and finish log lines and listener calls, the log
 * table's rows, and on failure the {@link MigrationExecutionException} with the state the database
 * is left in (also written to the log table as an {@code outcome = 'failed'} row).
 */
final class StepReports {

    private static final Logger LOG = LoggerFactory.getLogger("io.samokoder.migrations.Migrations");
    /**
     * A failed step's message, at ERROR: a logger of its own under {@link #LOG}'s, so that a front end that
     * prints the exception itself (the command line's {@code FAILED:} line) can leave the log line out.
     */
    private static final Logger FAILURES = LoggerFactory.getLogger("io.samokoder.migrations.Migrations.failures");

    private final Dialect dialect;
    private final Catalog catalog;
    private final LogStore log;
    private final Listeners listeners;
    private final SessionSettings session;
    /** The steps of this run that committed, in order. */
    private final List<StepResult> done = new ArrayList<>();
    /** Tells the log about a step that takes long, or {@code null}. */
    private StillRunning stillRunning;

    StepReports(Dialect dialect, Catalog catalog, LogStore log, Listeners listeners, SessionSettings session) {
        this.dialect = dialect;
        this.catalog = catalog;
        this.log = log;
        this.listeners = listeners;
        this.session = session;
    }

    /** Has each step announced from now on watched by {@code watch}, which logs while it takes long. */
    void watchSteps(StillRunning watch) {
        this.stillRunning = watch;
    }

    /** The steps of this run that committed, in order. */
    List<StepResult> done() {
        return List.copyOf(this.done);
    }

    /** The script a step runs, or {@code null} for a stamp. */
    RevisionScript script(Step step) {
        return step.kind() == Step.Kind.STAMP || step.revision() == null ? null : this.catalog.script(step.revision());
    }

    /** {@link #script} as a function, for the step preparer; a class, not a method reference: made on every run. */
    Function<Step, RevisionScript> scripts() {
        return new Function<>() {
            @Override
            public RevisionScript apply(Step step) {
                return script(step);
            }
        };
    }

    PlannedStep planned(Step step, RevisionScript script) {
        RevisionScript described = script != null || step.revision() == null ? script
                : this.catalog.script(step.revision());
        return Plans.plannedStep(step, described);
    }

    /**
     * Announces a step: to the log on each attempt, to the listeners only when {@code firstTime} (the
     * run has not reached the step before: a retry's steps were announced by the attempt that first
     * reached them).
     */
    void starting(PlannedStep planned, Step step, RevisionScript script, int attempt, boolean firstTime) {
        if (firstTime) {
            this.listeners.stepStarting(planned);
        }
        boolean watched = this.stillRunning != null && this.stillRunning.shown();
        if (!LOG.isInfoEnabled() && !watched) {
            return;
        }
        String line = step.describe();
        if (script != null && !script.message().isEmpty()) {
            line += ", " + script.message();
        }
        if (attempt > 1) {
            line += " (attempt " + attempt + ")";
        }
        LOG.info(line);
        if (watched) {
            this.stillRunning.step(line);
        }
    }

    /** Records a committed step of a transaction. */
    void finished(StepResult result) {
        this.done.add(result);
        if (LOG.isInfoEnabled()) {
            LOG.info("Finished {} {} in {} ms", verb(result.direction()),
                    result.revision() == null ? "base" : result.revision(), result.duration().toMillis());
        }
        this.listeners.stepFinished(result);
    }

    /** Records a committed non-transactional revision. */
    void finishedNonTransactional(StepResult result) {
        this.done.add(result);
        if (LOG.isInfoEnabled()) {
            LOG.info("Finished {} {} in {} ms (not transactional)", verb(result.direction()), result.revision(),
                    result.duration().toMillis());
        }
        this.listeners.stepFinished(result);
    }

    /** Tells the listeners a step failed with an error that is already reported. */
    void failed(Step step, MigrationException error) {
        this.listeners.stepFailed(planned(step, script(step)), error);
    }

    /** The failure of a transaction: rolled back whole, with the lock it waited for when it ran out of lock_timeout. */
    MigrationExecutionException fail(Connection connection, StepFailure failure, boolean single,
            List<Step> unit, int attempts, String observedWait) {
        Step step = failure.step;
        RevisionScript script = script(step);
        String state;
        if (single) {
            state = "The whole run was one transaction and was rolled back: nothing was applied, and the version table"
                    + " is unchanged at " + rows(unit.get(0).rowsBefore()) + ".";
        } else {
            state = (step.kind() == Step.Kind.STAMP ? "The stamp" : "Revision " + step.revision())
                    + " was rolled back; the version table is unchanged at " + rows(step.rowsBefore()) + "."
                    + earlier();
        }
        if (this.dialect.isLockNotAvailable(failure.error)) {
            state += " It ran out of lock_timeout ("
                    + this.dialect.session().timeoutValue(this.session.lockTimeout(script))
                    + ") " + attempts + " time" + (attempts == 1 ? "" : "s") + " waiting for "
                    + (observedWait.isEmpty() ? "a lock held by another session" : observedWait)
                    + "; retry when the table is not in use, or raise samokoder.migrations.lock-timeout /"
                    + " lock-retries (lockTimeout / lockRetries of the builder; or the revision's 'Lock Timeout:'"
                    + " header).";
        }
        return record(connection, failure, state, attempts, "");
    }

    /**
     * The failure of a non-transactional revision: which of its statements stay committed. On a
     * database without transactional DDL, a failure after some statements committed is logged as a
     * partial attempt ({@link PartialAttempts}), which later runs refuse to run again.
     */
    MigrationExecutionException failNonTransactional(Connection connection, StepFailure failure,
            int committedStatements, int attempts) {
        Step step = failure.step;
        String state;
        // JDBC work of the code's own through op.connection() commits as it goes here, and cannot be counted.
        boolean ownWork = failure.tookConnection();
        boolean partial = !this.dialect.transactionalDdl() && (committedStatements > 0 || ownWork);
        String why = this.dialect.transactionalDdl() ? " is not transactional"
                : " ran without a transaction (DDL is not transactional on " + this.dialect.name() + ")";
        if (committedStatements == 0 && ownWork) {
            boolean down = step.kind() == Step.Kind.DOWNGRADE;
            state = "Revision " + step.revision() + why + ": none of its statements had completed, but its code took"
                    + " op.connection() for JDBC work of its own, which commits as it goes and cannot be counted (if it"
                    + " only read, nothing was changed), while the version table is unchanged at "
                    + rows(step.rowsBefore())
                    + (down ? ", so the revision still counts as applied. "
                            : ", so the revision counts as not applied. ")
                    + (partial ? PARTIAL_WAYS_OUT
                            : "Undo that work by hand or make it safe to repeat, then run again.");
        } else if (committedStatements == 0) {
            state = "Revision " + step.revision() + why + "; none of its statements had completed, so"
                    + " nothing was changed, and the version table is unchanged at " + rows(step.rowsBefore())
                    + ".";
        } else if (failure.statementNumber > 0 || failure.inCode()) {
            boolean down = step.kind() == Step.Kind.DOWNGRADE;
            state = "Revision " + step.revision() + why + ": its " + (committedStatements == 1
                    ? "statement 1 was committed and stays"
                    : "statements 1 to " + committedStatements + " were committed and stay")
                    + (ownWork ? ", and so does any JDBC work its code did through op.connection()" : "")
                    + ", while the version table is unchanged at " + rows(step.rowsBefore())
                    + (down ? ", so the revision still counts as applied. "
                            : ", so the revision counts as not applied. ")
                    + (partial ? PARTIAL_WAYS_OUT : "Undo those statements by hand or make them safe to repeat"
                            + " (IF NOT EXISTS, IF EXISTS), then run again.");
        } else {
            state = "Revision " + step.revision() + why + ": all its statements were committed, but"
                    + " recording it in the version table failed, which is unchanged at " + rows(step.rowsBefore())
                    + ". Fix the cause and stamp " + (step.kind() == Step.Kind.DOWNGRADE ? "the revision below it"
                            : "the revision") + " (its statements already ran).";
        }
        String marker = "";
        if (partial) {
            RevisionScript script = script(step);
            // A revision that reads the database decides its statements as it runs: their number is unknown.
            int total = CodeRunner.live(script) ? -1
                    : StatementSender.statements(step, script, this.dialect, Placeholders.OFF).size();
            marker = PartialAttempts.marker(committedStatements, total, ownWork);
        }
        return record(connection, failure, state + earlier(), attempts, marker);
    }

    private static final String PARTIAL_WAYS_OUT = "Until this is resolved, runs refuse to run the revision again:"
            + " finish its remaining statements by hand and stamp, or undo those statements by hand (or make them"
            + " safe to repeat) and run again with retry-partial enabled.";

    private String earlier() {
        if (this.done.isEmpty()) {
            return "";
        }
        List<String> ids = new ArrayList<>();
        for (StepResult r : this.done) {
            ids.add(r.revision() == null ? "base" : r.revision());
        }
        return " Earlier steps of this run stay committed: " + String.join(", ", ids) + ".";
    }

    private MigrationExecutionException record(Connection connection, StepFailure failure, String state,
            int attempts, String logPrefix) {
        Step step = failure.step;
        RevisionScript script = script(step);
        state += FailureHints.of(failure, script, this.dialect) + this.session.idleLimitHint(failure.error);
        String file = script == null ? "" : script.description();
        String serverMessage = Redactor.redact(Jdbc.firstLine(failure.error.getMessage()));
        MigrationExecutionException error = new MigrationExecutionException(
                step.revision() == null ? "base" : step.revision(), file, failure.statementNumber, failure.line,
                failure.error.getSQLState(), serverMessage, state, !logPrefix.isEmpty(), Jdbc.sanitized(failure.error));
        try {
            connection.setAutoCommit(true);
            this.log.insert(connection, logRow(step, script, Instant.now(), 0, LogStore.FAILED,
                    logPrefix + error.getMessage() + (attempts > 1 ? " [" + attempts + " attempts]" : "")));
        } catch (SQLException e) {
            error.addSuppressed(Jdbc.failure("Could not record the failure in the log table", e));
        }
        FAILURES.error(error.getMessage());
        this.listeners.stepFailed(planned(step, script), error);
        return error;
    }

    LogStore.Row logRow(Step step, RevisionScript script, Instant started, long millis, String outcome,
            String error) {
        String direction = switch (step.kind()) {
            case UPGRADE -> LogStore.UP;
            case DOWNGRADE -> LogStore.DOWN;
            case STAMP -> LogStore.STAMP;
        };
        boolean ran = script != null && step.kind() != Step.Kind.STAMP;
        return new LogStore.Row(step.revision(), direction, script == null ? null : script.message(),
                script == null ? null : script.description(),
                script == null ? null : joined(script.downRevisions()),
                ran ? script.checksum() : null, ran ? this.catalog.contentHash(step.revision()) : null,
                joined(step.rowsBefore()), joined(step.rowsAfter()), started, millis, outcome, error);
    }

    /** The ids joined by commas; a single id as it is (the usual case: no copy). */
    private static String joined(List<String> ids) {
        return ids.size() == 1 ? ids.get(0) : String.join(",", ids);
    }

    static String label(Step step) {
        return step.revision() == null ? "base" : step.revision();
    }

    private static String verb(Step.Kind kind) {
        return switch (kind) {
            case UPGRADE -> "upgrade";
            case DOWNGRADE -> "downgrade";
            case STAMP -> "stamp";
        };
    }

    static String rows(List<String> rows) {
        return rows.isEmpty() ? "<base> (no rows)" : "[" + String.join(", ", rows) + "]";
    }
}
