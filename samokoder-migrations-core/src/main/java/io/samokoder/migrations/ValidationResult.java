package io.samokoder.migrations;

import java.util.List;

/**
 * The outcome of {@link Migrations#validate(String)}; nothing was changed.
 *
 * @param current the version rows
 * @param pending the revisions an upgrade to the target would run, in order
 * @param drift the differences between applied revisions and their scripts
 * @param partial the revisions left part-way (only on a database without transactional DDL)
 */
public record ValidationResult(List<String> current, List<String> pending, List<DriftProblem> drift,
        List<PartialAttempt> partial) {

    public ValidationResult {
        current = List.copyOf(current);
        pending = List.copyOf(pending);
        drift = List.copyOf(drift);
        partial = List.copyOf(partial);
    }

    /** A result without partial attempts. */
    public ValidationResult(List<String> current, List<String> pending, List<DriftProblem> drift) {
        this(current, pending, drift, List.of());
    }

    /** Whether nothing is pending, no applied revision drifted and no revision was left part-way. */
    public boolean upToDate() {
        return this.pending.isEmpty() && this.drift.isEmpty() && this.partial.isEmpty();
    }
}
