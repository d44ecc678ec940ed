package io.samokoder.migrations.cli.command;

import io.samokoder.migrations.graph.Revision;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code branches [-v]}: each branch point, in history order, with the revisions it branches into.
 * Reads no database.
 *
 * @param verbose the verbose block for each branch point, and the message of each child
 */
public record BranchesCommand(boolean verbose) implements MigrationCommand {

    @Override
    public void run(Workspace workspace, Output output) {
        Revisions revisions = workspace.revisions();
        List<Map<String, Object>> json = new ArrayList<>();
        for (Revision revision : revisions.planner().history(null, List.of())) {
            String id = revision.id();
            if (!revisions.graph.isBranchPoint(id)) {
                continue;
            }
            List<String> children = revisions.graph.children(id);
            if (output.json()) {
                Map<String, Object> point = revisions.json(id, null);
                point.put("branchesInto", children);
                json.add(point);
                continue;
            }
            StringBuilder block = new StringBuilder();
            block.append(this.verbose ? AlembicText.entry(revisions, id, false)
                    : AlembicText.line(revisions, id, AlembicText.Flags.BRANCH_POINT, false)).append('\n');
            String indent = " ".repeat(id.length());
            boolean first = true;
            for (String child : children) {
                if (!first) {
                    block.append('\n');
                }
                block.append(indent).append(" -> ").append(AlembicText.line(revisions, child,
                        AlembicText.Flags.BRANCH_POINT.withDoc(this.verbose), false));
                first = false;
            }
            block.append('\n');
            output.line(block.toString());
        }
        if (output.json()) {
            output.json(json);
        }
    }
}
