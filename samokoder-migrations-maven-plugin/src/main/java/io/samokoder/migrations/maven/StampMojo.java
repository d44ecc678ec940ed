package io.samokoder.migrations.maven;

import io.samokoder.migrations.cli.command.MigrationCommand;
import io.samokoder.migrations.cli.command.StampCommand;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code stamp}: sets the version table to revisions without running any script. */
@Mojo(name = "stamp", threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public class StampMojo extends AbstractFormattedMojo {

    /** Comma-separated revisions ({@code start:rev} with {@code samokoder.sql}). Required. */
    @Parameter(property = "samokoder.revisions")
    private String revisions;

    /** Delete every version row first. */
    @Parameter(property = "samokoder.purge", defaultValue = "false")
    private boolean purge;

    /** Print the SQL instead of running it. */
    @Parameter(property = "samokoder.sql", defaultValue = "false")
    private boolean sql;

    @Override
    MigrationCommand command() throws MojoFailureException {
        return new StampCommand(words(required(this.revisions, "samokoder.revisions", "heads")), this.purge, this.sql);
    }
}
