package io.samokoder.migrations.script;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A script's bytes as read: the first {@link #length} bytes of {@link #array}. A file is read into a
 * buffer kept per thread, so that loading thousands of scripts does not allocate an array per file
 * (the decoded text and the hash are all a load keeps); such bytes are valid until the same thread
 * reads the next file. Buffers grown past {@value #KEPT_CAPACITY} bytes by a large script are not kept.
 */
final class ScriptBytes {

    private static final int KEPT_CAPACITY = 1 << 16;
    private static final int INITIAL_CAPACITY = 8192;
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    /** The current thread's buffer; a JDK class only. */
    private static final ThreadLocal<byte[]> BUFFER = new ThreadLocal<>();

    final byte[] array;
    final int length;

    private ScriptBytes(byte[] array, int length) {
        this.array = array;
        this.length = length;
    }

    /** The whole array. */
    static ScriptBytes of(byte[] bytes) {
        return new ScriptBytes(bytes, bytes.length);
    }

    /**
     * The file's content in this thread's buffer, opened and read as {@code Files.readAllBytes} does
     * (the same exceptions).
     */
    static ScriptBytes readFile(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path)) {
            long size = channel.size();
            if (size > MAX_ARRAY) {
                throw new OutOfMemoryError("Required array size too large");
            }
            byte[] buffer = BUFFER.get();
            // One byte more than the size, so that the end of the file is seen without growing.
            int wanted = (int) Math.min(MAX_ARRAY, Math.max(INITIAL_CAPACITY, size + 1));
            if (buffer == null || buffer.length < wanted) {
                buffer = new byte[wanted];
            }
            ByteBuffer target = ByteBuffer.wrap(buffer);
            while (channel.read(target) >= 0) {
                if (!target.hasRemaining()) {
                    if (buffer.length == MAX_ARRAY) {
                        throw new OutOfMemoryError("Required array size too large");
                    }
                    int read = target.position();
                    buffer = Arrays.copyOf(buffer, (int) Math.min(MAX_ARRAY, 2L * buffer.length));
                    target = ByteBuffer.wrap(buffer);
                    target.position(read);
                }
            }
            if (buffer.length <= KEPT_CAPACITY) {
                BUFFER.set(buffer);
            }
            return new ScriptBytes(buffer, target.position());
        }
    }
}
