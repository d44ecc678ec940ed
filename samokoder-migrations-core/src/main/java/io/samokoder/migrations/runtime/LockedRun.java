package io.samokoder.migrations.runtime;

import io.samokoder.migrations.ChecksumPolicy;
import io.samokoder.migrations.Command;
import io.samokoder.migrations.MigrationResult;
import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.StepResult;
import io.samokoder.migrations.TransactionMode;
import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.plan.Plan;
import io.samokoder.migrations.script.Placeholders;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part of a run that holds the migration lock: reads the rows and the log again, checks, plans, executes the
 * steps, and records the fingerprint of scripts verified at the heads (see {@link FastStart}).
 */
final class LockedRun {

    private static final Logger LOG = LoggerFactory.getLogger("io.samokoder.migrations.Migrations");

    private final MigrationsConfig config;
    private final Catalog catalog;
    private final Listeners listeners;

    LockedRun(MigrationsConfig config, Catalog catalog, Listeners listeners) {
        this.config = config;
        this.catalog = catalog;
        this.listeners = listeners;
    }

    /**
     * Under the lock: reads the rows and the log on the lock's own (idle, autocommit) connection;
     * checks; plans; and executes the steps, if any (see {@link #execute}).
     */
    MigrationResult run(DataSource dataSource, MigrationLock lock, Binding.Bound bound, RunRequest request,
            boolean tablesSeen, Instant startedAt, long start) {
        // Scripts are split, and operations' literals written, as the lock's session reads SQL (its SQL mode).
        Dialect dialect = bound.dialect().forSqlMode(lock.sqlMode());
        Tables tables = dialect == bound.dialect() ? bound.tables() : bound.tables().withDialect(dialect);
        Command command = request.command();
        String target = request.target();
        boolean purge = request.purge();
        if (lock.contended() && command == Command.UPGRADE && FastStart.applies(this.config, target)) {
            MigrationResult done = verifiedMeanwhile(lock, bound, target, startedAt, start);
            if (done != null) {
                return done;
            }
        }
        if (this.config.transactionMode() == TransactionMode.SINGLE) {
            PlanChecks.singleTransaction(dialect);
        }
        DbState state = LockedReads.state(lock, bound, tablesSeen);
        List<String> rows = state.rows();
        // The rows to plan from: the version rows, or, under rows of a newer build, the loaded ones beneath them.
        List<String> from = command == Command.STAMP && purge ? rows
                : NewerRevisions.planFrom(this.catalog, tables, rows, state.log(), this.config.allowNewerRevisions());
        boolean verified = false;
        if (command == Command.UPGRADE && this.config.checksumPolicy() != ChecksumPolicy.OFF) {
            verified = PlanChecks.drift(this.catalog, tables, this.config.checksumPolicy(), from, state.log());
        }
        Plan plan;
        if (request.move()) {
            Move move = Move.decide(this.catalog.planner(), from, target, request.allowDowngrade());
            command = move.command();
            plan = move.plan();
        } else if (request.leaves()) {
            plan = LeftRevisions.plan(this.catalog.get(), request, from);
        } else {
            plan = Plans.plan(this.catalog.planner(), command, from, target, request.stampTargets(), purge);
        }
        if (from != rows) {
            NewerRevisions.refuseSteps(tables, rows, from, plan);
            return leftNewer(command, target, rows, from, tables, lock, startedAt, start);
        }
        if (command == Command.DOWNGRADE) {
            PlanChecks.reversible(this.catalog, plan);
        }
        if (this.config.transactionMode() == TransactionMode.SINGLE) {
            PlanChecks.transactional(this.catalog, plan, dialect);
        }
        Placeholders placeholders = this.config.placeholders().withBuiltIns(new BuiltInValues(lock, dialect,
                tables.schema(), tables.versionTable()));
        PlanChecks.statements(this.catalog, plan, dialect, placeholders);
        boolean atHeads = command == Command.UPGRADE
                && FastStart.key(plan.rowsAfter()).equals(FastStart.key(this.catalog.graph().heads()));
        // Split before anything runs, so that one that cannot become statements changes nothing.
        List<Repeatables.Prepared> repeatables = atHeads || command == Command.UPGRADE && request.holdContract()
                && LeftRevisions.repeatablesWanted(this.catalog.get(), request, plan.rowsAfter())
                ? Repeatables.prepare(this.catalog.repeatables(), dialect, placeholders) : List.of();
        // Inner classes below, not lambdas: each lambda site spins a class on its first use, cold.
        if (!dialect.transactionalDdl() && !plan.isEmpty() && state.mayHoldLog()) {
            PartialAttempts partial = new PartialAttempts(tables, this.config.retryPartial());
            try {
                lock.read(new Jdbc.Work<Void>() {
                    @Override
                    public Void run(Connection connection) throws SQLException {
                        partial.check(connection, plan);
                        return null;
                    }
                });
            } catch (SQLException e) {
                throw Jdbc.failure("Could not read the log table " + tables.logTable(), e, tables);
            }
        }
        if (state.versionTableMissing() || state.logTableMissing()) {
            try {
                lock.read(new Jdbc.Work<Void>() {
                    @Override
                    public Void run(Connection connection) throws SQLException {
                        state.createMissing(connection, bound.versions(), bound.log(), tables);
                        return null;
                    }
                });
            } catch (SQLException e) {
                throw Jdbc.failure("Could not create the version table " + tables.versionTableName(), e, tables);
            }
        }
        if (!plan.isEmpty()) {
            LOG.info("Migrating {} on {}: {} step{}, {}", tables.versionTableName(), dialect.name(),
                    plan.steps().size(), plan.steps().size() == 1 ? "" : "s",
                    !dialect.transactionalDdl() ? "each statement committing by itself (DDL is not"
                            + " transactional)" : this.config.transactionMode() == TransactionMode.SINGLE
                                    ? "all in one transaction" : "one transaction per revision");
        }
        boolean record = verified && this.config.fastStart() && atHeads;
        List<StepResult> steps = plan.isEmpty() ? List.of()
                : execute(dataSource, lock, plan, tables, placeholders, record ? fingerprintTask() : null);
        List<String> applied = repeatables.isEmpty() ? List.of()
                : applyRepeatables(dataSource, lock, tables, repeatables);
        if (record) {
            recordVerified(lock, bound);
        }
        MigrationResult result = new MigrationResult(command, target, rows, plan.rowsAfter(), steps, startedAt,
                Duration.ofNanos(System.nanoTime() - start), lock.waited(), false, plan.warnings(), applied);
        LOG.info(result.summary());
        this.listeners.runFinished(result);
        return result;
    }

