package io.samokoder.migrations.runtime;

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
import io.samokoder.migrations.ValidationResult;
import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.graph.RevisionException;
import io.samokoder.migrations.graph.RevisionGraph;
import io.samokoder.migrations.plan.RevisionMap;
import io.samokoder.migrations.schema.Schema;
import io.samokoder.migrations.script.RepeatableScript;
import io.samokoder.migrations.script.RevisionScript;
import java.sql.Connection;
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

    private final MigrationsConfig given;
    /** The configuration the engine runs with: {@link #given}, its DataSource trying again where configured. */
    private final MigrationsConfig config;
    private final Catalog catalog;
    private final Binding binding;
    private final Listeners listeners;
    private final Queries queries;
    private final LockedRun lockedRun;

    /** Creates the engine; loads nothing. */
    public Engine(MigrationsConfig config) {
        this.given = config;
        this.config = ConnectRetries.applied(config);
        this.catalog = new Catalog(this.config);
        this.binding = new Binding(this.config);
        this.listeners = new Listeners(this.config.listeners());
        this.queries = new Queries(this.config, this.catalog, this.binding);
        this.lockedRun = new LockedRun(this.config, this.catalog, this.listeners);
    }

    /** The configuration, as given. */
    public MigrationsConfig config() {
        return this.given;
    }

    // ---------------------------------------------------------------- runs

    /** Runs upgrade, downgrade or stamp: lock, re-read, check, plan, execute. */
    public MigrationResult run(Command command, String target, List<String> stampTargets, boolean purge) {
        return run(new RunRequest(command, target, stampTargets, purge, false, false, false, false));
    }

    /**
     * Upgrades to the heads, leaving the deferred revisions (see {@link Deferred}) and holding the contract ones
     * (see {@link Contract}) as asked.
     */
    public MigrationResult upgradeLeaving(boolean deferred, boolean contract) {
        return run(new RunRequest(Command.UPGRADE, "heads", null, false, false, false, deferred, contract));
    }

    /**
     * Moves the database to a target, up or down, deciding under the lock: an upgrade when the target
     * has anything to upgrade, else a downgrade when the target lies below the rows (refused with
     * {@link io.samokoder.migrations.DowngradeNotAllowedException} unless allowed, and checked for irreversible
     * revisions before anything runs), else nothing.
     */
    public MigrationResult move(String target, boolean allowDowngrade) {
        return run(new RunRequest(Command.UPGRADE, target, null, false, true, allowDowngrade, false, false));
    }

    private MigrationResult run(RunRequest asked) {
        RunRequest request = asked;
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
            if (request.leaves()) {
                Catalog.Loaded loaded = this.catalog.get();
                request = request.leaving(request.undeferred() && !loaded.deferred().isEmpty(),
                        request.holdContract() && !loaded.contract().isEmpty());
            }
            if (request.leaves()) {
                MigrationResult reached = LeftRevisions.reachedUnlocked(this.config, this.binding, this.catalog,
                        request, startedAt, start);
                if (reached != null) {
                    return finished(reached, reached.summary());
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
                        return this.lockedRun.run(dataSource, lock, this.binding.known(), request, tablesSeen,
                                startedAt, start);
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
    public List<LogEntry> log(int limit, int offset) {
        return this.queries.log(limit, offset);
    }

    /** The repeatable scripts; see {@link Repeatables}. */
    public List<RepeatableScript> repeatables() {
        return this.catalog.repeatables();
    }

    /** The file names of the repeatable scripts due now; see {@link Repeatables#pending}. */
    public List<String> pendingRepeatables() {
        return this.queries.pendingRepeatables();
    }

    /** Whether a revision is deferred; see {@link Deferred}. */
    public boolean isDeferred(String id) {
        return this.catalog.get().deferred().contains(id);
    }

    /** Whether a revision is a contract revision; see {@link Contract}. */
    public boolean isContract(String id) {
        return this.catalog.get().contract().contains(id);
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
        MigrationResult result = FastStart.answered(rows, target, startedAt, start, Duration.ZERO);
        return finished(result, result.summary() + "; scripts unchanged since verified");
    }

    /** A run that took no lock: logged and told to the listeners. */
    private MigrationResult finished(MigrationResult result, String summary) {
        LOG.info(summary);
        this.listeners.runFinished(result);
        return result;
    }

    // ---------------------------------------------------------------- read-only commands

    /** The version rows; the table is not created. */
    public List<String> current() {
        return this.queries.current();
    }

    /** The verified heads, as the fast start's query reads them, or {@code null}. */
    public List<String> verifiedHeads() {
        return this.queries.verifiedHeads();
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

    /** Dry run of {@link #upgradeLeaving}. */
    public MigrationPlan planLeaving(boolean deferred, boolean contract) {
        return this.queries.plan(new RunRequest(Command.UPGRADE, "heads", null, false, false, false, deferred,
                contract));
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
