package io.samokoder.migrations.java;

import io.samokoder.migrations.ops.Operation;
import io.samokoder.migrations.script.PartChecksums;
import io.samokoder.migrations.script.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * The checksum of a Java revision's recorded operations, over the UTF-8 text {@code U<count>\n}, then
 * {@code <length>:<operation's toString()>\n} per upgrade operation, then the same under {@code D}
 * for the downgrade of a reversible revision. Since 2026-12 it is {@code j2:} and the two parts'
 * digests ({@link PartChecksums}), so that a change to the downgrade alone is told apart; before,
 * it was {@code j1:} and the lower-case hex SHA-256 of the whole text, still computed to compare the
 * log rows written then.
 * Loading thousands of revisions would otherwise build each operation's text through nested
 * {@code toString()} calls, copy the whole text to bytes and look up a new digest per revision: the
 * text is written by {@link OperationText} into two builders kept per thread (not kept once grown
 * past {@value #KEPT_CAPACITY} characters), and hashed by {@link Sha256}. The same text also gives the
 * revision's cheaper {@link #stamp}.
 */
final class RecordedChecksum {

    static final String LEGACY_PREFIX = "j1:";
    static final String STAMP_PREFIX = "js:";
    private static final int KEPT_CAPACITY = 1 << 16;

    /**
     * The current thread's two builders (content, scratch); slot 0 is empty while they are in use, so
     * a nested call gets builders of its own. JDK classes only, so the value holds no class loader.
     * Both thread-locals are set on first use, not by {@code ThreadLocal.withInitial}, whose lambda
     * would spin a class in a cold JVM.
     */
    private static final ThreadLocal<StringBuilder[]> BUFFERS = new ThreadLocal<>();

    /** The current thread's buffer for feeding {@link #stamp}'s CRCs (JDK classes only, as above). */
    private static final ThreadLocal<byte[]> CHUNK = new ThreadLocal<>();

    private RecordedChecksum() {
    }

    /** The checksum of the upgrade operations and, for a reversible revision, the downgrade ones. */
    static String of(List<Operation> upgrade, List<Operation> downgrade) {
        return hash(upgrade, downgrade, Form.PARTS);
    }

    /** The {@code j1:} checksum of the same operations. */
    static String legacy(List<Operation> upgrade, List<Operation> downgrade) {
        return hash(upgrade, downgrade, Form.LEGACY);
    }

    /**
     * A stamp of the same text as {@link #of}: {@code js:}, its UTF-8 length and its CRC-32 and CRC-32C,
     * which cost far less than a SHA-256 in a cold JVM (hashing every Java revision was about a third of
     * the engine's share of a no-op start with a thousand of them). It tells changed operations apart as
     * the checksum does, short of a crafted collision; only the fast start's fingerprint uses it.
     */
    static String stamp(List<Operation> upgrade, List<Operation> downgrade) {
        return hash(upgrade, downgrade, Form.STAMP);
    }

    /** What {@link #hash} computes. */
    private enum Form {
        PARTS, LEGACY, STAMP
    }

    private static String hash(List<Operation> upgrade, List<Operation> downgrade, Form form) {
        StringBuilder[] buffers = BUFFERS.get();
        if (buffers == null) {
            buffers = new StringBuilder[] {new StringBuilder(1024), new StringBuilder(512)};
            BUFFERS.set(buffers);
        }
        StringBuilder content = buffers[0];
        StringBuilder scratch = buffers[1];
        boolean own = content != null;
        if (own) {
            buffers[0] = null;
        } else {
            content = new StringBuilder(1024);
            scratch = new StringBuilder(512);
        }
        try {
            content.setLength(0);
            append(content, scratch, 'U', upgrade);
            if (form == Form.PARTS) {
                String up = PartChecksums.digest(content);
                if (downgrade == null) {
                    return PartChecksums.join(PartChecksums.JAVA_PREFIX, up, PartChecksums.NONE);
                }
                content.setLength(0);
                append(content, scratch, 'D', downgrade);
                return PartChecksums.join(PartChecksums.JAVA_PREFIX, up, PartChecksums.digest(content));
            }
            if (downgrade != null) {
                append(content, scratch, 'D', downgrade);
            }
            return form == Form.LEGACY ? LEGACY_PREFIX.concat(Sha256.hexOfUtf8(content)) : crcs(content);
        } finally {
            if (own) {
                if (content.capacity() > KEPT_CAPACITY || scratch.capacity() > KEPT_CAPACITY) {
                    buffers[0] = new StringBuilder(1024);
                    buffers[1] = new StringBuilder(512);
                } else {
                    buffers[0] = content;
                }
            }
        }
    }

    /**
     * The stamp of the text's UTF-8 bytes. ASCII text, the usual case, is fed in chunks through this
     * thread's buffer rather than copied whole: every start stamps every Java revision, and in a
     * fresh JVM a copy per revision makes the heap, and so the process, grow before its first collection.
     */
    private static String crcs(StringBuilder content) {
        CRC32 crc32 = new CRC32();
        CRC32C crc32c = new CRC32C();
        byte[] chunk = CHUNK.get();
        if (chunk == null) {
            chunk = new byte[1024];
            CHUNK.set(chunk);
        }
        int n = content.length();
        int filled = 0;
        for (int i = 0; i < n; i++) {
            char c = content.charAt(i);
            if (c >= 0x80) {
                byte[] bytes = content.toString().getBytes(StandardCharsets.UTF_8);
                crc32.reset();
                crc32.update(bytes, 0, bytes.length);
                crc32c.reset();
                crc32c.update(bytes, 0, bytes.length);
                return stamp(bytes.length, crc32, crc32c);
            }
            chunk[filled++] = (byte) c;
            if (filled == chunk.length) {
                crc32.update(chunk, 0, filled);
                crc32c.update(chunk, 0, filled);
                filled = 0;
            }
        }
        crc32.update(chunk, 0, filled);
        crc32c.update(chunk, 0, filled);
        return stamp(n, crc32, crc32c);
    }

    private static String stamp(int length, CRC32 crc32, CRC32C crc32c) {
        return STAMP_PREFIX + length + ':' + Long.toHexString(crc32.getValue()) + ':'
                + Long.toHexString(crc32c.getValue());
    }

    private static void append(StringBuilder content, StringBuilder scratch, char part, List<Operation> operations) {
        content.append(part).append(operations.size()).append('\n');
        for (int i = 0; i < operations.size(); i++) {
            scratch.setLength(0);
            OperationText.append(scratch, operations.get(i));
            content.append(scratch.length()).append(':').append(scratch).append('\n');
        }
    }
}
