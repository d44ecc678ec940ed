package io.samokoder.migrations.script;

import java.util.List;
import java.util.Objects;

/**
 * What a squashed script replaced, from its {@code Squashes} and {@code Squashed Checksum} header lines: the
 * revisions whose upgrades it holds besides its own, and the checksum its own revision had before the squash. A
 * database that applied those revisions one by one keeps its version row (the squash keeps the last one's id), so
 * its log's checksum and {@code Revises} for that revision are those of the script before the squash; both are
 * accepted.
 *
 * @param revisions the ids of the revisions the script replaced (removed from the map), in the order they ran
 * @param checksums the checksums the squash's own revision had before it was squashed (one, or more when it was a
 *     squash before), none if not given
 */
public record Squash(List<String> revisions, List<String> checksums) {

    /** Copies the lists. */
    public Squash {
        revisions = List.copyOf(revisions);
        checksums = List.copyOf(checksums);
    }

    /**
     * Whether a log row of this revision written before the squash matches: its checksum's upgrade part is that of
     * one of {@link #checksums()}.
     */
    public boolean ranBefore(String recordedChecksum) {
        if (recordedChecksum == null) {
            return false;
        }
        for (String checksum : this.checksums) {
            if (PartChecksums.compare(recordedChecksum, checksum) != ChecksumChange.CHANGED) {
                return true;
            }
        }
        return false;
    }

    /** Whether a recorded {@code Revises} (ids joined by commas) names only revisions this squash replaced. */
    public boolean replacedParents(String recordedRevises) {
        Objects.requireNonNull(recordedRevises, "recordedRevises");
        for (String id : recordedRevises.split(",")) {
            if (!id.isBlank() && !this.revisions.contains(id.strip())) {
                return false;
            }
        }
        return true;
    }
}
