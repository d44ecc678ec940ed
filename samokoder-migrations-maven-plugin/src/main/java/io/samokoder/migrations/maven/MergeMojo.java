package io.samokoder.migrations.maven;

import io.samokoder.migrations.cli.command.MergeCommand;
import io.samokoder.migrations.cli.command.MigrationCommand;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code merge}: writes a merge revision of the given revisions (default {@code heads}: all heads); reads no database. */
@Mojo(name = "merge", threadSafe = true)
public class MergeMojo extends AbstractMigrationsMojo {

    /** Comma-separated revisions to merge; {@code heads} means all real heads. */
    @Parameter(property = "samokoder.revisions", defaultValue = "heads")
    private String revisions;

    /** The message. Required. */
    @Parameter(property = "samokoder.message")
    private String message;

    /** Comma-separated branch labels of the merge revision. */
    @Parameter(property = "samokoder.branchLabel")
    private String branchLabel;

    /** The revision id; default: 12 random hex digits. */
    @Parameter(property = "samokoder.revId")
    private String revId;

    @Override
    MigrationCommand command() throws MojoFailureException {
        return new MergeCommand(words(this.revisions), required(this.message, "samokoder.message", "\"merge heads\""),
                words(this.branchLabel), this.revId);
    }
}
