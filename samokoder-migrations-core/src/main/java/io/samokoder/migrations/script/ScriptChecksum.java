package io.samokoder.migrations.script;

import java.util.List;

/**
 * The versioned checksum of an SQL script's statements (see {@link RevisionScript#checksum()}): each
 * part's statement count, then each statement's normalised form with its length, hashed with
 * SHA-256. The text is assembled in two builders kept per thread, so that checksumming thousands of
 * scripts does not allocate them per script; builders grown past {@value #KEPT_CAPACITY} characters
 * by a large script are not kept.
 */
final class ScriptChecksum {

    private static final String VERSION = "v1:";
    private static final int KEPT_CAPACITY = 1 << 16;

    /** The content and the scratch builder of the current thread; JDK classes only. */
    private static final ThreadLocal<StringBuilder[]> BUFFERS = new ThreadLocal<>();

    private ScriptChecksum() {
    }

    /** The checksum of the upgrade statements and, for a reversible script, the downgrade ones. */
    static String of(List<SqlStatement> upgrade, List<SqlStatement> downgrade) {
        StringBuilder[] buffers = BUFFERS.get();
        if (buffers == null) {
            buffers = new StringBuilder[] {new StringBuilder(512), new StringBuilder(128)};
        } else {
            // Taken while in use, so that a nested call (none today) cannot share them.
            BUFFERS.remove();
        }
        StringBuilder content = buffers[0];
        StringBuilder scratch = buffers[1];
        content.setLength(0);
        appendPart(content, scratch, 'U', upgrade);
        if (downgrade != null) {
            appendPart(content, scratch, 'D', downgrade);
        }
        String checksum = VERSION + Sha256.hexOfUtf8(content);
        if (content.capacity() <= KEPT_CAPACITY && scratch.capacity() <= KEPT_CAPACITY) {
            BUFFERS.set(buffers);
        }
        return checksum;
    }

    private static void appendPart(StringBuilder content, StringBuilder scratch, char part,
            List<SqlStatement> statements) {
        content.append(part).append(statements.size()).append('\n');
        for (int i = 0; i < statements.size(); i++) {
            scratch.setLength(0);
            SqlSplitter.normalise(statements.get(i).sql(), scratch);
            content.append(scratch.length()).append(':').append(scratch).append('\n');
        }
    }
}
