package io.samokoder.migrations.cli.command;

import io.samokoder.migrations.DriftProblem;
import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.PartialAttempt;
import io.samokoder.migrations.ValidationResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code check}, for CI: succeeds with "No new upgrade operations detected." when the map has one real head
 * (a revision that others only depend on does not count), the database is at it, no applied script changed
 * since it ran and, where the application's model is known (the workspace's {@link Workspace#modelSource()}),
 * the database matches the model. Otherwise it fails (exit 255), in this order: several heads (merge them),
 * version rows no script declares, changed applied scripts, revisions left part-way (on a database without
 * transactional DDL), pending revisions ("Target database is not up to date."), differences from the model
 * ("New upgrade operations detected: [...]", as Alembic's). Without a model, a check that passes says on the
 * error stream that the model was not compared, and where it can be. Changes no row; creates the version
 * table when the database has no rows, as Alembic's check does.
 *
 * @param excludeTables      tables the comparison leaves alone (names or patterns), besides the configured ones
 * @param skipServerDefaults do not compare column defaults ({@code --no-compare-server-default})
 */
public record CheckCommand(List<String> excludeTables, boolean skipServerDefaults) implements MigrationCommand {

    /** Copies the list. */
    public CheckCommand {
        excludeTables = List.copyOf(excludeTables);
    }

    /** The checks with the configured comparison. */
    public CheckCommand() {
        this(List.of(), false);
    }

    /** The success text, Alembic's own for {@code alembic check}. */
    public static final String UP_TO_DATE = "No new upgrade operations detected.";

    /** The start of the line on the error stream of a check that had no model to compare. */
    public static final String MODEL_NOT_COMPARED = "The model was not compared: ";

    @Override
    public void run(Workspace workspace, Output output) {
        Migrations engine = workspace.runner("check", null);
        // The real heads, as plain `heads` (merge, upgrade) means them: a revision that others only depend on
        // is no second head (spec §6.4).
        List<String> heads = engine.graph().realHeads();
        ValidationResult validation = engine.validate("heads");
        if (validation.current().isEmpty()) {
            // As Alembic's check, which runs online: a database without rows gets its version table (spec §5).
            EnsureVersionCommand.ensure(engine);
        }
        List<String> unknown = new ArrayList<>();
        for (String row : validation.current()) {
            if (!engine.graph().contains(row)) {
                unknown.add(row);
            }
        }
        List<String> contract = engine.heldContract(validation.current(), validation.pending());
        String problem = problem(heads, unknown, validation, contract, workspace.hints());
        SchemaComparison comparison = null;
        if (problem == null && workspace.modelSource() != null) {
            comparison = SchemaComparison.run(workspace, output, "check", this.excludeTables, this.skipServerDefaults);
            if (!comparison.diff().isEmpty()) {
                problem = comparison.diff().checkText();
            }
        } else if (problem == null) {
            output.progress(MODEL_NOT_COMPARED + workspace.hints().noModel("check"));
        }
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("ok", problem == null);
            json.put("heads", heads);
            json.put("current", validation.current());
            json.put("pending", validation.pending());
            List<Map<String, Object>> drift = new ArrayList<>();
            for (DriftProblem one : validation.drift()) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("revision", one.revision());
                d.put("file", one.file());
                d.put("message", one.message());
                drift.add(d);
            }
            json.put("drift", drift);
            List<Map<String, Object>> partial = new ArrayList<>();
            for (PartialAttempt one : validation.partial()) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("revision", one.revision());
                p.put("file", one.file());
                p.put("direction", one.direction());
                p.put("applied", one.applied());
                p.put("total", one.total());
                partial.add(p);
            }
            json.put("partial", partial);
            json.put("modelCompared", comparison != null);
            json.put("changes", comparison == null ? List.of() : comparison.json());
            json.put("notes", comparison == null ? List.of() : comparison.diff().notes());
            json.put("problem", problem);
            output.json(json);
        } else if (problem == null) {
            output.line(UP_TO_DATE);
        }
        if (problem != null) {
            throw new CommandFailedException(problem);
        }
    }

    private static String problem(List<String> heads, List<String> unknown, ValidationResult validation,
            List<String> contract, Hints hints) {
        if (heads.size() > 1) {
            return "Multiple heads are present: " + String.join(", ", heads) + "; merge them with '" + hints.merge()
                    + "', or point the branch at a head with 'revision --head'";
        }
        if (!unknown.isEmpty()) {
            return "Can't locate revision identified by '" + unknown.get(0) + "': the version table has a revision"
                    + " that no script declares; restore its script, or set the table with '" + hints.stampPurge()
                    + "'";
        }
        if (!validation.drift().isEmpty()) {
            StringBuilder text = new StringBuilder("Applied revision scripts changed since they ran: ");
            for (int i = 0; i < validation.drift().size(); i++) {
                String message = validation.drift().get(i).message();
                text.append(i == 0 ? "" : "; ")
                        .append(message.endsWith(".") ? message.substring(0, message.length() - 1) : message);
            }
            text.append(". Restore the applied scripts and put the change into a new revision ('")
                .append(hints.revision()).append("')");
            return text.toString();
        }
        if (!validation.partial().isEmpty()) {
            StringBuilder text = new StringBuilder();
            for (PartialAttempt attempt : validation.partial()) {
                text.append(text.isEmpty() ? "" : " ").append(attempt.explanation());
            }
            return text.toString();
        }
        if (!validation.pending().isEmpty()) {
            String text = "Target database is not up to date. Pending: " + String.join(", ", validation.pending())
                    + "; run '" + hints.upgrade() + "'";
            // A contract revision waits for the rollout of the build that brings it: the hint says when.
            return contract.isEmpty() ? text : text + " once no instance of the build before "
                    + String.join(", ", contract) + " (Phase: contract) runs";
        }
        return null;
    }
}
