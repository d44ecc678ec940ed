package io.samokoder.migrations.cli.command;

import io.samokoder.migrations.graph.Revision;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code history [-r RANGE] [-v] [-i]}: the revisions of a range, heads first (spec §6.7). The
 * database is read only for {@code -i} or a range with {@code current} (and its version table created when
 * there are no rows, as Alembic's).
 *
 * @param range {@code start:end}, {@code start:} or {@code :end}, or {@code null} for all
 * @param verbose the verbose block instead of one line per revision
 * @param indicateCurrent mark the version rows {@code (current)}
 */
public record HistoryCommand(String range, boolean verbose, boolean indicateCurrent) implements MigrationCommand {

    @Override
    public void run(Workspace workspace, Output output) {
        boolean needsRows = this.indicateCurrent || (this.range != null && this.range.contains("current"));
        List<String> rows = needsRows ? EnsureVersionCommand.rowsCreatingTheTable(workspace, "history") : List.of();
        Revisions revisions = workspace.revisions();
        List<Revision> selected = revisions.planner().history(this.range, rows);
        Set<String> current = this.indicateCurrent ? new HashSet<>(rows) : Set.of();
        if (output.json()) {
            List<Map<String, Object>> json = new ArrayList<>(selected.size());
            for (Revision revision : selected) {
                json.add(revisions.json(revision.id(),
                        this.indicateCurrent ? current.contains(revision.id()) : null));
            }
            output.json(json);
            return;
        }
        for (Revision revision : selected) {
            String id = revision.id();
            boolean isCurrent = current.contains(id);
            output.line(this.verbose ? AlembicText.entry(revisions, id, isCurrent)
                    : AlembicText.line(revisions, id, AlembicText.Flags.HISTORY, isCurrent));
        }
    }
}
