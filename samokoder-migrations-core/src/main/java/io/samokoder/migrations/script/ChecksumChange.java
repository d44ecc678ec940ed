package io.samokoder.migrations.script;

/**
 * How a revision's checksum now compares with the one the log recorded when the revision was
 * applied (see {@link RevisionScript#compareChecksum}).
 */
public enum ChecksumChange {

    /** The executable content is the same. */
    NONE,

    /**
     * What ran is unchanged, and only the downgrade part differs (changed, added or removed): the
     * revision stays applied as it is, and a downgrade runs the new part.
     */
    DOWNGRADE_ONLY,

    /**
     * What ran changed, or a change cannot be placed in one part (a checksum of version 1 or
     * {@code j1}, which hash both parts together, or a declared version).
     */
    CHANGED
}
