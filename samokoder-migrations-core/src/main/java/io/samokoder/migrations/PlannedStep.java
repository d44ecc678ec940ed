package io.samokoder.migrations;

import io.samokoder.migrations.plan.Step;
import java.util.List;

/**
 * One step of a {@link MigrationPlan}: what would run, and the version rows around it.
 *
 * @param direction upgrade, downgrade or stamp
 * @param revision the revision (for a stamp, its destination; {@code null} when stamping to base)
 * @param message the revision's message, or empty
 * @param file where the script was loaded from, or empty
 * @param rowsBefore the version rows before the step
 * @param rowsAfter the version rows after the step
 */
public record PlannedStep(Step.Kind direction, String revision, String message, String file,
        List<String> rowsBefore, List<String> rowsAfter) {

    public PlannedStep {
        rowsBefore = List.copyOf(rowsBefore);
        rowsAfter = List.copyOf(rowsAfter);
    }
}
