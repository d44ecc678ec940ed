package io.samokoder.migrations;

/** How a revision's script compares with what the log recorded when it was applied. */
public enum ChecksumStatus {
    /** Applied, and the executable content is the same as when it was applied. */
    MATCH,
    /** Applied, and the executable content (or its {@code Revises}) changed since. */
    CHANGED,
    /**
     * Applied, and what ran is unchanged, but the downgrade part changed (or was added or removed)
     * since: not drift; a downgrade runs the new part.
     */
    DOWNGRADE_CHANGED,
    /**
     * Applied, and what ran is unchanged, but the file's text differs since only in what the checksum leaves out
     * (comments, blank lines, line endings, indentation, a byte order mark): not drift.
     */
    REFORMATTED,
    /** Applied, but no checksum was recorded (stamped, applied offline or by another tool). */
    NOT_RECORDED,
    /** Not applied. */
    NOT_APPLIED
}
