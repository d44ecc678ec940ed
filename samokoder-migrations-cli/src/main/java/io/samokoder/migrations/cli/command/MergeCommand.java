package io.samokoder.migrations.cli.command;

import java.util.List;

/**
 * {@code merge REVS... -m MSG [--branch-label L] [--rev-id ID] [--contract]}: writes a script that revises each
 * of the given revisions ({@code heads} means all real heads), in the order given. Each must be a
 * head. Reads no database.
 *
 * @param revisions the revisions to merge
 * @param message the message
 * @param branchLabels labels the merge declares
 * @param revisionId the id; {@code null} for 12 random hex digits
 * @param contract declare the merge a contract revision ({@code -- Phase: contract}), as a merge that joins a
 *        contract revision's branch must be for an application to hold it with that revision
 */
public record MergeCommand(List<String> revisions, String message, List<String> branchLabels, String revisionId,
        boolean contract) implements MigrationCommand {

    public MergeCommand {
        revisions = List.copyOf(revisions);
        branchLabels = List.copyOf(branchLabels);
    }

    /** A merge that is not a contract revision. */
    public MergeCommand(List<String> revisions, String message, List<String> branchLabels, String revisionId) {
        this(revisions, message, branchLabels, revisionId, false);
    }

    @Override
    public void run(Workspace workspace, Output output) {
        ScriptWriter.generate(workspace, output, new ScriptWriter.Request(this.revisionId, this.message,
                this.revisions, false, this.branchLabels, List.of(), null, null, null, this.contract));
    }
}
