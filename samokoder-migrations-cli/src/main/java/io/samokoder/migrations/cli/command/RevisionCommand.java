package io.samokoder.migrations.cli.command;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code revision -m MSG [--head H] [--splice] [--branch-label L] [--depends-on D]... [--rev-id ID]
 * [--version-path DIR] [--java [--package P]]}: writes a new SQL script (or, with {@code --java}, a
 * Java revision's source) on top of the single head (or {@code --head}; {@code base} starts a new
 * root), and prints {@code Generating <path> ...  done}. Reads no database.
 *
 * @param message the message (the header's first line and the file name's slug)
 * @param head the revision to build on; {@code null} means {@code head}
 * @param splice allow a head that is not a head of the map (a new branch)
 * @param branchLabels labels the new revision declares
 * @param dependsOn revisions or labels it depends on; partial ids are written as full ids
 * @param revisionId the id; {@code null} for 12 random hex digits
 * @param versionPath the directory to write to; {@code null} for the configured one (for a Java
 *        revision: the package's directory under {@code src/main/java})
 * @param java write a Java revision instead of an SQL script
 * @param javaPackage the Java revision's package; {@code null} to derive it from {@code versionPath}
 */
public record RevisionCommand(String message, String head, boolean splice, List<String> branchLabels,
        List<String> dependsOn, String revisionId, Path versionPath, boolean java, String javaPackage)
        implements MigrationCommand {

    public RevisionCommand {
        branchLabels = List.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
    }

    /** An SQL revision. */
    public RevisionCommand(String message, String head, boolean splice, List<String> branchLabels,
            List<String> dependsOn, String revisionId, Path versionPath) {
        this(message, head, splice, branchLabels, dependsOn, revisionId, versionPath, false, null);
    }

    @Override
    public void run(Workspace workspace, Output output) {
        if (this.javaPackage != null && !this.java) {
            throw new CommandFailedException("--package is for Java revisions: add --java");
        }
        ScriptWriter.generate(workspace, output, new ScriptWriter.Request(this.revisionId, this.message,
                List.of(this.head == null ? "head" : this.head), this.splice, this.branchLabels, this.dependsOn,
                this.versionPath, this.java ? new ScriptWriter.JavaTarget(this.javaPackage) : null, null));
    }
}
