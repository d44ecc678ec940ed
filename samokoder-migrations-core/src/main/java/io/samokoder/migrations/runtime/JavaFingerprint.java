package io.samokoder.migrations.runtime;

import io.samokoder.migrations.script.RevisionScript;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The part of the fast start's fingerprint that covers Java revisions: their classes and checksums
 * (which cover their recorded operations, or their declared version), so that a changed Java
 * revision takes the full check as a changed file does.
 */
final class JavaFingerprint {

    private JavaFingerprint() {
    }

    /** Empty without Java revisions; otherwise {@code +j} and a SHA-256 over each class and checksum. */
    static String of(List<RevisionScript> javaScripts) {
        if (javaScripts.isEmpty()) {
            return "";
        }
        StringBuilder content = new StringBuilder();
        for (RevisionScript script : javaScripts) {
            content.append(script.description()).append('\n').append(script.checksum()).append('\n');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.toString().getBytes(StandardCharsets.UTF_8));
            return "+j" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
