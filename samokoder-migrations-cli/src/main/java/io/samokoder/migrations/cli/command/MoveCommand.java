package io.samokoder.migrations.cli.command;

import io.samokoder.migrations.Command;
import io.samokoder.migrations.MigrationResult;
import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.graph.RevisionException;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code upgrade TARGET [--sql] [--dry-run]} and {@code downgrade TARGET [--sql] [--dry-run]}.
 * Online, the steps run under the engine's lock, each announced on the error stream as Alembic logs
 * it. {@code --sql} writes the offline script and opens no connection ({@code downgrade} then needs
 * {@code start:end}); {@code --dry-run} prints the plan against the current rows and changes nothing.
 *
 * @param command {@link Command#UPGRADE} or {@link Command#DOWNGRADE}
 * @param target the target spec, or a range with {@code --sql}
 * @param sql write the offline SQL script
 * @param dryRun print the plan only
 * @param retryPartial run a revision again that an earlier run left part-way (on a database without
 *     transactional DDL), as {@code samokoder.migrations.retry-partial=true} does
 */
public record MoveCommand(Command command, String target, boolean sql, boolean dryRun, boolean retryPartial)
        implements MigrationCommand {

    public MoveCommand {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(target, "target");
        if (command == Command.STAMP) {
            throw new IllegalArgumentException("use StampCommand for stamp");
        }
    }

    /** The command without {@code retryPartial}. */
    public MoveCommand(Command command, String target, boolean sql, boolean dryRun) {
        this(command, target, sql, dryRun, false);
    }

    @Override
    public void run(Workspace workspace, Output output) {
        String name = this.command.name().toLowerCase(Locale.ROOT);
        if (this.sql) {
            Progress.offline(workspace.engine(), this.command, this.target, output);
            return;
        }
        if (this.target.contains(":")) {
            throw new RevisionException("Range revision not allowed");
        }
        if (this.dryRun) {
            // The dry run of a run that may repeat a revision left part-way plans it, as the run would.
            var plan = retrying(workspace.database(name + " --dry-run")).plan(this.command, this.target);
            if (output.json()) {
                output.json(RunJson.plan(plan));
            } else {
                output.text(plan.describe());
            }
            return;
        }
        Progress progress = new Progress(output);
        Migrations engine = retrying(workspace.runner(name, progress));
        progress.graph(engine::graph);
        MigrationResult result = this.command == Command.UPGRADE ? engine.upgrade(this.target)
                : engine.downgrade(this.target);
        if (output.json()) {
            output.json(RunJson.result(result));
        }
    }

    /** The engine, allowed to run a revision left part-way again when {@code --retry-partial} is given. */
    private Migrations retrying(Migrations engine) {
        return this.retryPartial ? new Migrations(engine.config().toBuilder().retryPartial(true).build()) : engine;
    }
}
