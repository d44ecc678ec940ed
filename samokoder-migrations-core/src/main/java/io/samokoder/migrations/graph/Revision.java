package io.samokoder.migrations.graph;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One revision as declared by its script: the input of a {@link RevisionGraph}.
 *
 * @param id the revision id (must not contain {@code @ - + :})
 * @param downRevisions the revisions it revises: empty for a root, two or more for a merge
 * @param branchLabels the branch labels it declares (propagated labels are on the graph)
 * @param dependsOn exact revision ids or branch labels it depends on
 * @param message the one-line description
 * @param source where it was declared (a file), for messages; may be empty
 */
public record Revision(String id, List<String> downRevisions, Set<String> branchLabels, List<String> dependsOn,
        String message, String source) {

    public Revision {
        Objects.requireNonNull(id, "id");
        downRevisions = List.copyOf(downRevisions);
        branchLabels = Set.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
        message = message == null ? "" : message;
        source = source == null ? "" : source;
    }

    /** A revision with the given parents and nothing else declared, handy in tests and tools. */
    public static Revision of(String id, String... downRevisions) {
        return new Revision(id, List.of(downRevisions), Set.of(), List.of(), "", "");
    }
}
