package io.samokoder.migrations.java;

import io.samokoder.migrations.ops.Operation;
import io.samokoder.migrations.script.Sha256;
import java.util.List;

/**
 * The checksum of a Java revision's recorded operations: {@code j1:} and the lower-case hex SHA-256
 * of the UTF-8 text {@code U<count>\n}, then {@code <length>:<operation's toString()>\n} per
 * upgrade operation, then the same under {@code D} for the downgrade of a reversible revision.
 * Loading thousands of revisions would otherwise build each operation's text through nested
 * {@code toString()} calls, copy the whole text to bytes and look up a new digest per revision: the
 * text is written by {@link OperationText} into two builders kept per thread (not kept once grown
 * past {@value #KEPT_CAPACITY} characters), and hashed by {@link Sha256}.
 */
final class RecordedChecksum {

    static final String PREFIX = "j1:";
    private static final int KEPT_CAPACITY = 1 << 16;

    /**
     * The current thread's two builders (content, scratch); slot 0 is empty while they are in use, so
     * a nested call gets builders of its own. JDK classes only, so the value holds no class loader.
     */
    private static final ThreadLocal<StringBuilder[]> BUFFERS = ThreadLocal.withInitial(
            () -> new StringBuilder[] {new StringBuilder(1024), new StringBuilder(512)});

    private RecordedChecksum() {
    }

    /** The checksum of the upgrade operations and, for a reversible revision, the downgrade ones. */
    static String of(List<Operation> upgrade, List<Operation> downgrade) {
        StringBuilder[] buffers = BUFFERS.get();
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
            if (downgrade != null) {
                append(content, scratch, 'D', downgrade);
            }
            return PREFIX.concat(Sha256.hexOfUtf8(content));
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

    private static void append(StringBuilder content, StringBuilder scratch, char part, List<Operation> operations) {
        content.append(part).append(operations.size()).append('\n');
        for (int i = 0; i < operations.size(); i++) {
            scratch.setLength(0);
            OperationText.append(scratch, operations.get(i));
            content.append(scratch.length()).append(':').append(scratch).append('\n');
        }
    }
}
