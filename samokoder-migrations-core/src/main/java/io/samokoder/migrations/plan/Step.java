package io.samokoder.migrations.plan;

import java.util.List;
import java.util.Objects;

/**
 * One step of a {@link Plan}: running one revision up or down, or stamping the version table.
 *
 * @param kind what the step does
 * @param revision the revision whose script runs; for a stamp step, the destination revision, or
 *     {@code null} when stamping to base
 * @param fromRevisions Alembic's "from" side (the down revisions for an upgrade, the revision for a
 *     downgrade, the rows replaced for a stamp)
 * @param toRevisions Alembic's "to" side
 * @param rowsBefore the version rows before the step, in row order
 * @param rowChanges the row changes that the step makes, in order
 * @param rowsAfter the version rows after the step
 * @param isPurge whether this stamp step is {@code stamp --purge}'s removal of every row before it stamps
 */
public record Step(Kind kind, String revision, List<String> fromRevisions, List<String> toRevisions,
        List<String> rowsBefore, List<RowChange> rowChanges, List<String> rowsAfter, boolean isPurge) {

    /** What a step does. */
    public enum Kind {
        /** Runs the upgrade part of a revision. */
        UPGRADE,
        /** Runs the downgrade part of a revision. */
        DOWNGRADE,
        /** Changes only the version table. */
        STAMP
    }

    public Step {
        Objects.requireNonNull(kind, "kind");
        fromRevisions = List.copyOf(fromRevisions);
        toRevisions = List.copyOf(toRevisions);
        rowsBefore = List.copyOf(rowsBefore);
        rowChanges = List.copyOf(rowChanges);
        rowsAfter = List.copyOf(rowsAfter);
    }

    /** A step that is not a purge. */
    public Step(Kind kind, String revision, List<String> fromRevisions, List<String> toRevisions,
            List<String> rowsBefore, List<RowChange> rowChanges, List<String> rowsAfter) {
        this(kind, revision, fromRevisions, toRevisions, rowsBefore, rowChanges, rowsAfter, false);
    }

    /** Alembic's log line: {@code "Running upgrade a -> b"} (without the message). */
    public String describe() {
        String verb = switch (this.kind) {
            case UPGRADE -> "upgrade";
            case DOWNGRADE -> "downgrade";
            case STAMP -> "stamp_revision";
        };
        return "Running " + verb + " " + String.join(", ", this.fromRevisions) + " -> "
                + String.join(", ", this.toRevisions);
    }
}
