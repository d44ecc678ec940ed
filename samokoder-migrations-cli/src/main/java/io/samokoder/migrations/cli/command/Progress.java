package io.samokoder.migrations.cli.command;

import io.samokoder.migrations.Command;
import io.samokoder.migrations.MigrationListener;
import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.OfflineScript;
import io.samokoder.migrations.PlannedStep;
import io.samokoder.migrations.graph.RevisionGraph;
import java.util.List;
import java.util.function.Supplier;

/** Alembic's progress lines ("Running upgrade  -> a, message") on the error stream, one per step. */
final class Progress implements MigrationListener {

    private final Output output;
    private Supplier<RevisionGraph> graph;

    Progress(Output output) {
        this.output = output;
    }

    void graph(Supplier<RevisionGraph> source) {
        this.graph = source;
    }

    /**
     * Writes the offline script of a command to the output and, as Alembic logs them while it renders one,
     * a progress line per step to the error stream.
     */
    static void offline(Migrations engine, Command command, String range, Output output) {
        OfflineScript script = engine.offline(command, range);
        Progress progress = new Progress(output);
        progress.graph(engine::graph);
        for (PlannedStep step : script.steps()) {
            progress.stepStarting(step);
        }
        output.sql(script.sql());
    }

    @Override
    public void stepStarting(PlannedStep step) {
        String line = switch (step.direction()) {
            case UPGRADE -> "Running upgrade " + down(step.revision()) + " -> " + step.revision() + doc(step);
            case DOWNGRADE -> "Running downgrade " + step.revision() + " -> " + down(step.revision()) + doc(step);
            // As the --sql comment: the rows the step replaces and those it writes. Alembic logs no purge.
            case STAMP -> step.purge() ? null : step.describe();
        };
        if (line != null) {
            this.output.progress(line);
        }
    }

    @Override
    public void repeatableStarting(String file) {
        this.output.progress("Running repeatable " + file);
    }

    private String down(String revision) {
        if (this.graph == null || revision == null) {
            return "";
        }
        List<String> down = this.graph.get().parents(revision);
        return String.join(", ", down);
    }

    private static String doc(PlannedStep step) {
        return step.message().isEmpty() ? "" : ", " + step.message();
    }
}
