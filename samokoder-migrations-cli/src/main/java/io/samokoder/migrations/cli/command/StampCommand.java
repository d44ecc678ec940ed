package io.samokoder.migrations.cli.command;

import io.samokoder.migrations.Command;
import io.samokoder.migrations.MigrationResult;
import io.samokoder.migrations.Migrations;
import java.util.List;

/**
 * {@code stamp REV... [--purge] [--sql]}: sets the version table to the revisions without running
 * any script (spec §6.2). {@code --purge} deletes every row first (the way out of unknown rows);
 * {@code --sql} writes the statements instead, and cannot be combined with {@code --purge}.
 *
 * @param revisions the destinations ({@code start:dest} with {@code --sql})
 * @param purge delete every row first
 * @param sql write the offline SQL script
 */
public record StampCommand(List<String> revisions, boolean purge, boolean sql) implements MigrationCommand {

    public StampCommand {
        revisions = List.copyOf(revisions);
    }

    @Override
    public void run(Workspace workspace, Output output) {
        if (this.sql) {
            if (this.purge) {
                throw new CommandFailedException("Can't use --purge with --sql mode");
            }
            Progress.offline(workspace.engine(), Command.STAMP, String.join(" ", this.revisions), output);
            return;
        }
        Progress progress = new Progress(output);
        Migrations engine = workspace.runner("stamp", progress);
        progress.graph(engine::graph);
        MigrationResult result = engine.stamp(this.revisions, this.purge);
        if (output.json()) {
            output.json(RunJson.result(result));
        }
    }
}
