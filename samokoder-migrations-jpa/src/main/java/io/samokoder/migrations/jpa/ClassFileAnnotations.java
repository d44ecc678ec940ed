package io.samokoder.migrations.jpa;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads the class-level runtime annotations of a class file without loading the class: the descriptors
 * (e.g. {@code Ljakarta/persistence/Entity;}) of its {@code RuntimeVisibleAnnotations} attribute.
 */
final class ClassFileAnnotations {

    private static final int MAGIC = 0xCAFEBABE;

    private ClassFileAnnotations() {
    }

    /**
     * The annotation descriptors on the class.
     *
     * @throws IOException when the bytes are not a class file
     */
    static Set<String> of(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        String[] utf8 = constantPool(in);
        in.readUnsignedShort();
        in.readUnsignedShort();
        in.readUnsignedShort();
        skip(in, in.readUnsignedShort() * 2L);
        skipMembers(in);
        skipMembers(in);
        Set<String> annotations = new HashSet<>();
        int attributes = in.readUnsignedShort();
        for (int i = 0; i < attributes; i++) {
            String name = utf8[in.readUnsignedShort()];
            int length = in.readInt();
            if ("RuntimeVisibleAnnotations".equals(name)) {
                int count = in.readUnsignedShort();
                for (int a = 0; a < count; a++) {
                    annotations.add(utf8[in.readUnsignedShort()]);
                    skipElementValuePairs(in);
                }
            } else {
                skip(in, length);
            }
        }
        return annotations;
    }

    /** The UTF-8 entries of the constant pool by index; other entries are skipped. */
    private static String[] constantPool(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 3, 4, 9, 10, 11, 12, 17, 18 -> skip(in, 4);
                case 5, 6 -> {
                    skip(in, 8);
                    i++;
                }
                case 7, 8, 16, 19, 20 -> skip(in, 2);
                case 15 -> skip(in, 3);
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return utf8;
    }

    private static void skipMembers(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            skip(in, 6);
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                skip(in, 2);
                skip(in, in.readInt() & 0xFFFFFFFFL);
            }
        }
    }

    private static void skipElementValuePairs(DataInputStream in) throws IOException {
        int pairs = in.readUnsignedShort();
        for (int p = 0; p < pairs; p++) {
            skip(in, 2);
            skipElementValue(in);
        }
    }

    private static void skipElementValue(DataInputStream in) throws IOException {
        int tag = in.readUnsignedByte();
        switch (tag) {
            case 'e' -> skip(in, 4);
            case '@' -> {
                skip(in, 2);
                skipElementValuePairs(in);
            }
            case '[' -> {
                int values = in.readUnsignedShort();
                for (int v = 0; v < values; v++) {
                    skipElementValue(in);
                }
            }
            default -> skip(in, 2);
        }
    }

    private static void skip(DataInputStream in, long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            int skipped = in.skipBytes((int) Math.min(left, Integer.MAX_VALUE));
            if (skipped <= 0) {
                throw new IOException("truncated class file");
            }
            left -= skipped;
        }
    }
}
