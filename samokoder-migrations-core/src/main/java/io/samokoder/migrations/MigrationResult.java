package io.samokoder.migrations;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a run did.
 *
 * @param command upgrade, downgrade or stamp
 * @param target the target as given
 * @param rowsBefore the version rows read after taking the lock
 * @param rowsAfter the version rows at the end
 * @param steps the executed steps, in order
 * @param startedAt when the run started (before waiting for the lock)
 * @param duration how long the run took, lock wait included
 * @param lockWait how long the run waited for the migration lock
 * @param fastStart whether the run was answered by the fast start's single query (no script read; no lock
 *     taken, unless the run waited for another instance's run and asked once it held the lock) rather than by
 *     the full check under the lock
 * @param warnings what the planner warned about, e.g. Alembic's "downgrade -1 from multiple heads is
 *     ambiguous; ..."
 * @param repeatables the file names of the repeatable scripts the run applied after its steps, in order
 */
public record MigrationResult(Command command, String target, List<String> rowsBefore, List<String> rowsAfter,
        List<StepResult> steps, Instant startedAt, Duration duration, Duration lockWait, boolean fastStart,
        List<String> warnings, List<String> repeatables) {

    public MigrationResult {
        rowsBefore = List.copyOf(rowsBefore);
        rowsAfter = List.copyOf(rowsAfter);
        steps = List.copyOf(steps);
        warnings = List.copyOf(warnings);
        repeatables = List.copyOf(repeatables);
    }

    /** A result that applied no repeatable script. */
    public MigrationResult(Command command, String target, List<String> rowsBefore, List<String> rowsAfter,
            List<StepResult> steps, Instant startedAt, Duration duration, Duration lockWait, boolean fastStart,
            List<String> warnings) {
        this(command, target, rowsBefore, rowsAfter, steps, startedAt, duration, lockWait, fastStart, warnings,
                List.of());
    }

    /** A result of the full path (not the fast start) without warnings. */
    public MigrationResult(Command command, String target, List<String> rowsBefore, List<String> rowsAfter,
            List<StepResult> steps, Instant startedAt, Duration duration, Duration lockWait) {
        this(command, target, rowsBefore, rowsAfter, steps, startedAt, duration, lockWait, false, List.of());
    }

    /**
     * One line for logs, e.g. {@code "Upgraded 3 revisions to 3f2a9c1b7d4e in 154 ms (lock wait 0 ms)"}
     * or {@code "Nothing to upgrade: database at 3f2a9c1b7d4e (4 ms)"}, followed by the repeatable scripts
     * applied, if any ({@code "; applied repeatable scripts R__views.sql"}).
     */
    public String summary() {
        String steps = stepsSummary();
        return this.repeatables.isEmpty() ? steps
                : steps + "; applied repeatable script" + (this.repeatables.size() == 1 ? " " : "s ")
                        + String.join(", ", this.repeatables);
    }

    private String stepsSummary() {
        String at = this.rowsAfter.isEmpty() ? "base" : String.join(", ", this.rowsAfter);
        String verb = switch (this.command) {
            case UPGRADE -> "upgrade";
            case DOWNGRADE -> "downgrade";
            case STAMP -> "stamp";
        };
        if (this.steps.isEmpty()) {
            return "Nothing to " + verb + ": database at " + at + " (" + this.duration.toMillis() + " ms)";
        }
        String done = switch (this.command) {
            case UPGRADE -> "Upgraded";
            case DOWNGRADE -> "Downgraded";
            case STAMP -> "Stamped";
        };
        String unit = this.command == Command.STAMP ? " step" : " revision";
        return done + " " + this.steps.size() + unit + (this.steps.size() == 1 ? "" : "s") + " to " + at + " in "
                + this.duration.toMillis() + " ms (lock wait " + this.lockWait.toMillis() + " ms)";
    }
}
