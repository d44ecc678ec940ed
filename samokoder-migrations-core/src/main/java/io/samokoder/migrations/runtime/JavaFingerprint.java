package io.samokoder.migrations.runtime;

import io.samokoder.migrations.script.RevisionScript;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Adds Java revisions to the fast start's fingerprint of the script files: their classes and
 * checksums (which cover their recorded operations, or their declared version), so that a changed
 * Java revision takes the full check as a changed file does.
 */
final class JavaFingerprint {

    private JavaFingerprint() {
    }

    /**
     * The files' fingerprint unchanged without Java revisions; otherwise 32 hex digits (as long as a
     * files' fingerprint) of a SHA-256 over it and each Java revision's class and checksum.
     */
    static String combine(String filesFingerprint, List<RevisionScript> javaScripts) {
        if (javaScripts.isEmpty()) {
            return filesFingerprint;
        }
        StringBuilder content = new StringBuilder(filesFingerprint).append('\n');
        for (RevisionScript script : javaScripts) {
            content.append(script.description()).append('\n').append(script.checksum()).append('\n');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
