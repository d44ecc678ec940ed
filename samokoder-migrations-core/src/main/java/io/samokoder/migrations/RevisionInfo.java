package io.samokoder.migrations;

import java.time.Instant;
import java.util.List;

/**
 * One revision as {@code history}, {@code show} and {@code status} describe it.
 *
 * @param id the revision id
 * @param revises its down revisions
 * @param branchLabels its branch labels (propagated ones included), sorted
 * @param dependsOn its {@code Depends On} entries as written
 * @param message its message
 * @param file where its script was loaded from
 * @param head whether it is a head of the map
 * @param branchPoint whether more than one revision revises it
 * @param mergePoint whether it revises more than one revision
 * @param applied whether the database has it (it or a descendant is in the version table)
 * @param appliedAt when its last upgrade finished according to the log, or {@code null}
 * @param durationMillis how long that upgrade took, or {@code null}
 * @param checksumStatus how the script compares with what was applied
 */
public record RevisionInfo(String id, List<String> revises, List<String> branchLabels, List<String> dependsOn,
        String message, String file, boolean head, boolean branchPoint, boolean mergePoint, boolean applied,
        Instant appliedAt, Long durationMillis, ChecksumStatus checksumStatus) {

    public RevisionInfo {
        revises = List.copyOf(revises);
        branchLabels = List.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
    }
}
