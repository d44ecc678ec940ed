package io.samokoder.migrations.maven;

import io.samokoder.migrations.Command;
import io.samokoder.migrations.cli.command.MigrationCommand;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code upgrade}: runs the pending revisions up to the target (default {@code heads}); {@code samokoder.sql} prints the offline script instead, {@code samokoder.dryRun} the plan. */
@Mojo(name = "upgrade", threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public class UpgradeMojo extends AbstractMoveMojo {

    /** Target: {@code heads}, a revision, {@code label@head}, {@code +N}; {@code start:end} with {@code samokoder.sql}. */
    @Parameter(property = "samokoder.target", defaultValue = "heads")
    private String target;

    @Override
    MigrationCommand command() throws MojoFailureException {
        return move(Command.UPGRADE, required(this.target, "samokoder.target", "heads"));
    }
}