    /** The run that found the database migrated by a newer build and nothing of this build's left to do. */
    private MigrationResult leftNewer(Command command, String target, List<String> rows, List<String> from,
            Tables tables, MigrationLock lock, Instant startedAt, long start) {
        String warning = NewerRevisions.warning(tables, rows, from);
        LOG.warn(warning);
        MigrationResult result = new MigrationResult(command, target, rows, rows, List.of(), startedAt,
                Duration.ofNanos(System.nanoTime() - start), lock.waited(), false, List.of(warning), List.of());
        LOG.info(result.summary());
        this.listeners.runFinished(result);
        return result;
    }

    /**
     * After waiting for another instance's run, the fast start's query again, under the lock: where that run left
     * the database at the heads with these very scripts verified (instances of one build starting together),
     * nothing is left to do and no script is read. Otherwise, or when the query fails, {@code null}: the full path
     * runs and reports what matters.
     */
    private MigrationResult verifiedMeanwhile(MigrationLock lock, Binding.Bound bound, String target,
            Instant startedAt, long start) {
        List<String> rows;
        try {
            rows = FastStart.verifiedRows(lock, bound, this.catalog);
        } catch (SQLException e) {
            LOG.debug("The fast start's query under the lock failed, checking in full: {}", Jdbc.describe(e));
            return null;
        }
        if (rows == null) {
            return null;
        }
        MigrationResult result = FastStart.answered(rows, target, startedAt, start, lock.waited());
        LOG.info("{}; scripts unchanged since verified by the run it waited {} ms for", result.summary(),
                lock.waited().toMillis());
        this.listeners.runFinished(result);
        return result;
    }

