package io.samokoder.migrations.test;

import static io.samokoder.migrations.test.KitFailures.fail;
import static io.samokoder.migrations.test.KitFailures.run;

import io.samokoder.migrations.Command;
import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.PlannedStep;
import io.samokoder.migrations.Target;
import io.samokoder.migrations.graph.RevisionGraph;
import io.samokoder.migrations.script.RevisionScript;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The kit's walk through the revisions of a fresh schema, in the order of {@code upgrade heads}: each one
 * upgraded; on the stairway also downgraded one step and upgraded again; and, compared, the schema after the
 * downgrade read from the catalog and compared with the schema before the upgrade.
 */
final class Stairway {

    private final Migrations migrations;
    private final DataSource schemaDataSource;
    private final RevisionGraph graph;
    private final Map<String, RevisionScript> scripts;
    private final Set<String> allowedIrreversible;

    Stairway(Migrations migrations, DataSource schemaDataSource, RevisionGraph graph,
            Map<String, RevisionScript> scripts, Set<String> allowedIrreversible) {
        this.migrations = migrations;
        this.schemaDataSource = schemaDataSource;
        this.graph = graph;
        this.scripts = scripts;
        this.allowedIrreversible = allowedIrreversible;
    }

    /**
     * Upgrades one revision at a time; with {@code stairway}, downgrades and upgrades each again; with
     * {@code compare}, fails for what a downgrade leaves behind.
     */
    void walk(boolean stairway, boolean compare) {
        Migrations engine = this.migrations;
        Set<String> ignored = new HashSet<>(List.of(engine.config().versionTable(), engine.config().logTable(),
                engine.config().stateTable()));
        // The lock's own table, where the dialect has one (H2).
        ignored.addAll(engine.dialect().lock().ownTables(engine.config().versionTable()));
        for (PlannedStep step : engine.plan(Command.UPGRADE, "heads").steps()) {
            String id = step.revision();
            String file = step.file();
            List<String> rowsBefore = engine.current();
            SchemaSnapshot before = compare ? snapshot(ignored) : null;
            run(() -> engine.upgrade(id), "upgrade of " + id + " (" + file + ") failed: ");
            if (!stairway) {
                continue;
            }
            if (!this.scripts.get(id).reversible()) {
                if (this.allowedIrreversible.contains(id)) {
                    continue;
                }
                throw new AssertionError("revision " + id + " (" + file + ") has no '-- migrate:downgrade'"
                        + " part; write its downgrade, or declare it with allowIrreversible(\"" + id + "\")");
            }
            List<String> parents = this.graph.parents(id);
            // One step down its own branch: a downgrade to its parent would also undo the other branches
            // above that parent, which may hold an allowed irreversible revision. A merge, where that step
            // is ambiguous, goes down to its first parent.
            String down = parents.size() <= 1 ? id + "@-1" : parents.get(0);
            run(() -> engine.downgrade(down), "downgrade of " + id + " (" + file + ") failed: ");
            if (!rowsBefore.isEmpty() && !new HashSet<>(engine.current()).equals(new HashSet<>(rowsBefore))) {
                // What the downgrade also removed (a merge's other parents, a root's dependencies) comes back.
                run(() -> engine.upgrade(Target.of(rowsBefore)), "upgrade back to "
                        + String.join(", ", rowsBefore) + " after the downgrade of " + id + " (" + file
                        + ") failed: ");
            }
            if (compare) {
                List<String> problems = new ArrayList<>();
                for (String difference : before.differencesTo(snapshot(ignored))) {
                    problems.add("downgrade of " + id + " (" + file + ") " + difference);
                }
                fail(problems);
            }
            run(() -> engine.upgrade(id), "upgrade of " + id + " (" + file + ") after its downgrade failed: ");
        }
    }

    private SchemaSnapshot snapshot(Set<String> ignored) {
        try (Connection connection = this.schemaDataSource.getConnection()) {
            return KitDatabase.of(connection).catalog().read(connection, ignored);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("The migrations kit could not read the catalog: " + ex.getMessage(), ex);
        }
    }
}
