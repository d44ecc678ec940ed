package io.samokoder.migrations.classfile;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads the class-level runtime annotations of a class file without loading the class: the descriptors
 * (e.g. {@code Ljakarta/persistence/Entity;}) of the class's own {@code RuntimeVisibleAnnotations}
 * attribute. Annotations of fields and methods, and those an annotation carries (meta-annotations), are
 * not the class's. Only the strings it returns are decoded; the rest of the file is skipped over.
 */
final class ClassFileAnnotations {

    private static final int MAGIC = 0xCAFEBABE;

    private static final byte[] RUNTIME_VISIBLE = "RuntimeVisibleAnnotations".getBytes(StandardCharsets.US_ASCII);

    private ClassFileAnnotations() {
    }

    /**
     * The descriptors of the annotations on the class.
     *
     * @throws IOException saying what is wrong when the bytes are not a class file
     */
    static Set<String> of(byte[] classFile) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(classFile);
        try {
            return read(in);
        } catch (BufferUnderflowException e) {
            throw new IOException("truncated class file", e);
        }
    }

    private static Set<String> read(ByteBuffer in) throws IOException {
        if (in.remaining() < 4 || in.getInt() != MAGIC) {
            throw new IOException("not a class file: it does not start with 0xCAFEBABE");
        }
        skip(in, 4);
        int[] utf8 = constantPool(in);
        skip(in, 6);
        skip(in, 2L * u2(in));
        skipMembers(in);
        skipMembers(in);
        Set<String> annotations = new HashSet<>();
        int attributes = u2(in);
        for (int i = 0; i < attributes; i++) {
            int name = u2(in);
            long length = u4(in);
            int body = in.position();
            skip(in, length);
            if (equals(in, utf8, name, RUNTIME_VISIBLE)) {
                int end = in.position();
                in.position(body);
                int count = u2(in);
                for (int a = 0; a < count; a++) {
                    annotations.add(string(in, utf8, u2(in)));
                    skipElementValuePairs(in);
                }
                in.position(end);
            }
        }
        return annotations;
    }

    /** The position of each UTF-8 entry's length by its index in the constant pool; -1 for other entries. */
    private static int[] constantPool(ByteBuffer in) throws IOException {
        int count = u2(in);
        int[] utf8 = new int[count];
        Arrays.fill(utf8, -1);
        for (int i = 1; i < count; i++) {
            int tag = in.get() & 0xFF;
            switch (tag) {
                case 1 -> {
                    utf8[i] = in.position();
                    skip(in, u2(in));
                }
                case 3, 4, 9, 10, 11, 12, 17, 18 -> skip(in, 4);
                case 5, 6 -> {
                    skip(in, 8);
                    i++;
                }
                case 7, 8, 16, 19, 20 -> skip(in, 2);
                case 15 -> skip(in, 3);
                default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        return utf8;
    }

    private static void skipMembers(ByteBuffer in) throws IOException {
        int count = u2(in);
        for (int i = 0; i < count; i++) {
            skip(in, 6);
            int attributes = u2(in);
            for (int a = 0; a < attributes; a++) {
                skip(in, 2);
                skip(in, u4(in));
            }
        }
    }

    private static void skipElementValuePairs(ByteBuffer in) throws IOException {
        int pairs = u2(in);
        for (int p = 0; p < pairs; p++) {
            skip(in, 2);
            skipElementValue(in);
        }
    }

    private static void skipElementValue(ByteBuffer in) throws IOException {
        int tag = in.get() & 0xFF;
        switch (tag) {
            case 'B', 'C', 'D', 'F', 'I', 'J', 'S', 'Z', 's', 'c' -> skip(in, 2);
            case 'e' -> skip(in, 4);
            case '@' -> {
                skip(in, 2);
                skipElementValuePairs(in);
            }
            case '[' -> {
                int values = u2(in);
                for (int v = 0; v < values; v++) {
                    skipElementValue(in);
                }
            }
            default -> throw new IOException("unknown annotation element tag " + tag);
        }
    }

    private static boolean equals(ByteBuffer in, int[] utf8, int index, byte[] expected) throws IOException {
        int at = utf8At(utf8, index);
        int length = ((in.get(at) & 0xFF) << 8) | (in.get(at + 1) & 0xFF);
        return length == expected.length
                && Arrays.equals(in.array(), at + 2, at + 2 + length, expected, 0, expected.length);
    }

    /** The UTF-8 entry as a string (modified UTF-8, as the class file stores it). */
    private static String string(ByteBuffer in, int[] utf8, int index) throws IOException {
        int at = utf8At(utf8, index);
        int length = ((in.get(at) & 0xFF) << 8) | (in.get(at + 1) & 0xFF);
        return new DataInputStream(new ByteArrayInputStream(in.array(), at, length + 2)).readUTF();
    }

    private static int utf8At(int[] utf8, int index) throws IOException {
        if (index <= 0 || index >= utf8.length || utf8[index] < 0) {
            throw new IOException("constant pool entry " + index + " is not a UTF-8 string");
        }
        return utf8[index];
    }

    private static int u2(ByteBuffer in) {
        return in.getShort() & 0xFFFF;
    }

    private static long u4(ByteBuffer in) {
        return in.getInt() & 0xFFFFFFFFL;
    }

    private static void skip(ByteBuffer in, long bytes) throws IOException {
        if (bytes > in.remaining()) {
            throw new IOException("truncated class file");
        }
        in.position(in.position() + (int) bytes);
    }
}
