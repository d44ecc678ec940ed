package io.samokoder.migrations;

import io.samokoder.migrations.plan.Step;
import java.time.Duration;
import java.util.List;

/**
 * One executed step of a run.
 *
 * @param direction upgrade, downgrade or stamp
 * @param revision the revision run (for a stamp, its destination; {@code null} when stamping to base)
 * @param message the revision's message, or empty
 * @param file where the script was loaded from, or empty for a stamp to base
 * @param rowsBefore the version rows before the step
 * @param rowsAfter the version rows after the step
 * @param duration how long the step took, retries included
 * @param attempts how many times the step was tried (more than one after lock-timeout retries)
 */
public record StepResult(Step.Kind direction, String revision, String message, String file,
        List<String> rowsBefore, List<String> rowsAfter, Duration duration, int attempts) {

    public StepResult {
        rowsBefore = List.copyOf(rowsBefore);
        rowsAfter = List.copyOf(rowsAfter);
    }
}
