package io.samokoder.migrations.script;

import java.util.function.Supplier;

/**
 * Checksums made of two parts, one per direction: a version prefix ({@code v2:} for SQL scripts,
 * {@code j2:} for Java revisions' recorded operations), the upgrade part's digest, {@code :}, and the
 * downgrade part's digest or {@value #NONE} for an irreversible revision. Each digest is the first
 * {@value #PART_DIGITS} lower-case hex digits of a SHA-256.
 */
public final class PartChecksums {

    /** Hex digits kept of each part's SHA-256 (128 bits), so that a checksum fits the log's column. */
    public static final int PART_DIGITS = 32;

    /** The downgrade part of an irreversible revision. */
    public static final String NONE = "none";

    /** The prefix of an SQL script's two-part checksum. */
    public static final String SQL_PREFIX = "v2:";

    /** The prefix of a Java revision's two-part checksum of its recorded operations. */
    public static final String JAVA_PREFIX = "j2:";

    private PartChecksums() {
    }

    /** The checksum of two parts under a version prefix: {@link #SQL_PREFIX} or {@link #JAVA_PREFIX}. */
    public static String join(String prefix, String upgrade, String downgrade) {
        return prefix + upgrade + ':' + downgrade;
    }

    /** The first {@value #PART_DIGITS} hex digits of the SHA-256 of the text's UTF-8 bytes. */
    public static String digest(CharSequence text) {
        return Sha256.hexOfUtf8(text, PART_DIGITS / 2);
    }

    /**
     * Compares a recorded checksum with the current one: {@link ChecksumChange#NONE} when equal,
     * {@link ChecksumChange#DOWNGRADE_ONLY} when both are two-part checksums of the same kind
     * ({@code v2:} or {@code j2:}) whose upgrade parts agree, else {@link ChecksumChange#CHANGED}.
     */
    public static ChecksumChange compare(String recorded, String now) {
        if (recorded.equals(now)) {
            return ChecksumChange.NONE;
        }
        int upgradeEnd = upgradeEnd(now);
        if (upgradeEnd > 0 && upgradeEnd(recorded) == upgradeEnd && recorded.regionMatches(0, now, 0, upgradeEnd)) {
            return ChecksumChange.DOWNGRADE_ONLY;
        }
        return ChecksumChange.CHANGED;
    }

    /**
     * {@link #compare(String, String)}, also recognising a checksum of the first form, written before
     * checksums had parts: one that starts with {@code legacyPrefix} matches when it equals what
     * {@code legacy} computes (asked only then); such a checksum tells no part apart.
     */
    public static ChecksumChange compare(String recorded, String now, String legacyPrefix,
            Supplier<String> legacy) {
        ChecksumChange change = compare(recorded, now);
        if (change == ChecksumChange.CHANGED && recorded.startsWith(legacyPrefix)) {
            return recorded.equals(legacy.get()) ? ChecksumChange.NONE : ChecksumChange.CHANGED;
        }
        return change;
    }

    /**
     * Whether the checksum has a part per direction ({@code v2:}, {@code j2:}); a checksum of the first
     * form ({@code v1:}, {@code j1:}) or a declared version covers the revision as a whole.
     */
    public static boolean hasParts(String checksum) {
        return upgradeEnd(checksum) > 0;
    }

    /**
     * Where the upgrade part of a two-part checksum ends (its {@code :}), or -1 for another form (a
     * declared version {@code jv:...} never has parts, whatever it looks like).
     */
    private static int upgradeEnd(String checksum) {
        if (!checksum.startsWith(SQL_PREFIX) && !checksum.startsWith(JAVA_PREFIX)) {
            return -1;
        }
        int end = SQL_PREFIX.length() + PART_DIGITS;
        if (checksum.length() <= end || checksum.charAt(end) != ':') {
            return -1;
        }
        String downgrade = checksum.substring(end + 1);
        return downgrade.equals(NONE) || downgrade.length() == PART_DIGITS ? end : -1;
    }
}
