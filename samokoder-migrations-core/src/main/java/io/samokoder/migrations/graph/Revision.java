package io.samokoder.migrations.graph;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

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

    /** The characters a revision id must not contain, because revision specs use them. */
    private static final String ILLEGAL_ID_CHARACTERS = "@-+:";

    /**
     * Checks that an id contains none of {@code @ - + :}.
     *
     * @param id the revision id
     * @throws InvalidRevisionIdException naming the offending characters, sorted, as Alembic does
     */
    public static void checkId(String id) {
        Objects.requireNonNull(id, "id");
        if (!hasIllegalCharacter(id)) {
            return;
        }
        TreeSet<Character> illegal = new TreeSet<>();
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (ILLEGAL_ID_CHARACTERS.indexOf(c) >= 0) {
                illegal.add(c);
            }
        }
        if (!illegal.isEmpty()) {
            StringBuilder chars = new StringBuilder();
            for (Character c : illegal) {
                if (chars.length() > 0) {
                    chars.append(", ");
                }
                chars.append(c.charValue());
            }
            throw new InvalidRevisionIdException("Character(s) '" + chars + "' not allowed in revision identifier '"
                    + id + "'", id);
        }
    }

    private static boolean hasIllegalCharacter(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == '@' || c == '-' || c == '+' || c == ':') {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks this revision on its own, in Alembic's order: first a self-loop through the down
     * revisions, then one through the dependencies, then the id.
     *
     * @throws CycleDetectedException for a self-loop
     * @throws InvalidRevisionIdException for an id with reserved characters
     */
    public void validate() {
        if (this.downRevisions.contains(this.id)) {
            throw new CycleDetectedException(CycleDetectedException.Kind.SELF_LOOP, List.of(this.id),
                    List.of(this.source));
        }
        if (this.dependsOn.contains(this.id)) {
            throw new CycleDetectedException(CycleDetectedException.Kind.DEPENDENCY_SELF_LOOP, List.of(this.id),
                    List.of(this.source));
        }
        checkId(this.id);
    }

    /** A revision with the given parents and nothing else declared, handy in tests and tools. */
    public static Revision of(String id, String... downRevisions) {
        return new Revision(id, List.of(downRevisions), Set.of(), List.of(), "", "");
    }
}
