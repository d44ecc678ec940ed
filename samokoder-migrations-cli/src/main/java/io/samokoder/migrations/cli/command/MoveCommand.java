package io.samokoder.migrations.cli.command;

import io.samokoder.migrations.Command;
import io.samokoder.migrations.Leaving;
import io.samokoder.migrations.MigrationPlan;
import io.samokoder.migrations.MigrationResult;
import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.graph.RevisionException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code upgrade TARGET [--sql] [--dry-run] [--hold-contract]} and {@code downgrade TARGET [--sql] [--dry-run]}.
 * Online, the steps run under the engine's lock, each announced on the error stream as Alembic logs
 * it. {@code --sql} writes the offline script and opens no connection ({@code downgrade} then needs
 * {@code start:end}); {@code --dry-run} prints the plan against the current rows and changes nothing.
 * {@code --hold-contract} upgrades to the heads leaving the contract revisions ({@code Phase: contract}) that the
 * database does not have yet, and what builds on them, for the upgrade after the rollout; those held are named on
 * the error stream ({@value #HELD}) and, in JSON, as {@code held}.
 *
 * @param command {@link Command#UPGRADE} or {@link Command#DOWNGRADE}
 * @param target the target spec, or a range with {@code --sql}
 * @param sql write the offline SQL script
 * @param dryRun print the plan only
 * @param retryPartial run a revision again that an earlier run left part-way (on a database without
 *     transactional DDL), as {@code samokoder.migrations.retry-partial=true} does
 * @param holdContract hold the contract revisions the database does not have yet ({@link Leaving#CONTRACT}):
 *     only an online upgrade to {@code heads}
 */
public record MoveCommand(Command command, String target, boolean sql, boolean dryRun, boolean retryPartial,
        boolean holdContract) implements MigrationCommand {

    /** What the run and the dry run of {@code --hold-contract} print before the contract revisions held. */
    public static final String HELD = "Held for the upgrade after the rollout (Phase: contract): ";

    private static final Set<Leaving> CONTRACT = EnumSet.of(Leaving.CONTRACT);

    public MoveCommand {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(target, "target");
        if (command == Command.STAMP) {
            throw new IllegalArgumentException("use StampCommand for stamp");
        }
        if (holdContract && (command != Command.UPGRADE || sql || !target.equals("heads"))) {
            throw new IllegalArgumentException("holdContract is for an online upgrade to heads");
        }
    }

    /** The command without {@code holdContract}. */
    public MoveCommand(Command command, String target, boolean sql, boolean dryRun, boolean retryPartial) {
        this(command, target, sql, dryRun, retryPartial, false);
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
            Migrations engine = retrying(workspace.database(name + " --dry-run"));
            MigrationPlan plan = this.holdContract ? engine.planLeaving(CONTRACT)
                    : engine.plan(this.command, this.target);
            List<String> held = this.holdContract ? held(engine, output) : null;
            if (output.json()) {
                output.json(withHeld(RunJson.plan(plan), held));
            } else {
                output.text(plan.describe());
            }
            return;
        }
        Progress progress = new Progress(output);
        Migrations engine = retrying(workspace.runner(name, progress));
        progress.graph(engine::graph);
        MigrationResult result = this.holdContract ? engine.upgradeLeaving(CONTRACT)
                : this.command == Command.UPGRADE ? engine.upgrade(this.target) : engine.downgrade(this.target);
        List<String> held = this.holdContract ? held(engine, output) : null;
        if (output.json()) {
            output.json(withHeld(RunJson.result(result), held));
        }
    }

    /** The contract revisions held (read after a run), announced on the error stream when there are any. */
    private static List<String> held(Migrations engine, Output output) {
        List<String> held = engine.pendingContract();
        if (!held.isEmpty()) {
            output.progress(HELD + String.join(", ", held));
        }
        return held;
    }

    private static Map<String, Object> withHeld(Map<String, Object> json, List<String> held) {
        if (held != null) {
            json.put("held", held);
        }
        return json;
    }

    /** The engine, allowed to run a revision left part-way again when {@code --retry-partial} is given. */
    private Migrations retrying(Migrations engine) {
        return this.retryPartial ? new Migrations(engine.config().toBuilder().retryPartial(true).build()) : engine;
    }
}
