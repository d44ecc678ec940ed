package io.samokoder.migrations.cli.command;

import io.samokoder.migrations.Migrations;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code current [-v] [--check-heads]}: the current revisions (the version rows and the branch tips
 * they imply, spec §6.5). Never creates the version table.
 *
 * <p>With {@code allow-newer-revisions}, version rows that no loaded script declares (a newer build's) are listed
 * after the others as such, instead of failing with Alembic's "Can't locate revision".
 *
 * @param verbose print the database and the verbose block of each, then the repeatable scripts due, if any
 * @param checkHeads fail with "Database is not on all head revisions" unless the rows are the map's heads
 */
public record CurrentCommand(boolean verbose, boolean checkHeads) implements MigrationCommand {

    @Override
    public void run(Workspace workspace, Output output) {
        Migrations engine = workspace.database("current");
        List<String> rows = engine.current();
        Revisions revisions = workspace.revisions();
        if (this.checkHeads && !new HashSet<>(rows).equals(new HashSet<>(revisions.graph.heads()))) {
            throw new CommandFailedException("Database is not on all head revisions");
        }
        // Rows of a newer build, where the configuration allows them (allow-newer-revisions): listed as such after
        // the loaded revisions' lines; otherwise Alembic's "Can't locate revision" below.
        List<String> newer = new ArrayList<>();
        List<String> known = rows;
        if (engine.config().allowNewerRevisions()) {
            known = new ArrayList<>();
            for (String row : rows) {
                (revisions.graph.contains(row) ? known : newer).add(row);
            }
        }
        List<String> displayed = revisions.planner().displayedCurrent(known);
        // Only where there are repeatable scripts: Alembic's output otherwise, and no second read of the log; none
        // under a newer build's rows, whose scripts stand.
        boolean repeatables = (this.verbose || output.json()) && newer.isEmpty() && !engine.repeatables().isEmpty();
        List<String> due = repeatables ? engine.pendingRepeatables() : List.of();
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("database", workspace.databaseDescription());
            json.put("rows", rows);
            List<Map<String, Object>> current = new ArrayList<>(displayed.size());
            for (String id : displayed) {
                current.add(revisions.json(id, null));
            }
            json.put("current", current);
            if (!newer.isEmpty()) {
                json.put("newer", newer);
            }
            if (repeatables) {
                json.put("pendingRepeatables", due);
            }
            output.json(json);
            return;
        }
        if (this.verbose) {
            output.line("Current revision(s) for " + workspace.databaseDescription() + ":");
        }
        for (String id : displayed) {
            output.line(this.verbose ? AlembicText.entry(revisions, id, false)
                    : AlembicText.line(revisions, id, AlembicText.Flags.CURRENT, false));
        }
        for (String id : newer) {
            output.line(id + " (a newer build's revision, which these scripts do not have)");
        }
        if (!due.isEmpty()) {
            output.line("Repeatable scripts due: " + String.join(", ", due));
        }
    }
}
