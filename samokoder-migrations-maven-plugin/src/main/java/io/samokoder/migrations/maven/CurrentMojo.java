package io.samokoder.migrations.maven;

import io.samokoder.migrations.cli.command.CurrentCommand;
import io.samokoder.migrations.cli.command.MigrationCommand;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code current}: the database's current revisions. */
@Mojo(name = "current", threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public class CurrentMojo extends AbstractFormattedMojo {

    /** The database (password masked) and the verbose block of each revision. */
    @Parameter(property = "samokoder.verbose", defaultValue = "false")
    private boolean verbose;

    /** Fail unless the database is on all head revisions. */
    @Parameter(property = "samokoder.checkHeads", defaultValue = "false")
    private boolean checkHeads;

    @Override
    MigrationCommand command() throws MojoFailureException {
        return new CurrentCommand(this.verbose, this.checkHeads);
    }
}
