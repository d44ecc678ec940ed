package io.samokoder.migrations.plan;

import java.util.List;

/**
 * The ordered steps that take the version table from one set of rows to another. Pure data: making
 * a plan touches no database.
 *
 * @param rowsBefore the version rows the plan starts from
 * @param steps the steps, in execution order
 * @param rowsAfter the version rows after the last step
 * @param warnings what planning warned about, in Alembic's words (e.g. "downgrade -1 from multiple
 *     heads is ambiguous; this usage will be disallowed in a future release."); also logged
 */
public record Plan(List<String> rowsBefore, List<Step> steps, List<String> rowsAfter, List<String> warnings) {

    public Plan {
        rowsBefore = List.copyOf(rowsBefore);
        steps = List.copyOf(steps);
        rowsAfter = List.copyOf(rowsAfter);
        warnings = List.copyOf(warnings);
    }

    /** A plan without warnings. */
    public Plan(List<String> rowsBefore, List<Step> steps, List<String> rowsAfter) {
        this(rowsBefore, steps, rowsAfter, List.of());
    }

    /** Whether the plan has nothing to do. */
    public boolean isEmpty() {
        return this.steps.isEmpty();
    }
}
