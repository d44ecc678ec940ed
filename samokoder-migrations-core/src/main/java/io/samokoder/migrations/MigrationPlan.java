package io.samokoder.migrations;

import java.util.List;

/**
 * A dry run: what a command would do against the database's current rows. A plain value (strings,
 * lists and enums) that JSON libraries serialise as it is.
 *
 * @param command the command planned
 * @param target the target as given
 * @param rowsBefore the version rows now
 * @param steps the steps that would run, in order
 * @param rowsAfter the version rows afterwards
 * @param warnings what the planner warned about, e.g. Alembic's "downgrade -1 from multiple heads is
 *     ambiguous; ..."
 * @param repeatables the file names of the repeatable scripts that would be applied after the steps, in order
 *     (an upgrade that ends at the heads)
 */
public record MigrationPlan(Command command, String target, List<String> rowsBefore, List<PlannedStep> steps,
        List<String> rowsAfter, List<String> warnings, List<String> repeatables) {

    public MigrationPlan {
        rowsBefore = List.copyOf(rowsBefore);
        steps = List.copyOf(steps);
        rowsAfter = List.copyOf(rowsAfter);
        warnings = List.copyOf(warnings);
        repeatables = List.copyOf(repeatables);
    }

    /** A plan that applies no repeatable script. */
    public MigrationPlan(Command command, String target, List<String> rowsBefore, List<PlannedStep> steps,
            List<String> rowsAfter, List<String> warnings) {
        this(command, target, rowsBefore, steps, rowsAfter, warnings, List.of());
    }

    /** A plan without warnings. */
    public MigrationPlan(Command command, String target, List<String> rowsBefore, List<PlannedStep> steps,
            List<String> rowsAfter) {
        this(command, target, rowsBefore, steps, rowsAfter, List.of());
    }

    /**
     * The plan as text: one line per step in Alembic's wording, the repeatable scripts that follow them, then the
     * rows afterwards.
     */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append(this.command.name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(this.target)
                .append(": current ").append(rows(this.rowsBefore)).append('\n');
        if (this.steps.isEmpty() && this.repeatables.isEmpty()) {
            out.append("  nothing to do\n");
        }
        int n = 1;
        for (PlannedStep step : this.steps) {
            out.append("  ").append(n++).append(". ");
            switch (step.direction()) {
                case UPGRADE -> out.append("upgrade ").append(rows(step.rowsBefore())).append(" -> ")
                        .append(step.revision());
                case DOWNGRADE -> out.append("downgrade ").append(step.revision());
                case STAMP -> out.append("stamp ").append(step.revision() == null ? "base" : step.revision());
            }
            if (!step.message().isEmpty()) {
                out.append(", ").append(step.message());
            }
            out.append("  [rows after: ").append(rows(step.rowsAfter())).append(']');
            if (!step.file().isEmpty()) {
                out.append("  (").append(step.file()).append(')');
            }
            out.append('\n');
        }
        if (!this.repeatables.isEmpty()) {
            out.append("  then repeatable scripts: ").append(String.join(", ", this.repeatables)).append('\n');
        }
        out.append("  result: ").append(rows(this.rowsAfter)).append('\n');
        for (String warning : this.warnings) {
            out.append("  warning: ").append(warning).append('\n');
        }
        return out.toString();
    }

    private static String rows(List<String> rows) {
        return rows.isEmpty() ? "<base>" : String.join(", ", rows);
    }
}
