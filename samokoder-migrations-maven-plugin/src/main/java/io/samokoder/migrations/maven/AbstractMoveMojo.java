package io.samokoder.migrations.maven;

import io.samokoder.migrations.Command;
import io.samokoder.migrations.cli.command.MigrationCommand;
import io.samokoder.migrations.cli.command.MoveCommand;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters that {@code upgrade} and {@code downgrade} share: offline SQL, the dry run, retrying a partial
 * revision.
 */
public abstract class AbstractMoveMojo extends AbstractFormattedMojo {

    /** Print the SQL script instead of running it ({@code start:end} for a downgrade); opens no connection. */
    @Parameter(property = "samokoder.sql", defaultValue = "false")
    private boolean sql;

    /** Print the steps against the current rows without running them. */
    @Parameter(property = "samokoder.dryRun", defaultValue = "false")
    private boolean dryRun;

    /**
     * Run again a revision that an earlier run left part-way on a database without transactional DDL,
     * once what it applied was undone or made safe to repeat.
     */
    @Parameter(property = "samokoder.retryPartial", defaultValue = "false")
    private boolean retryPartial;

    /** The move command to the target in this direction, with the shared parameters. */
    MigrationCommand move(Command direction, String target) {
        return new MoveCommand(direction, target, this.sql, this.dryRun, this.retryPartial);
    }

    /**
     * The upgrade to the heads that holds the contract revisions the database does not have yet, with the shared
     * parameters; refused offline and to another target.
     */
    MigrationCommand holdingContract(String target) throws MojoFailureException {
        if (this.sql) {
            throw new MojoFailureException("samokoder.holdContract cannot be used with samokoder.sql: offline there is"
                    + " no database to tell which contract revisions it has");
        }
        if (!target.equals("heads")) {
            throw new MojoFailureException("samokoder.holdContract upgrades to the heads: use the target heads (the"
                    + " default), not '" + target + "'");
        }
        return new MoveCommand(Command.UPGRADE, target, false, this.dryRun, this.retryPartial, true);
    }
}
