package io.samokoder.migrations.maven;

import io.samokoder.migrations.Command;
import io.samokoder.migrations.cli.command.MigrationCommand;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code upgrade}: runs the pending revisions up to the target (default {@code heads}); {@code samokoder.sql} prints
 * the offline script instead, {@code samokoder.dryRun} the plan.
 */
@Mojo(name = "upgrade", threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public class UpgradeMojo extends AbstractMoveMojo {

    /**
     * Target: {@code heads}, a revision, {@code label@head}, {@code +N}; {@code start:end} with
     * {@code samokoder.sql}.
     */
    @Parameter(property = "samokoder.target", defaultValue = "heads")
    private String target;

    /**
     * Apply everything but the contract revisions ({@code Phase: contract}) that the database does not have yet, and
     * what builds on them: the upgrade before a rolling deploy. Only to {@code heads}, not with {@code samokoder.sql}.
     */
    @Parameter(property = "samokoder.holdContract", defaultValue = "false")
    private boolean holdContract;

    @Override
    MigrationCommand command() throws MojoFailureException {
        String given = required(this.target, "samokoder.target", "heads");
        return this.holdContract ? holdingContract(given) : move(Command.UPGRADE, given);
    }
}
