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
 * @param from Alembic's "from" side of the step's log line: the down revisions of an upgrade, the revision of a
 *     downgrade, the rows a stamp step replaces
 * @param to its "to" side
 * @param purge whether this is the step of {@code stamp --purge} that deletes every row first (Alembic logs no
 *     line for it)
 */
public record PlannedStep(Step.Kind direction, String revision, String message, String file,
        List<String> rowsBefore, List<String> rowsAfter, List<String> from, List<String> to, boolean purge) {

    public PlannedStep {
        rowsBefore = List.copyOf(rowsBefore);
        rowsAfter = List.copyOf(rowsAfter);
        from = List.copyOf(from);
        to = List.copyOf(to);
    }

    /** A step that is not a purge, its sides taken from the rows before and after it. */
    public PlannedStep(Step.Kind direction, String revision, String message, String file, List<String> rowsBefore,
            List<String> rowsAfter) {
        this(direction, revision, message, file, rowsBefore, rowsAfter, rowsBefore, rowsAfter, false);
    }

    /** Alembic's log line of the step, without the message: {@code Running upgrade a -> b}. */
    public String describe() {
        String verb = switch (this.direction) {
            case UPGRADE -> "upgrade";
            case DOWNGRADE -> "downgrade";
            case STAMP -> "stamp_revision";
        };
        return "Running " + verb + " " + String.join(", ", this.from) + " -> " + String.join(", ", this.to);
    }
}
