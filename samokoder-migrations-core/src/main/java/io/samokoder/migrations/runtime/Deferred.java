package io.samokoder.migrations.runtime;

import io.samokoder.migrations.ChecksumPolicy;
import io.samokoder.migrations.Command;
import io.samokoder.migrations.MigrationConfigurationException;
import io.samokoder.migrations.MigrationResult;
import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.graph.RevisionGraph;
import io.samokoder.migrations.plan.Plan;
import io.samokoder.migrations.plan.Planner;
import io.samokoder.migrations.plan.Step;
import io.samokoder.migrations.script.RevisionScript;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * Deferred revisions ({@link RevisionScript#deferred()}): an application's start-up runs every other revision and
 * leaves these to a run after it is ready. A revision that builds on a deferred one (as a child or a dependent) must
 * be deferred too, or a start-up could not run it; the map is checked for that when it is loaded.
 */
final class Deferred {

    private Deferred() {
    }

    /** Fails naming the first revision that builds on a deferred one without being deferred itself. */
    static void check(RevisionGraph graph, Map<String, RevisionScript> byId, Set<String> deferred) {
        for (RevisionScript script : byId.values()) {
            if (script.deferred()) {
                continue;
            }
            for (String down : graph.allDown(script.id())) {
                if (deferred.contains(down)) {
                    RevisionScript first = byId.get(down);
                    throw new MigrationConfigurationException("Revision " + script.id() + " ("
                            + script.description() + ") builds on the deferred revision " + down + " ("
                            + first.description() + "), so a start-up, which leaves deferred revisions for later,"
                            + " could not run it. Declare it deferred too ('-- Deferred: true', @Revision(deferred ="
                            + " true)), or make " + down + " a revision that is not deferred");
                }
            }
        }
    }

    /** The revisions that are not deferred and have no child or dependent that is not, in load order. */
    static List<String> heads(RevisionGraph graph, Set<String> deferred) {
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
     * The run of a start whose database has every revision that is not deferred, read without the lock (another
     * instance may hold it for hours, running the deferred ones), with the applied scripts checked as under the
     * lock; {@code null} when something is left to run, which the run then does under the lock.
     */
    static MigrationResult reachedUnlocked(MigrationsConfig config, Binding binding, Catalog catalog,
            Instant startedAt, long start) {
        DataSource dataSource = Jdbc.require(config.dataSource(), "upgrade runs");
        return Jdbc.autocommit(dataSource, "reading the version table", c -> {
            Binding.Bound bound = binding.on(c);
            DbState state = DbState.read(c, bound.versions(), bound.log(), bound.tables());
            List<String> rows = state.rows();
            List<String> from = NewerRevisions.planFrom(catalog, bound.tables(), rows, state.log(),
                    config.allowNewerRevisions());
            Plan plan = plan(catalog.planner(), from, heads(catalog.graph(), catalog.get().deferred()));
            if (!plan.isEmpty() || from == rows && repeatablesDue(config, catalog, bound, c, rows)) {
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
        });
    }

    /** Whether the database is at the heads and a repeatable script is due, which the run under the lock applies. */
    private static boolean repeatablesDue(MigrationsConfig config, Catalog catalog, Binding.Bound bound, Connection c,
            List<String> rows) throws SQLException {
        if (catalog.repeatables().isEmpty() || !FastStart.key(rows).equals(FastStart.key(catalog.graph().heads()))) {
            return false;
        }
        return !Repeatables.dueNames(c, bound.tables(), catalog.repeatables(),
                config.placeholders().forChecksums()).isEmpty();
    }

    /** The upgrade from the rows to every revision that is not deferred: a plan per such head, one after another. */
    static Plan plan(Planner planner, List<String> rows, List<String> heads) {
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
