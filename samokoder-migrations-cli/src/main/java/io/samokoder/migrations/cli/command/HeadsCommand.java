package io.samokoder.migrations.cli.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code heads [-v] [--resolve-dependencies]}: the heads of the map, effective heads included, in
 * load order; with {@code --resolve-dependencies} only the real heads. Reads no database.
 *
 * @param verbose print the verbose block of each
 * @param resolveDependencies list the real heads only
 */
public record HeadsCommand(boolean verbose, boolean resolveDependencies) implements MigrationCommand {

    @Override
    public void run(Workspace workspace, Output output) {
        Revisions revisions = workspace.revisions();
        List<String> heads = this.resolveDependencies ? revisions.graph.realHeads() : revisions.graph.heads();
        if (output.json()) {
            List<Map<String, Object>> json = new ArrayList<>(heads.size());
            for (String id : heads) {
                json.add(revisions.json(id, null));
            }
            output.json(json);
            return;
        }
        for (String id : heads) {
            output.line(this.verbose ? AlembicText.entry(revisions, id, false)
                    : AlembicText.line(revisions, id, AlembicText.Flags.HEADS, false));
        }
    }
}
