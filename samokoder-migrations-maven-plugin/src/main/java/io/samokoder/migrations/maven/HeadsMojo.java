package io.samokoder.migrations.maven;

import io.samokoder.migrations.cli.command.HeadsCommand;
import io.samokoder.migrations.cli.command.MigrationCommand;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code heads}: the heads of the scripts; reads no database. */
@Mojo(name = "heads", threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public class HeadsMojo extends AbstractFormattedMojo {

    /** The verbose block of each head. */
    @Parameter(property = "samokoder.verbose", defaultValue = "false")
    private boolean verbose;

    /** Only the real heads (dependencies count as down revisions). */
    @Parameter(property = "samokoder.resolveDependencies", defaultValue = "false")
    private boolean resolveDependencies;

    @Override
    MigrationCommand command() throws MojoFailureException {
        return new HeadsCommand(this.verbose, this.resolveDependencies);
    }
}
