package io.samokoder.migrations.cli.command;

import io.samokoder.migrations.MigrationPlan;
import io.samokoder.migrations.MigrationResult;
import io.samokoder.migrations.PlannedStep;
import io.samokoder.migrations.StepResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Runs and plans as JSON objects with stable keys. */
final class RunJson {

    private RunJson() {
    }

    static Map<String, Object> result(MigrationResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", result.command().name().toLowerCase(Locale.ROOT));
        json.put("target", result.target());
        json.put("rowsBefore", result.rowsBefore());
        json.put("rowsAfter", result.rowsAfter());
        List<Map<String, Object>> steps = new ArrayList<>(result.steps().size());
        for (StepResult step : result.steps()) {
            Map<String, Object> one = step(step.direction().name(), step.revision(), step.message(), step.file(),
                    step.rowsBefore(), step.rowsAfter());
            one.put("durationMillis", step.duration().toMillis());
            one.put("attempts", step.attempts());
            steps.add(one);
        }
        json.put("steps", steps);
        json.put("repeatables", result.repeatables());
        json.put("durationMillis", result.duration().toMillis());
        return json;
    }

    static Map<String, Object> plan(MigrationPlan plan) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", plan.command().name().toLowerCase(Locale.ROOT));
        json.put("target", plan.target());
        json.put("rowsBefore", plan.rowsBefore());
        List<Map<String, Object>> steps = new ArrayList<>(plan.steps().size());
        for (PlannedStep step : plan.steps()) {
            steps.add(step(step.direction().name(), step.revision(), step.message(), step.file(), step.rowsBefore(),
                    step.rowsAfter()));
        }
        json.put("steps", steps);
        json.put("repeatables", plan.repeatables());
        json.put("rowsAfter", plan.rowsAfter());
        return json;
    }

    private static Map<String, Object> step(String direction, String revision, String message, String file,
            List<String> rowsBefore, List<String> rowsAfter) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("direction", direction.toLowerCase(Locale.ROOT));
        json.put("revision", revision);
        json.put("message", message);
        json.put("file", file);
        json.put("rowsBefore", rowsBefore);
        json.put("rowsAfter", rowsAfter);
        return json;
    }
}
