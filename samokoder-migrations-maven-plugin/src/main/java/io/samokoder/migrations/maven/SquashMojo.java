package io.samokoder.migrations.maven;

import io.samokoder.migrations.cli.command.MigrationCommand;
import io.samokoder.migrations.cli.command.SquashCommand;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code squash}: replaces a revision and every revision below it with one script that keeps the revision's id (its
 * file rewritten, the others removed); reads no database.
 */
@Mojo(name = "squash", threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public class SquashMojo extends AbstractMigrationsMojo {

    /** The revision to squash up to: an id, a prefix, a branch label, or {@code heads} with one head. Required. */
    @Parameter(property = "samokoder.revision")
    private String revision;

    /** The squash's message; default "Squash of N revisions". */
    @Parameter(property = "samokoder.message")
    private String message;

    /** Print the script and the files it would replace, and write nothing. */
    @Parameter(property = "samokoder.dryRun", defaultValue = "false")
    private boolean dryRun;

    @Override
    MigrationCommand command() throws MojoFailureException {
        return new SquashCommand(required(this.revision, "samokoder.revision", "ae1027a6acf0"), this.message,
                this.dryRun);
    }
}
