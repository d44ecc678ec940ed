package io.samokoder.migrations.plan;

import java.util.List;

/**
 * The ordered steps that take the version table from one set of rows to another. Pure data: making
 * a plan touches no database.
 *
 * @param rowsBefore the version rows the plan starts from
 * @param steps the steps, in execution order
 * @param rowsAfter the version rows after the last step
 */
public record Plan(List<String> rowsBefore, List<Step> steps, List<String> rowsAfter) {

    public Plan {
        rowsBefore = List.copyOf(rowsBefore);
        steps = List.copyOf(steps);
        rowsAfter = List.copyOf(rowsAfter);
    }

    /** Whether the plan has nothing to do. */
    public boolean isEmpty() {
        return this.steps.isEmpty();
    }
}
