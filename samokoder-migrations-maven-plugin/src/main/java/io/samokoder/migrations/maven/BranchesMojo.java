package io.samokoder.migrations.maven;

import io.samokoder.migrations.cli.command.BranchesCommand;
import io.samokoder.migrations.cli.command.MigrationCommand;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code branches}: the branch points of the scripts; reads no database. */
@Mojo(name = "branches", threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public class BranchesMojo extends AbstractFormattedMojo {

    /** The verbose block of each branch point. */
    @Parameter(property = "samokoder.verbose", defaultValue = "false")
    private boolean verbose;

    @Override
    MigrationCommand command() throws MojoFailureException {
        return new BranchesCommand(this.verbose);
    }
}
