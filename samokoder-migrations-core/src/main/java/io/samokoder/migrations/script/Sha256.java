package io.samokoder.migrations.script;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 in lower-case hex, with one digest and one encoding buffer per thread: loading and
 * checksumming thousands of scripts or Java revisions would otherwise look up a new digest and copy
 * each text to bytes once per revision. The thread-local values are JDK classes only, so they hold
 * no class loader.
 */
public final class Sha256 {

    private static final ThreadLocal<MessageDigest> DIGEST = new ThreadLocal<>();
    private static final ThreadLocal<char[]> CHARS = new ThreadLocal<>();
    private static final ThreadLocal<byte[]> BYTES = new ThreadLocal<>();
    private static final int CHUNK = 1024;

    private Sha256() {
    }

    /** The hash of the bytes. */
    public static String hex(byte[] bytes) {
        return hex(bytes, bytes.length);
    }

    /** The hash of the first {@code length} bytes. */
    static String hex(byte[] bytes, int length) {
        MessageDigest digest = digest();
        digest.update(bytes, 0, length);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The hash of the text's UTF-8 encoding (as {@code String.getBytes(UTF_8)} encodes it). */
    public static String hexOfUtf8(CharSequence text) {
        return HexFormat.of().formatHex(ofUtf8(text));
    }

    /** The first {@code bytes} bytes of {@link #hexOfUtf8}'s hash, in hex. */
    static String hexOfUtf8(CharSequence text, int bytes) {
        return HexFormat.of().formatHex(ofUtf8(text), 0, bytes);
    }

    private static byte[] ofUtf8(CharSequence text) {
        MessageDigest digest = digest();
        char[] chars = CHARS.get();
        byte[] bytes = BYTES.get();
        if (chars == null || bytes == null) {
            chars = new char[CHUNK];
            bytes = new byte[CHUNK];
            CHARS.set(chars);
            BYTES.set(bytes);
        }
        int n = text.length();
        for (int start = 0; start < n; start += CHUNK) {
            int length = Math.min(CHUNK, n - start);
            if (!encodeAscii(text, start, length, chars, bytes)) {
                digest.reset();
                return digest.digest(text.toString().getBytes(StandardCharsets.UTF_8));
            }
            digest.update(bytes, 0, length);
        }
        return digest.digest();
    }

    /**
     * Writes {@code text[start, start + length)} to {@code bytes}; false, part-way, at a non-ASCII
     * character. The characters are copied by the JDK's own {@code getChars} (an intrinsic for both kinds
     * of text) and the loop of ours runs over plain arrays: one over {@code charAt} of a
     * {@code CharSequence} was compiled by C2 again and again (its profile-based loop predicates failed
     * as texts of other lengths and kinds came), which on a small machine took CPU time from the
     * database server during a run.
     */
    private static boolean encodeAscii(CharSequence text, int start, int length, char[] chars, byte[] bytes) {
        if (text instanceof String string) {
            string.getChars(start, start + length, chars, 0);
        } else if (text instanceof StringBuilder builder) {
            builder.getChars(start, start + length, chars, 0);
        } else {
            for (int i = 0; i < length; i++) {
                chars[i] = text.charAt(start + i);
            }
        }
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (c >= 0x80) {
                return false;
            }
            bytes[i] = (byte) c;
        }
        return true;
    }

    private static MessageDigest digest() {
        MessageDigest digest = DIGEST.get();
        if (digest == null) {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required of every Java platform", e);
            }
            DIGEST.set(digest);
        } else {
            digest.reset();
        }
        return digest;
    }
}
