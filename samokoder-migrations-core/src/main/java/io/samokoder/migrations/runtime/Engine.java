package io.samokoder.migrations.runtime;

import io.samokoder.migrations.ChecksumPolicy;
import io.samokoder.migrations.Command;
import io.samokoder.migrations.LogEntry;
import io.samokoder.migrations.MigrationException;
import io.samokoder.migrations.MigrationPlan;
import io.samokoder.migrations.MigrationResult;
import io.samokoder.migrations.MigrationStatus;
import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.OfflineScript;
import io.samokoder.migrations.RepairResult;
import io.samokoder.migrations.RevisionInfo;
import io.samokoder.migrations.StepResult;
import io.samokoder.migrations.TransactionMode;
import io.samokoder.migrations.ValidationResult;
import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.graph.RevisionException;
import io.samokoder.migrations.graph.RevisionGraph;
import io.samokoder.migrations.plan.Plan;
import io.samokoder.migrations.plan.RevisionMap;
import io.samokoder.migrations.schema.Schema;
import io.samokoder.migrations.script.RevisionScript;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge from the public facade {@link io.samokoder.migrations.Migrations} to the runtime. Not
 * an API: its methods may change without notice; call {@code Migrations} instead.
 */
public final class Engine {

    private static final Logger LOG = LoggerFactory.getLogger("io.samokoder.migrations.Migrations");

    /** How many times a run takes the lock when it finds the lock lost before changing anything. */
    private static final int LOCK_ATTEMPTS = 3;

    private final MigrationsConfig config;
    private final Catalog catalog;
    private final Binding binding;
    private final Listeners listeners;
    private final Queries queries;

    /** Creates the engine; loads nothing. */
    public Engine(MigrationsConfig config) {
        this.config = config;
        this.catalog = new Catalog(config);
        this.binding = new Binding(config);
        this.listeners = new Listeners(config.listeners());
        this.queries = new Queries(config, this.catalog, this.binding);
    }

    /** The configuration. */
    public MigrationsConfig config() {
        return this.config;
    }

    // ---------------------------------------------------------------- runs

    /** What a run was asked to do. */
    private record Request(Command command, String target, List<String> stampTargets, boolean purge, boolean move,
            boolean allowDowngrade, boolean undeferred) {
    }

    /** Runs upgrade, downgrade or stamp: lock, re-read, check, plan, execute. */
    public MigrationResult run(Command command, String target, List<String> stampTargets, boolean purge) {
        return run(new Request(command, target, stampTargets, purge, false, false, false));
    }

    /** Upgrades to every revision that is not deferred, as a start-up does; see {@link Deferred}. */
    public MigrationResult upgradeUndeferred() {
        return run(new Request(Command.UPGRADE, "heads", null, false, false, false, true));
    }

    /**
     * Moves the database to a target, up or down, deciding under the lock: an upgrade when the target
     * has anything to upgrade, else a downgrade when the target lies below the rows (refused with
     * {@link io.samokoder.migrations.DowngradeNotAllowedException} unless allowed, and checked for irreversible revisions
     * before anything runs), else nothing.
     */
    public MigrationResult move(String target, boolean allowDowngrade) {
        return run(new Request(Command.UPGRADE, target, null, false, true, allowDowngrade, false));
    }

    private MigrationResult run(Request request) {
        Command command = request.command();
        String target = request.target();
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        // The fast start's connection, kept for the lock when the full path runs.
        Connection kept = null;
        boolean tablesSeen = false;
        try {
            if (command == Command.UPGRADE && FastStart.applies(this.config, target)) {
                // The scripts' stamps are taken while the connection and the query make their round trips.
                this.catalog.fingerprintAhead();
                kept = Jdbc.open(this.config.dataSource(), FastStart.READING);
                FastStart.Answer answer = FastStart.verifiedRows(kept, this.binding, this.catalog);
                if (answer.rows() == null) {
                    // Not wanted (or taken and not matching): the stamping stops, the load runs alone.
                    this.catalog.dropAhead();
                }
                if (answer.rows() != null || !answer.connectionReusable()) {
                    Jdbc.closeQuietly(kept);
                    kept = null;
                }
                if (answer.rows() != null) {
                    return verified(answer.rows(), target, startedAt, start);
                }
                tablesSeen = answer.tablesSeen();
            }
            boolean undeferred = request.undeferred() && !this.catalog.get().deferred().isEmpty();
            if (undeferred) {
                MigrationResult reached = Deferred.reachedUnlocked(this.config, this.binding, this.catalog, startedAt,
                        start);
                if (reached != null) {
                    LOG.info(reached.summary());
                    this.listeners.runFinished(reached);
                    return reached;
                }
            }
            if (command != Command.STAMP && target != null && target.contains(":")) {
                throw new RevisionException("Range revision not allowed");
            }
            DataSource dataSource = Jdbc.require(this.config.dataSource(), command.name().toLowerCase() + " runs");
            Connection first = kept;
            kept = null;
            for (int attempt = 1; ; attempt++) {
                try (MigrationLock lock = this.binding.lock(dataSource, first, this.config.lockWaitTimeout())) {
                    this.listeners.lockAcquired(lock.waited());
                    try {
                        return runLocked(dataSource, lock, this.binding.known(), request, tablesSeen, startedAt,
                                start);
                    } catch (LockLost lost) {
                        if (attempt == LOCK_ATTEMPTS) {
                            throw lost.failure;
                        }
                        LOG.info("The migration lock's connection ended before the run changed anything ({}):"
                                + " waiting for the lock again", lost.failure.getMessage());
                    } catch (RuntimeException e) {
                        LockedReads.discardIfUnused(lock, this.binding.known());
                        throw e;
                    }
                }
                first = null;
                tablesSeen = false;
            }
        } catch (MigrationException e) {
            this.listeners.runFailed(e);
            throw e;
        } finally {
            if (kept != null) {
                Jdbc.closeQuietly(kept);
            }
        }
    }

