package io.samokoder.migrations;

import java.util.List;

/**
 * The outcome of {@link Migrations#validate(String)}; nothing was changed.
 *
 * @param current the version rows
 * @param pending the revisions an upgrade to the target would run, in order
 * @param drift the differences between applied revisions and their scripts
 */
public record ValidationResult(List<String> current, List<String> pending, List<DriftProblem> drift) {

    public ValidationResult {
        current = List.copyOf(current);
        pending = List.copyOf(pending);
        drift = List.copyOf(drift);
    }

    /** Whether nothing is pending and no applied revision drifted. */
    public boolean upToDate() {
        return this.pending.isEmpty() && this.drift.isEmpty();
    }
}
