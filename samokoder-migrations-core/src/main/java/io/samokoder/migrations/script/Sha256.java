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
    private static final ThreadLocal<byte[]> BUFFER = new ThreadLocal<>();
    private static final int BUFFER_SIZE = 1024;

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
        int n = text.length();
        if (!isAscii(text, n)) {
            return digest.digest(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] buffer = BUFFER.get();
        if (buffer == null) {
            buffer = new byte[BUFFER_SIZE];
            BUFFER.set(buffer);
        }
        for (int start = 0; start < n; start += BUFFER_SIZE) {
            int length = Math.min(BUFFER_SIZE, n - start);
            for (int i = 0; i < length; i++) {
                buffer[i] = (byte) text.charAt(start + i);
            }
            digest.update(buffer, 0, length);
        }
        return digest.digest();
    }

    private static boolean isAscii(CharSequence text, int n) {
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
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
