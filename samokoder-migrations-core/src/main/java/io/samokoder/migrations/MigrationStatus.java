package io.samokoder.migrations;

import java.util.List;

/**
 * The state of the database against the scripts; see {@link Migrations#status(String)}.
 *
 * @param current the version rows
 * @param heads the heads of the revision map
 * @param target the target the pending list was computed for
 * @param pending the revisions an upgrade to the target would run, in order
 * @param revisions every revision, heads first, with whether and when it was applied
 * @param partial the revisions left part-way (only on a database without transactional DDL)
 */
public record MigrationStatus(List<String> current, List<String> heads, String target, List<String> pending,
        List<RevisionInfo> revisions, List<PartialAttempt> partial) {

    public MigrationStatus {
        current = List.copyOf(current);
        heads = List.copyOf(heads);
        pending = List.copyOf(pending);
        revisions = List.copyOf(revisions);
        partial = List.copyOf(partial);
    }

    /** A status without partial attempts. */
    public MigrationStatus(List<String> current, List<String> heads, String target, List<String> pending,
            List<RevisionInfo> revisions) {
        this(current, heads, target, pending, revisions, List.of());
    }
}
