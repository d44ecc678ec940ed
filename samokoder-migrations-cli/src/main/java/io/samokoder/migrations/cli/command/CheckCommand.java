package io.samokoder.migrations.cli.command;

import io.samokoder.migrations.DriftProblem;
import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.ValidationResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code check}, for CI: succeeds with "No new upgrade operations detected." when the map has one
 * head, the database is at it and no applied script changed since it ran. Otherwise it fails (exit
 * 255), in this order: several heads (merge them), version rows no script declares, changed applied
 * scripts, pending revisions ("Target database is not up to date."). Changes nothing.
 */
public record CheckCommand() implements MigrationCommand {

    /** The success text, Alembic's own for {@code alembic check}. */
    public static final String UP_TO_DATE = "No new upgrade operations detected.";

    @Override
    public void run(Workspace workspace, Output output) {
        Migrations engine = workspace.runner("check", null);
        List<String> heads = engine.graph().heads();
        ValidationResult validation = engine.validate("heads");
        List<String> unknown = new ArrayList<>();
        for (String row : validation.current()) {
            if (!engine.graph().contains(row)) {
                unknown.add(row);
            }
        }
        String problem = problem(heads, unknown, validation, workspace.hints());
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
            Hints hints) {
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
                DriftProblem drift = validation.drift().get(i);
                text.append(i == 0 ? "" : "; ").append(drift.message());
            }
            text.append(". Restore the applied scripts and put the change into a new revision ('")
                .append(hints.revision()).append("')");
            return text.toString();
        }
        if (!validation.pending().isEmpty()) {
            return "Target database is not up to date. Pending: " + String.join(", ", validation.pending())
                    + "; run '" + hints.upgrade() + "'";
        }
        return null;
    }
}
