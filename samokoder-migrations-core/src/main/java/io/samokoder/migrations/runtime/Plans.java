package io.samokoder.migrations.runtime;

import io.samokoder.migrations.Command;
import io.samokoder.migrations.PlannedStep;
import io.samokoder.migrations.plan.Plan;
import io.samokoder.migrations.plan.Planner;
import io.samokoder.migrations.plan.Step;
import io.samokoder.migrations.script.RevisionScript;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A command's plan from the planner, and how its steps and targets read for the public API. */
final class Plans {

    private Plans() {
    }

    /** The plan of upgrade, downgrade or stamp from the rows. */
    static Plan plan(Planner planner, Command command, List<String> rows, String target, List<String> stampTargets,
            boolean purge) {
        return switch (command) {
            case UPGRADE -> planner.upgrade(rows, target);
            case DOWNGRADE -> planner.downgrade(rows, target);
            case STAMP -> planner.stamp(rows, stampTargets == null ? splitTargets(target) : stampTargets, purge);
        };
    }

    /** The revisions an upgrade to the target would apply, in order. */
    static List<String> pending(Planner planner, List<String> rows, String target) {
        List<String> pending = new ArrayList<>();
        for (Step step : planner.upgrade(rows, target).steps()) {
            if (step.kind() == Step.Kind.UPGRADE) {
                pending.add(step.revision());
            }
        }
        return pending;
    }

    /** Several targets given as one text, separated by spaces or commas. */
    static List<String> splitTargets(String target) {
        if (target == null || target.isBlank()) {
            return List.of();
        }
        return Arrays.asList(target.trim().split("[\\s,]+"));
    }

    /** A step as the public API describes it. */
    static PlannedStep plannedStep(Step step, RevisionScript script) {
        return new PlannedStep(step.kind(), step.revision(), script == null ? "" : script.message(),
                script == null ? "" : script.description(), step.rowsBefore(), step.rowsAfter(), step.fromRevisions(),
                step.toRevisions(), step.isPurge());
    }
}
