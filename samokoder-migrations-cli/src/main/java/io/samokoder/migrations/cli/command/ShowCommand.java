package io.samokoder.migrations.cli.command;

import io.samokoder.migrations.graph.Revision;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code show REV}: the verbose block of each revision the spec names (ids, prefixes, labels,
 * {@code heads}, {@code L@head}, {@code -1}, ...). {@code show current} shows the version rows as
 * they are and is the only form that reads the database (creating the version table when there are no rows,
 * as Alembic's).
 *
 * @param revision the spec
 */
public record ShowCommand(String revision) implements MigrationCommand {

    @Override
    public void run(Workspace workspace, Output output) {
        Revisions revisions;
        List<String> ids;
        if ("current".equals(this.revision)) {
            List<String> rows = EnsureVersionCommand.rowsCreatingTheTable(workspace, "show current");
            revisions = workspace.revisions();
            ids = rows.isEmpty() ? List.of() : revisions.ids(revisions.planner().resolve(String.join(" ", rows)));
        } else {
            revisions = workspace.revisions();
            List<Revision> found = revisions.planner().resolve(this.revision);
            ids = revisions.ids(found);
        }
        if (output.json()) {
            List<Map<String, Object>> json = new ArrayList<>(ids.size());
            for (String id : ids) {
                Map<String, Object> one = revisions.json(id, null);
                one.put("doc", revisions.longdoc(id));
                json.add(one);
            }
            output.json(json);
            return;
        }
        for (String id : ids) {
            output.line(AlembicText.entry(revisions, id, false));
        }
    }
}
