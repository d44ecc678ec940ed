package io.samokoder.migrations.runtime;

import io.samokoder.migrations.graph.Revision;
import io.samokoder.migrations.script.RevisionScript;
import io.samokoder.migrations.script.Sha256;
import java.util.List;
import java.util.TreeSet;

/**
 * Adds Java revisions to the fast start's fingerprint of the script files: their classes, their
 * declarations and their stamps ({@link io.samokoder.migrations.script.RevisionCode#stamp()}, which
 * change whenever their checksums would: over their recorded operations, or their declared version),
 * so that a changed Java revision (its code or its {@code @Revision}) takes the full check as a changed
 * file does.
 */
final class JavaFingerprint {

    /** Changes whenever what stands for a Java revision here changes, so that old records no longer match. */
    private static final String FORMAT = "java revisions 3";

    private JavaFingerprint() {
    }

    /**
     * The files' fingerprint unchanged without Java revisions; otherwise 32 hex digits (as long as a
     * files' fingerprint) of a SHA-256 over it and each Java revision's class, declaration
     * ({@code @Revision}'s id, revises, branch labels, depends on and message: what a script file's bytes
     * hold in its header) and stamp.
     */
    static String combine(String filesFingerprint, List<RevisionScript> javaScripts) {
        if (javaScripts.isEmpty()) {
            return filesFingerprint;
        }
        StringBuilder content = new StringBuilder(filesFingerprint).append('\n').append(FORMAT).append('\n');
        for (RevisionScript script : javaScripts) {
            String stamp = script.code().isPresent() ? script.code().get().stamp() : script.checksum();
            Revision declared = script.revision();
            content.append(script.description()).append('\n').append(declared.id()).append('\n')
                    .append(declared.downRevisions()).append('\n')
                    // Sorted: a set's order is not the same from one JVM to the next. Most revisions have none.
                    .append(declared.branchLabels().isEmpty() ? "[]" : new TreeSet<>(declared.branchLabels()))
                    .append('\n').append(declared.dependsOn()).append('\n').append(declared.message()).append('\n')
                    .append(stamp).append('\n');
        }
        return Sha256.hexOfUtf8(content).substring(0, 32);
    }
}
