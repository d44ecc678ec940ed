package io.samokoder.migrations.maven;

import io.samokoder.migrations.Command;
import io.samokoder.migrations.cli.command.MigrationCommand;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code downgrade}: runs downgrade parts down to the target ({@code -1}, a revision, {@code base}, {@code label@-1}). */
@Mojo(name = "downgrade", threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public class DowngradeMojo extends AbstractMoveMojo {

    /** Target: {@code -1}, {@code base}, a revision, {@code label@-1}; {@code start:end} with {@code samokoder.sql}. Required. */
    @Parameter(property = "samokoder.target")
    private String target;

    @Override
    MigrationCommand command() throws MojoFailureException {
        return move(Command.DOWNGRADE, required(this.target, "samokoder.target", "-1"));
    }
}