    /**
     * Executes on the lock's own connection where the lock belongs to the session, else (a lock held
     * in a transaction) on a second connection.
     */
    private List<StepResult> execute(DataSource dataSource, MigrationLock lock, Plan plan, Tables tables,
            Placeholders placeholders, Runnable closing) {
        Executor executor = new Executor(this.config, tables, this.catalog, this.listeners, lock, placeholders);
        // An inner class, not a lambda: made on every run with steps, cold (see fingerprintTask).
        RunWork<List<StepResult>> steps = new RunWork<>() {
            @Override
            public List<StepResult> run(Connection connection, boolean lockSession) {
                return executor.execute(connection, lockSession, plan, closing);
            }
        };
        try {
            return onRunConnection(dataSource, lock, tables, steps);
        } catch (SQLException e) {
            throw Jdbc.failure("Database error while migrating", e);
        }
    }

    /** Applies the repeatable scripts that are due, on the connection the steps ran on (see {@link #execute}). */
    private List<String> applyRepeatables(DataSource dataSource, MigrationLock lock, Tables tables,
            List<Repeatables.Prepared> prepared) {
        MigrationsConfig config = this.config;
        Listeners listeners = this.listeners;
        RunWork<List<String>> apply = new RunWork<>() {
            @Override
            public List<String> run(Connection connection, boolean lockSession) throws SQLException {
                return Repeatables.apply(connection, tables, config, listeners,
                        Repeatables.pending(connection, tables, prepared), lock, lockSession);
            }
        };
        try {
            return onRunConnection(dataSource, lock, tables, apply);
        } catch (SQLException e) {
            throw Jdbc.failure("Could not read the log table " + tables.logTable() + " for the repeatable scripts", e,
                    tables);
        }
    }

    /** Work on the run's connection; {@code lockSession} tells whether it is the lock's own. */
    private interface RunWork<T> {
        T run(Connection connection, boolean lockSession) throws SQLException;
    }

    /**
     * Runs on the lock's own connection where the lock belongs to the session ({@link MigrationLock#runConnection()}),
     * else (a lock held in a transaction) on a second connection, in autocommit, put back as it was.
     */
    private static <T> T onRunConnection(DataSource dataSource, MigrationLock lock, Tables tables, RunWork<T> work)
            throws SQLException {
        Connection shared = lock.runConnection();
        if (shared != null) {
            return work.run(shared, true);
        }
        try (Connection connection = Jdbc.open(dataSource,
                "migrating (on " + tables.dialect().name() + " a run uses two connections at once: one holds"
                        + " the migration lock in a transaction)")) {
            boolean autoCommit = connection.getAutoCommit();
            if (!autoCommit) {
                connection.setAutoCommit(true);
            }
            try {
                return work.run(connection, false);
            } finally {
                if (!autoCommit && !connection.isClosed()) {
                    connection.setAutoCommit(false);
                }
            }
        }
    }

    /**
     * Takes the scripts' fingerprint (which the catalog keeps) on the run's preparer thread while the
     * last steps run, so that recording it after the run does not wait for the files to be stamped. An
     * inner class, not a method reference: it is made on every run with steps, cold.
     */
    private Runnable fingerprintTask() {
        Catalog scripts = this.catalog;
        return new Runnable() {
            @Override
            public void run() {
                scripts.fingerprint();
            }
        };
    }

    /** Records the fingerprint as verified; the run ended at the heads (see {@link FastStart}). */
    private void recordVerified(MigrationLock lock, Binding.Bound bound) {
        String fingerprint = this.catalog.fingerprint();
        List<String> heads = this.catalog.graph().heads();
        if (fingerprint == null) {
            return;
        }
        try {
            lock.read(new Jdbc.Work<Void>() {
                @Override
                public Void run(Connection connection) throws SQLException {
                    // A revision left part-way (another branch's, say) keeps the full path: validate and check
                    // must see it, and the fast start's answer would hide it.
                    if (!bound.dialect().transactionalDdl()
                            && !new PartialAttempts(bound.tables(), false).list(connection).isEmpty()) {
                        return null;
                    }
                    bound.fastStart().record(connection, fingerprint, heads);
                    return null;
                }
            });
        } catch (SQLException e) {
            // The migration itself succeeded; the next start takes the full path again.
            LOG.warn("Could not record the verified scripts in {} (the next start checks them in full): {}",
                    bound.tables().stateTable(), Jdbc.describe(e));
        }
    }
}
