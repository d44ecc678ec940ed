package io.samokoder.migrations.runtime;

import io.samokoder.migrations.ChecksumPolicy;
import io.samokoder.migrations.Command;
import io.samokoder.migrations.MigrationResult;
import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.graph.RevisionGraph;
import io.samokoder.migrations.plan.Plan;
import io.samokoder.migrations.plan.Planner;
import io.samokoder.migrations.plan.Step;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * What an upgrade to the heads leaves, and its plan without it: the deferred revisions ({@link Deferred}) where it
 * leaves them, the held contract revisions ({@link Contract}) where it holds them. A start whose database has
 * everything else is answered here without the lock.
 */
final class LeftRevisions {

    private LeftRevisions() {
    }

    /** The revisions not left and with no child or dependent that is not, in load order. */
    private static List<String> heads(RevisionGraph graph, Set<String> deferred) {
        List<String> heads = new ArrayList<>();
        for (var revision : graph.revisions()) {
            String id = revision.id();
            if (deferred.contains(id)) {
                continue;
            }
            boolean head = true;
            for (String child : graph.allChildren(id)) {
                head &= deferred.contains(child);
            }
            if (head) {
                heads.add(id);
            }
        }
        return heads;
    }

    /**
     * What an upgrade to the heads leaves, planning from these rows: the deferred revisions where it leaves them,
     * and the held contract revisions where it holds them (refusing a revision held that is not contract itself).
     */
    private static Set<String> left(Catalog.Loaded loaded, RunRequest request, List<String> from) {
        Set<String> held = request.holdContract() ? Contract.held(loaded.graph(), loaded.contract(), from) : Set.of();
        if (!held.isEmpty()) {
            Contract.refuseHeldExpand(loaded.graph(), loaded.byId(), held);
        }
        if (!request.undeferred() || loaded.deferred().isEmpty()) {
            return held;
        }
        if (held.isEmpty()) {
            return loaded.deferred();
        }
        Set<String> left = new HashSet<>(loaded.deferred());
        left.addAll(held);
        return left;
    }

    /**
     * The run of a start whose database has every revision that the request leaves (deferred, held contract),
     * read without the lock (another instance may hold it for hours, running the deferred ones), with the applied
     * scripts checked as under the lock; {@code null} when something is left to run, which the run then does under
     * the lock.
     */
    static MigrationResult reachedUnlocked(MigrationsConfig config, Binding binding, Catalog catalog,
            RunRequest request, Instant startedAt, long start) {
        DataSource dataSource = Jdbc.require(config.dataSource(), "upgrade runs");
        // An inner class, not a lambda: each lambda site spins a class on its first use, cold.
        return Jdbc.autocommit(dataSource, "reading the version table", new Jdbc.Work<MigrationResult>() {
            @Override
            public MigrationResult run(Connection c) throws SQLException {
                return reached(config, binding, catalog, request, startedAt, start, c);
            }
        });
    }

    private static MigrationResult reached(MigrationsConfig config, Binding binding, Catalog catalog,
            RunRequest request, Instant startedAt, long start, Connection c) throws SQLException {
        Binding.Bound bound = binding.on(c);
        DbState state = DbState.read(c, bound.versions(), bound.log(), bound.tables());
        List<String> rows = state.rows();
        List<String> from = NewerRevisions.planFrom(catalog, bound.tables(), rows, state.log(),
                config.allowNewerRevisions());
        Catalog.Loaded loaded = catalog.get();
        Plan plan = plan(loaded, request, from);
        if (!plan.isEmpty() || from == rows && repeatablesDue(config, catalog, bound, c, rows, loaded, request)) {
            return null;
        }
        if (config.checksumPolicy() != ChecksumPolicy.OFF) {
            PlanChecks.drift(catalog, bound.tables(), config.checksumPolicy(), from, state.log());
        }
        List<String> warnings = plan.warnings();
        if (from != rows) {
            warnings = List.of(NewerRevisions.warning(bound.tables(), rows, from));
            LoggerFactory.getLogger("io.samokoder.migrations.Migrations").warn(warnings.get(0));
        }
        return new MigrationResult(Command.UPGRADE, "heads", rows, rows, List.of(), startedAt,
                Duration.ofNanos(System.nanoTime() - start), Duration.ZERO, false, warnings);
    }

    /**
     * Whether the rows are as far as repeatable scripts wait for (the heads, or every revision but the held contract
     * ones) and a repeatable script is due, which the run under the lock applies.
     */
    private static boolean repeatablesDue(MigrationsConfig config, Catalog catalog, Binding.Bound bound, Connection c,
            List<String> rows, Catalog.Loaded loaded, RunRequest request) throws SQLException {
        if (catalog.repeatables().isEmpty() || !repeatablesWanted(loaded, request, rows)) {
            return false;
        }
        return !Repeatables.dueNames(c, bound.tables(), catalog.repeatables(),
                config.placeholders().forChecksums()).isEmpty();
    }

    /**
     * Whether repeatable scripts apply at these rows: the heads, or, for a request that holds contract revisions,
     * every revision but those it holds (they drop only what the previous build uses).
     */
    static boolean repeatablesWanted(Catalog.Loaded loaded, RunRequest request, List<String> rows) {
        if (FastStart.key(rows).equals(FastStart.key(loaded.graph().heads()))) {
            return true;
        }
        if (!request.holdContract()) {
            return false;
        }
        return Contract.onlyHeldLeft(loaded.graph(), rows, Contract.held(loaded.graph(), loaded.contract(), rows));
    }

    /** The upgrade from the rows to every revision that the request does not leave (refusing a held expand one). */
    static Plan plan(Catalog.Loaded loaded, RunRequest request, List<String> rows) {
        return plan(loaded.planner(), rows, heads(loaded.graph(), left(loaded, request, rows)));
    }

    /** The upgrade from the rows to these heads: a plan per head, one after another. */
    private static Plan plan(Planner planner, List<String> rows, List<String> heads) {
        List<Step> steps = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> current = rows;
        for (String head : heads) {
            Plan part = planner.upgrade(current, head);
            steps.addAll(part.steps());
            warnings.addAll(part.warnings());
            current = part.rowsAfter();
        }
        return new Plan(rows, steps, current, warnings);
    }
}
