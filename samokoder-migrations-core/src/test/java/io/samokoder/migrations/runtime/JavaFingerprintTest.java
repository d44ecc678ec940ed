package io.samokoder.migrations.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.graph.Revision;
import io.samokoder.migrations.script.RevisionCode;
import io.samokoder.migrations.script.Phase;
import io.samokoder.migrations.script.RevisionScript;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fast start's fingerprint of Java revisions covers what their {@code @Revision} declares. */
class JavaFingerprintTest {

    /** The same code (and stamp) whatever the declaration: only the declaration differs below. */
    private static final RevisionCode CODE = new CodeStub(() -> "jv:1");

    private static String fingerprint(String id, List<String> revises, Set<String> labels, List<String> dependsOn,
            String message) {
        Revision declared = new Revision(id, revises, labels, dependsOn, message, "java:com.example.J2");
        return JavaFingerprint.combine("files", List.of(RevisionScript.ofCode(declared, "java:com.example.J2", null,
                true, false, Phase.EXPAND, null, null, CODE)));
    }

    @Test
    void aChangedDeclarationOfTheSameClassAndCodeIsAnotherFingerprint() {
        String original = fingerprint("j0002", List.of("j0001"), Set.of(), List.of(), "Second");
        assertThat(fingerprint("j0002", List.of("j0001"), Set.of(), List.of(), "Second")).isEqualTo(original);
        assertThat(List.of(
                fingerprint("j0003", List.of("j0001"), Set.of(), List.of(), "Second"),
                fingerprint("j0002", List.of("r0001"), Set.of(), List.of(), "Second"),
                fingerprint("j0002", List.of("j0001"), Set.of("reporting"), List.of(), "Second"),
                fingerprint("j0002", List.of("j0001"), Set.of(), List.of("r0001"), "Second"),
                fingerprint("j0002", List.of("j0001"), Set.of(), List.of(), "Second, renamed")))
            .doesNotContain(original).doesNotHaveDuplicates();
    }
}
