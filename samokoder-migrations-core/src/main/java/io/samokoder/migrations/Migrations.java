package io.samokoder.migrations;

import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.graph.RevisionGraph;
import io.samokoder.migrations.plan.RevisionMap;
import io.samokoder.migrations.runtime.Engine;
import io.samokoder.migrations.schema.CompareOptions;
import io.samokoder.migrations.schema.Schema;
import io.samokoder.migrations.schema.SchemaComparator;
import io.samokoder.migrations.schema.SchemaDiff;
import io.samokoder.migrations.schema.TableFilter;
import io.samokoder.migrations.script.RepeatableScript;
import io.samokoder.migrations.script.RevisionScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The migration engine: Alembic's commands over JDBC. Construction is cheap; scripts are loaded and
 * the revision map is built on first use and then kept. Instances are thread-safe, and runs from any
 * number of instances, threads or processes against one database are serialised by a lock in the
 * database.
 *
 * <p>Every run ({@link #upgrade}, {@link #downgrade}, {@link #stamp}) takes the migration lock, reads
 * the version table again, checks the applied revisions, then executes a plan step by step, by
 * default one transaction per revision, logging each step like Alembic ("Running upgrade a -> b,
 * message") and recording it in the log table. Nothing here ever logs or returns a password or a
 * JDBC URL.
 */
public final class Migrations {

    private final Engine engine;

    /**
     * Creates an engine; nothing is loaded or connected until first use.
     *
     * @param config the configuration
     */
    public Migrations(MigrationsConfig config) {
        this.engine = new Engine(Objects.requireNonNull(config, "config"));
    }

    /** The configuration. */
    public MigrationsConfig config() {
        return this.engine.config();
    }

    /**
     * Upgrades the database to a target: a revision, {@code head}, {@code heads}, {@code label@head},
     * {@code +N}, ...
     *
     * <p>With {@code heads} and {@link MigrationsConfig#fastStart()}, a database already at the heads
     * that a run verified against the same, unchanged scripts is recognised by one query, without
     * reading the scripts or taking the lock.
     *
     * @throws ChecksumMismatchException if an applied revision changed (policy {@link ChecksumPolicy#FAIL})
     * @throws MigrationExecutionException if a statement fails
     * @throws LockTimeoutException if another instance held the lock for longer than the lock wait timeout
     */
    public MigrationResult upgrade(String target) {
        return this.engine.run(Command.UPGRADE, target, null, false);
    }

    /**
     * Upgrades the database to a target; see {@link #upgrade(String)}.
     *
     * @param target the target, e.g. {@link Target#HEADS}
     */
    public MigrationResult upgrade(Target target) {
        return upgrade(Objects.requireNonNull(target, "target").toString());
    }

    /**
     * Moves the database to a target, up or down, deciding under the lock (as the starter's
     * {@code target} property does): when the target has revisions to upgrade, they run; when it
     * lies below the current revisions, they are downgraded if {@code allowDowngrade}, and otherwise
     * the move fails with {@link DowngradeNotAllowedException} before anything runs; a downgrade
     * through an irreversible revision fails with {@link IrreversibleRevisionException} before
     * anything runs. {@link Target#HEADS} is answered by the fast start when it can be.
     *
     * @param target the target
     * @param allowDowngrade whether a target below the current revisions may downgrade
     * @return what ran: {@link MigrationResult#command()} says which direction was taken
     */
    public MigrationResult moveTo(Target target, boolean allowDowngrade) {
        return this.engine.move(Objects.requireNonNull(target, "target").toString(), allowDowngrade);
    }

    /**
     * Downgrades the database to a target; see {@link #downgrade(String)}.
     *
     * @param target one spec, e.g. {@link Target#BASE} or {@code Target.of("-1")}
     * @throws IllegalArgumentException when the target has more than one spec (a downgrade has one destination)
     */
    public MigrationResult downgrade(Target target) {
        Objects.requireNonNull(target, "target");
        if (target.specs().size() != 1) {
            throw new IllegalArgumentException("A downgrade has one destination, not " + target.specs());
        }
        return downgrade(target.specs().get(0));
    }

    /**
     * Sets the version table to the given revisions without running any script.
     *
     * @param target the destinations ({@link Target#BASE} empties the table)
     * @param purge whether to delete every row first (the way out of unknown rows)
     */
    public MigrationResult stamp(Target target, boolean purge) {
        return stamp(Objects.requireNonNull(target, "target").specs(), purge);
    }

    /**
     * Downgrades the database to a target: a revision, {@code base}, {@code -N}, {@code label@-N}, ...
     *
     * @throws IrreversibleRevisionException before anything runs, if the path passes an irreversible revision
     * @throws MigrationExecutionException if a statement fails
     * @throws LockTimeoutException if another instance held the lock for longer than the lock wait timeout
     */
    public MigrationResult downgrade(String target) {
        return this.engine.run(Command.DOWNGRADE, target, null, false);
    }

    /**
     * Sets the version table to the given revisions without running any script.
     *
     * @param targets the destinations (empty means {@code base})
     * @param purge whether to delete every row first (the way out of unknown rows)
     */
    public MigrationResult stamp(List<String> targets, boolean purge) {
        return this.engine.run(Command.STAMP, String.join(" ", targets), List.copyOf(targets), purge);
    }

    /**
     * Upgrades to every revision that is not deferred ({@code Deferred: true}, {@code @Revision(deferred = true)}),
     * as an application's start-up does, leaving the deferred ones and those after them to a later
     * {@code upgrade("heads")}; with no deferred revision, the same as {@code upgrade("heads")}. A database that has
     * every revision that is not deferred is answered without taking the lock, so that a start does not wait for
     * another instance's run of deferred revisions (a long index build, a backfill).
     *
     * @throws MigrationConfigurationException if a revision that is not deferred builds on a deferred one
     */
    public MigrationResult upgradeUndeferred() {
        return this.engine.upgradeLeaving(true, false);
    }

    /**
     * Upgrades to the heads leaving what is asked: {@link Leaving#DEFERRED} as {@link #upgradeUndeferred()} does,
     * {@link Leaving#CONTRACT} holding the contract revisions a database in use does not have yet (an application's
     * start-up does both; a deploy job's upgrade before the rollout holds contract revisions, the one after it
     * leaves nothing: {@code upgrade("heads")}). A database that has everything else is answered without the lock.
     *
     * @param left what to leave; empty: the same as {@code upgrade("heads")}
     * @throws MigrationConfigurationException if a revision that is not deferred builds on a deferred one, or (before
     *     anything runs) one that is not contract builds on a contract revision held
     */
    public MigrationResult upgradeLeaving(Set<Leaving> left) {
        return this.engine.upgradeLeaving(left.contains(Leaving.DEFERRED), left.contains(Leaving.CONTRACT));
    }

    /**
     * The deferred revisions not applied to the database, in the order {@code upgrade("heads")} would run them;
     * reads the version rows.
     */
    public List<String> pendingDeferred() {
        List<String> pending = new ArrayList<>();
        for (String id : status("heads").pending()) {
            if (this.engine.isDeferred(id)) {
                pending.add(id);
            }
        }
        return pending;
    }

    /**
     * The contract revisions ({@code Phase: contract}) that an upgrade holding them leaves now, in the order
     * {@code upgrade("heads")} would run them: none on a database without version rows, which gets them with the
     * rest; reads the version rows.
     */
    public List<String> pendingContract() {
        MigrationStatus status = status("heads");
        return heldContract(status.current(), status.pending());
    }

    /**
     * The contract revisions among pending ones that an upgrade holding them leaves, as {@link #pendingContract()}
     * tells them, from rows and pending revisions already read (a {@link MigrationStatus}, a
     * {@link ValidationResult}): none where there are no rows.
     */
    public List<String> heldContract(List<String> current, List<String> pending) {
        List<String> held = new ArrayList<>();
        if (current.isEmpty()) {
            return held;
        }
        for (String id : pending) {
            if (this.engine.isContract(id)) {
                held.add(id);
            }
        }
        return held;
    }

    /** The repeatable scripts, in the order a run applies them; read once, on first use. */
    public List<RepeatableScript> repeatables() {
        return this.engine.repeatables();
    }

    /**
     * The file names of the repeatable scripts that an upgrade ending at the heads would apply now (new, changed
     * since last applied, or applied before the latest downgrade), in order; reads the log. Empty without any.
     */
    public List<String> pendingRepeatables() {
        return this.engine.pendingRepeatables();
    }

    /**
     * The log table's latest rows, newest first: every step run, stamp, repair, failed attempt and revision left
     * part-way, with when, how long, the database user and the outcome; none when the table does not exist.
     *
     * @param limit how many rows at most
     */
    public List<LogEntry> log(int limit) {
        return log(limit, 0);
    }

    /**
     * {@link #log(int)} past the {@code offset} newest rows: the next page of an earlier call.
     *
     * @param limit how many rows at most
     * @param offset how many of the newest rows to pass over
     */
    public List<LogEntry> log(int limit, int offset) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + offset);
        }
        return this.engine.log(limit, offset);
    }

    /** Whether a revision is deferred ({@code Deferred: true}); loads the scripts, reads no database. */
    public boolean isDeferred(String revision) {
        return this.engine.isDeferred(revision);
    }

    /** Whether a revision is a contract revision ({@code Phase: contract}); loads the scripts, reads no database. */
    public boolean isContract(String revision) {
        return this.engine.isContract(revision);
    }

    /**
     * Repairs the log of applied revisions whose scripts changed since they ran (their executable SQL, their
     * operations, their downgrade part or their {@code Revises}): the log's latest upgrade row of each takes the
     * script's checksum and {@code Revises}, so that they match again, and a {@code repair} row keeps what it held.
     * Nothing runs and the version table is not touched: use it when the new text is meant to stand for what ran
     * (a statement rewritten to the same effect), never to skip a change that has to run. Under the migration lock.
     *
     * @param revisions the revisions to repair: ids, prefixes, labels, {@code heads}, ...; each must be applied
     * @return the repaired revisions and those that needed nothing
     * @throws MigrationException naming a revision that is not applied, before anything changes
     */
    public RepairResult repair(List<String> revisions) {
        return this.engine.repair(List.copyOf(revisions));
    }

    /** The rows of the version table, in row order; empty when it does not exist (it is not created). */
    public List<String> current() {
        return this.engine.current();
    }

    /**
     * The version rows, when one query shows the database still at the heads where a run verified these very
     * scripts, with nothing logged since: the question the fast start of {@link #upgrade} asks, so a yes means
     * nothing is pending, no applied revision drifted and no repeatable script is due. The scripts are stamped
     * (once per instance), not read. Empty when that does not hold, when {@link MigrationsConfig#fastStart()} is
     * off or there is no DataSource, and when the query fails (a table missing or unreadable).
     *
     * @throws MigrationException if no connection can be opened
     */
    public Optional<List<String>> verifiedHeads() {
        return Optional.ofNullable(this.engine.verifiedHeads());
    }

    /** The heads of the revision map (effective heads included), in load order. */
    public List<String> heads() {
        return this.engine.graph().heads();
    }

    /**
     * The revisions in a range, heads first, as {@code alembic history -r} selects them.
     *
     * @param range {@code start:end}, {@code start:} or {@code :end}; {@code null} or empty for all
     */
    public List<RevisionInfo> history(String range) {
        return this.engine.history(range);
    }

    /** One revision, given by any spec that names exactly one. */
    public RevisionInfo show(String revision) {
        return this.engine.show(revision);
    }

    /** The version rows, the heads and what an upgrade to the target would run; changes nothing. */
    public MigrationStatus status(String target) {
        return this.engine.status(target);
    }

    /**
     * What is pending for the target and which applied revisions drifted; changes nothing. Against
     * {@code heads}, answered like a fast start when it can be (see {@link #upgrade}).
     */
    public ValidationResult validate(String target) {
        return this.engine.validate(target);
    }

    /**
     * A dry run: what the command would do against the current rows. Runs nothing and takes no lock.
     *
     * @param target the target; for {@link Command#STAMP}, destinations separated by blanks
     */
    public MigrationPlan plan(Command command, String target) {
        return this.engine.plan(command, target);
    }

    /** The dry run of {@link #upgradeLeaving}: what it would do against the current rows; runs nothing. */
    public MigrationPlan planLeaving(Set<Leaving> left) {
        return this.engine.planLeaving(left.contains(Leaving.DEFERRED), left.contains(Leaving.CONTRACT));
    }

    /**
     * Renders an offline SQL script without opening any connection.
     *
     * @param command upgrade, downgrade or stamp
     * @param range {@code start:end}, or just {@code end} (starting from base) for upgrade and stamp
     */
    public String sql(Command command, String range) {
        return offline(command, range).sql();
    }

    /**
     * Renders an offline SQL script without opening any connection, with what it does: the steps and
     * the version rows it starts from and leaves. {@code stamp --purge} has no offline form (Alembic:
     * "Can't use --purge with --sql mode").
     *
     * @param command upgrade, downgrade or stamp
     * @param range {@code start:end}, or just {@code end} (starting from base) for upgrade and stamp
     */
    public OfflineScript offline(Command command, String range) {
        return this.engine.offline(command, range);
    }

    /**
     * Compares the application's model with the database, as {@code revision --autogenerate} and
     * {@code check} do. On one connection: the version rows must be the heads, else
     * {@link DatabaseNotUpToDateException} ("Target database is not up to date.") and nothing is read; then
     * the catalog of the connection's current schema is read ({@link Dialect#schemaReader()}), without the
     * version, log and state tables and the excluded tables, and compared with the model (whose excluded
     * tables are left out too, as Alembic's {@code include_object} filters both sides). Changes nothing.
     *
     * @param model          the model, e.g. from a {@link io.samokoder.migrations.schema.ModelSource} built for
     *                       {@link #dialect()}
     * @param options        what is compared, e.g. {@code CompareOptions.defaults(migrations.dialect())}
     * @param excludedTables more tables to leave alone: names or patterns with {@code *} and {@code ?}
     * @return the changes that would make the database match the model (empty when it does)
     * @throws DatabaseNotUpToDateException when the version rows are not the heads
     */
    public SchemaDiff compareSchema(Schema model, CompareOptions options, List<String> excludedTables) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(excludedTables, "excludedTables (give List.of() for none)");
        Schema database = this.engine.schemaAtHeads(List.copyOf(excludedTables));
        return SchemaComparator.compare(TableFilter.excluding(excludedTables).apply(model), database, options);
    }

    /**
     * The dialect of the database: the configured one, else the one detected on a connection (opened for
     * that the first time, then remembered). Autogenerate builds the model and its compare options for it.
     */
    public Dialect dialect() {
        return this.engine.dialect();
    }

    /**
     * The dialect offline scripts ({@link #offline}) are written for, found without a connection: the configured
     * one, else the one an earlier command of this instance detected, else
     * {@link MigrationsConfig#offlineDialect()}, else PostgreSQL's.
     */
    public Dialect offlineDialect() {
        return this.engine.offlineDialect();
    }

    /** The revision map with Alembic's lookups and traversal; see {@link RevisionMap}. */
    public RevisionMap revisionMap() {
        return this.engine.revisionMap();
    }

    /** The revision map. */
    public RevisionGraph graph() {
        return this.engine.graph();
    }

    /** The loaded scripts, in load order. */
    public List<RevisionScript> scripts() {
        return this.engine.scripts();
    }
}
