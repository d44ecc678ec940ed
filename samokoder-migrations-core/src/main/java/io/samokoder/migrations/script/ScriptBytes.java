package io.samokoder.migrations.script;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
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
     * The file's content in this thread's buffer. A file of the default file system is read through
     * {@link FileInputStream}, whose few native calls cost a third of a {@code FileChannel}'s layers in
     * a JVM that has not compiled them yet (a start-up reads every script once); a file of another file
     * system is read with {@link Files#readAllBytes}.
     *
     * @throws IOException if the file cannot be opened or read; its message names the file
     */
    static ScriptBytes readFile(Path path) throws IOException {
        if (path.getFileSystem() != FileSystems.getDefault()) {
            return of(Files.readAllBytes(path));
        }
        byte[] buffer = BUFFER.get();
        if (buffer == null) {
            buffer = new byte[INITIAL_CAPACITY];
        }
        int length = 0;
        try (FileInputStream in = new FileInputStream(path.toFile())) {
            while (true) {
                if (length == buffer.length) {
                    if (length == MAX_ARRAY) {
                        throw new OutOfMemoryError("Required array size too large");
                    }
                    buffer = Arrays.copyOf(buffer, (int) Math.min(MAX_ARRAY, 2L * length));
                }
                int read = in.read(buffer, length, buffer.length - length);
                if (read < 0) {
                    break;
                }
                length += read;
            }
        }
        if (buffer.length <= KEPT_CAPACITY) {
            BUFFER.set(buffer);
        }
        return new ScriptBytes(buffer, length);
    }
}
