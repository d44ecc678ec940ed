package io.samokoder.migrations.cli.command;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code revision -m MSG [--head H] [--splice] [--branch-label L] [--depends-on D]... [--rev-id ID]
 * [--version-path DIR]}: writes a new SQL script on top of the single head (or {@code --head};
 * {@code base} starts a new root), and prints {@code Generating <path> ...  done}. Reads no database.
 *
 * @param message the message (the header's first line and the file name's slug)
 * @param head the revision to build on; {@code null} means {@code head}
 * @param splice allow a head that is not a head of the map (a new branch)
 * @param branchLabels labels the new revision declares
 * @param dependsOn revisions or labels it depends on; partial ids are written as full ids
 * @param revisionId the id; {@code null} for 12 random hex digits
 * @param versionPath the directory to write to; {@code null} for the configured one
 */
public record RevisionCommand(String message, String head, boolean splice, List<String> branchLabels,
        List<String> dependsOn, String revisionId, Path versionPath) implements MigrationCommand {

    public RevisionCommand {
        branchLabels = List.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
    }

    @Override
    public void run(Workspace workspace, Output output) {
        ScriptWriter.generate(workspace, output, new ScriptWriter.Request(this.revisionId, this.message,
                List.of(this.head == null ? "head" : this.head), this.splice, this.branchLabels, this.dependsOn,
                this.versionPath));
    }
}
