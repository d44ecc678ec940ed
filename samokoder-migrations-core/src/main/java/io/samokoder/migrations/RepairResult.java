package io.samokoder.migrations;

import java.util.List;

/**
 * What {@link Migrations#repair(List)} did: the applied revisions whose log now holds their scripts' checksums, and
 * those whose log matched already (or recorded no checksum to replace).
 *
 * @param repaired the revisions whose recorded checksum was replaced, in the order asked
 * @param unchanged the revisions asked for that needed nothing, in the order asked
 */
public record RepairResult(List<Repaired> repaired, List<String> unchanged) {

    /** Copies the lists. */
    public RepairResult {
        repaired = List.copyOf(repaired);
        unchanged = List.copyOf(unchanged);
    }

    /**
     * One repaired revision.
     *
     * @param revision the revision id
     * @param recordedChecksum the checksum the log held (of what ran)
     * @param checksum the script's checksum now in the log
     */
    public record Repaired(String revision, String recordedChecksum, String checksum) {
    }
}
