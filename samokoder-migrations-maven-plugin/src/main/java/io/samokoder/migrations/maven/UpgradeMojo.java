package io.samokoder.migrations.maven;

import io.samokoder.migrations.Command;
import io.samokoder.migrations.cli.command.MigrationCommand;
import io.samokoder.migrations.cli.command.MoveCommand;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code upgrade}: runs the pending revisions up to the target (default {@code heads}); {@code samokoder.sql} prints the offline script instead, {@code samokoder.dryRun} the plan. */
@Mojo(name = "upgrade", threadSafe = true)
public class UpgradeMojo extends AbstractFormattedMojo {

    /** Target: {@code heads}, a revision, {@code label@head}, {@code +N}; {@code start:end} with {@code samokoder.sql}. */
    @Parameter(property = "samokoder.target", defaultValue = "heads")
    private String target;

    /** Print the SQL script instead of running it; opens no connection. */
    @Parameter(property = "samokoder.sql", defaultValue = "false")
    private boolean sql;

    /** Print the steps against the current rows without running them. */
    @Parameter(property = "samokoder.dryRun", defaultValue = "false")
    private boolean dryRun;

    @Override
    MigrationCommand command() throws MojoFailureException {
        return new MoveCommand(Command.UPGRADE, required(this.target, "samokoder.target", "heads"), this.sql,
                this.dryRun);
    }
}