    /** The log table's latest rows, newest first; none when it does not exist. */
    public List<LogEntry> log(int limit) {
        return this.queries.log(limit);
    }

    /** Whether a revision is deferred; see {@link Deferred}. */
    public boolean isDeferred(String id) {
        return this.catalog.get().deferred().contains(id);
    }

    /** Repairs the log of applied revisions whose scripts changed, under the lock; see {@link Repairs}. */
    public RepairResult repair(List<String> specs) {
        return Repairs.run(this.config, this.binding, this.catalog, this.listeners, specs);
    }

    /**
     * The no-op upgrade without the scripts: one query has shown that the rows are the heads recorded
     * for this fingerprint of the scripts and that the log has not changed since. See {@link FastStart}.
     */
    private MigrationResult verified(List<String> rows, String target, Instant startedAt, long start) {
        MigrationResult result = new MigrationResult(Command.UPGRADE, target, rows, rows, List.of(), startedAt,
                Duration.ofNanos(System.nanoTime() - start), Duration.ZERO, true, List.of());
        LOG.info("{}; scripts unchanged since verified", result.summary());
        this.listeners.runFinished(result);
        return result;
    }

    /**
     * Under the lock: reads the rows and the log on the lock's own (idle, autocommit) connection;
     * checks; plans; and executes the steps, if any (see {@link #execute}).
     */
    private MigrationResult runLocked(DataSource dataSource, MigrationLock lock, Binding.Bound bound, Request request,
            boolean tablesSeen, Instant startedAt, long start) {
        // Scripts are split, and operations' literals written, as the lock's session reads SQL (its SQL mode).
        Dialect dialect = bound.dialect().forSqlMode(lock.sqlMode());
        Tables tables = dialect == bound.dialect() ? bound.tables() : bound.tables().withDialect(dialect);
        Command command = request.command();
        String target = request.target();
        boolean purge = request.purge();
        if (this.config.transactionMode() == TransactionMode.SINGLE) {
            PlanChecks.singleTransaction(dialect);
        }
        DbState state = LockedReads.state(lock, bound, tablesSeen);
        List<String> rows = state.rows();
        if (!(command == Command.STAMP && purge)) {
            PlanChecks.knownRows(this.catalog, tables, rows);
        }
        boolean verified = false;
        if (command == Command.UPGRADE && this.config.checksumPolicy() != ChecksumPolicy.OFF) {
            verified = PlanChecks.drift(this.catalog, tables, this.config.checksumPolicy(), rows, state.log());
        }
        Plan plan;
        if (request.move()) {
            Move move = Move.decide(this.catalog.planner(), rows, target, request.allowDowngrade());
            command = move.command();
            plan = move.plan();
        } else if (request.undeferred() && !this.catalog.get().deferred().isEmpty()) {
            plan = Deferred.plan(this.catalog.planner(), rows,
                    Deferred.heads(this.catalog.graph(), this.catalog.get().deferred()));
        } else {
            plan = Plans.plan(this.catalog.planner(), command, rows, target, request.stampTargets(), purge);
        }
        if (command == Command.DOWNGRADE) {
            PlanChecks.reversible(this.catalog, plan);
        }
        if (this.config.transactionMode() == TransactionMode.SINGLE) {
            PlanChecks.transactional(this.catalog, plan, dialect);
        }
        PlanChecks.statements(this.catalog, plan, dialect);
        if (!dialect.transactionalDdl() && !plan.isEmpty() && state.mayHoldLog()) {
            try {
                lock.read(c -> {
                    new PartialAttempts(tables, this.config.retryPartial()).check(c, plan);
                    return null;
                });
            } catch (SQLException e) {
                throw Jdbc.failure("Could not read the log table " + tables.logTable(), e, tables);
            }
        }
        if (state.versionTableMissing() || state.logTableMissing()) {
            try {
                lock.read(c -> {
                    state.createMissing(c, bound.versions(), bound.log(), tables);
                    return null;
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
        boolean record = verified && this.config.fastStart()
                && FastStart.key(plan.rowsAfter()).equals(FastStart.key(this.catalog.graph().heads()));
        List<StepResult> steps = plan.isEmpty() ? List.of()
                : execute(dataSource, lock, plan, tables, record ? fingerprintTask() : null);
        if (record) {
            recordVerified(lock, bound);
        }
        MigrationResult result = new MigrationResult(command, target, rows, plan.rowsAfter(), steps, startedAt,
                Duration.ofNanos(System.nanoTime() - start), lock.waited(), false, plan.warnings());
        LOG.info(result.summary());
        this.listeners.runFinished(result);
        return result;
    }

    /**
     * Executes on the lock's own connection where the lock belongs to the session, else (a lock held
     * in a transaction) on a second connection.
     */
    private List<StepResult> execute(DataSource dataSource, MigrationLock lock, Plan plan, Tables tables,
            Runnable closing) {
        Executor executor = new Executor(this.config, tables, this.catalog, this.listeners, lock);
        Connection shared = lock.runConnection();
        if (shared != null) {
            return executor.execute(shared, true, plan, closing);
        }
        try (Connection connection = Jdbc.open(dataSource,
                "migrating (on " + tables.dialect().name() + " a run uses two connections at once: one holds"
                        + " the migration lock in a transaction)")) {
            boolean autoCommit = connection.getAutoCommit();
            if (!autoCommit) {
                connection.setAutoCommit(true);
            }
            try {
                return executor.execute(connection, false, plan, closing);
            } finally {
                if (!autoCommit && !connection.isClosed()) {
                    connection.setAutoCommit(false);
                }
            }
        } catch (SQLException e) {
            throw Jdbc.failure("Database error while migrating", e);
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
            lock.read(c -> {
                // A revision left part-way (another branch's, say) keeps the full path: validate and check
                // must see it, and the fast start's answer would hide it.
                if (!bound.dialect().transactionalDdl()
                        && !new PartialAttempts(bound.tables(), false).list(c).isEmpty()) {
                    return null;
                }
                bound.fastStart().record(c, fingerprint, heads);
                return null;
            });
        } catch (SQLException e) {
            // The migration itself succeeded; the next start takes the full path again.
            LOG.warn("Could not record the verified scripts in {} (the next start checks them in full): {}",
                    bound.tables().stateTable(), Jdbc.describe(e));
        }
    }

    // ---------------------------------------------------------------- read-only commands

    /** The version rows; the table is not created. */
    public List<String> current() {
        return this.queries.current();
    }

    /** History of a range, heads first. */
    public List<RevisionInfo> history(String range) {
        return this.queries.history(range);
    }

    /** One revision. */
    public RevisionInfo show(String revision) {
        return this.queries.show(revision);
    }

    /** Status against a target. */
    public MigrationStatus status(String target) {
        return this.queries.status(target);
    }

    /** Validation against a target; against heads, answered by the fast start's query when it can be. */
    public ValidationResult validate(String target) {
        return this.queries.validate(target);
    }

    /** Dry run. */
    public MigrationPlan plan(Command command, String target) {
        return this.queries.plan(command, target);
    }

    /** Offline SQL and what it does. */
    public OfflineScript offline(Command command, String range) {
        return new OfflineRenderer(this.config, this.binding.offline().tables(), this.catalog).render(command, range);
    }

    /** The live schema at the heads; see {@link SchemaAtHeads}. */
    public Schema schemaAtHeads(List<String> excludedTables) {
        return SchemaAtHeads.read(this.config, this.binding, this.catalog.graph().heads(), excludedTables);
    }

    /** The dialect: configured, or detected on a connection of the DataSource. */
    public Dialect dialect() {
        return this.binding.dialect(this.config.dataSource());
    }

    /** The dialect of offline scripts, without a connection; see {@link Binding#offline()}. */
    public Dialect offlineDialect() {
        return this.binding.offline().dialect();
    }

    /** The revision map API over the loaded graph. */
    public RevisionMap revisionMap() {
        return this.catalog.revisionMap();
    }

    /** The revision map. */
    public RevisionGraph graph() {
        return this.catalog.graph();
    }

    /** The scripts in load order. */
    public List<RevisionScript> scripts() {
        return this.catalog.scripts();
    }
}
