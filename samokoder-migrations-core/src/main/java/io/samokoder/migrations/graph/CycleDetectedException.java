package io.samokoder.migrations.graph;

import java.util.List;

/**
 * The revision map contains a cycle, a dependency cycle, or a revision that names itself as its
 * own down revision or dependency.
 */
public final class CycleDetectedException extends RevisionException {

    private static final long serialVersionUID = 1L;

    /** Which kind of loop was found. */
    public enum Kind {
        /** A cycle along down revisions: "Cycle is detected in revisions (...)". */
        CYCLE("Cycle"),
        /** A cycle once dependencies count: "Dependency cycle is detected in revisions (...)". */
        DEPENDENCY_CYCLE("Dependency cycle"),
        /** A revision listed in its own down revisions: "Self-loop is detected in revisions (X)". */
        SELF_LOOP("Self-loop"),
        /** A revision listed in its own dependencies: "Dependency self-loop is detected in revisions (X)". */
        DEPENDENCY_SELF_LOOP("Dependency self-loop");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The phrase that starts the message, as Alembic words it. */
        public String label() {
            return this.label;
        }
    }

    private final Kind kind;
    private final String[] revisions;

    /**
     * Creates the exception.
     *
     * @param kind the kind of loop
     * @param revisions the revisions involved, in the order they are reported
     */
    public CycleDetectedException(Kind kind, List<String> revisions) {
        this(kind, revisions, List.of());
    }

    /**
     * Creates the exception, naming where the revisions are declared after Alembic's text.
     *
     * @param kind the kind of loop
     * @param revisions the revisions involved, in the order they are reported
     * @param sources where each of them is declared (a file or class), in the same order; empty ones are left out
     */
    public CycleDetectedException(Kind kind, List<String> revisions, List<String> sources) {
        super(kind.label() + " is detected in revisions (" + String.join(", ", revisions) + ")"
                + fix(kind, revisions, sources));
        this.kind = kind;
        this.revisions = revisions.toArray(new String[0]);
    }

    private static String fix(Kind kind, List<String> revisions, List<String> sources) {
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < revisions.size() && i < sources.size(); i++) {
            if (!sources.get(i).isEmpty()) {
                where.append(where.isEmpty() ? "" : ", ").append(revisions.get(i)).append(" in ")
                        .append(sources.get(i));
            }
        }
        if (where.isEmpty()) {
            return "";
        }
        String headers = switch (kind) {
            case CYCLE, SELF_LOOP -> "'Revises' header";
            case DEPENDENCY_CYCLE -> "'Revises' and 'Depends On' headers";
            case DEPENDENCY_SELF_LOOP -> "'Depends On' header";
        };
        return "; fix the " + headers + " (" + where + ") so that no revision comes after itself";
    }

    /** The kind of loop found. */
    public Kind kind() {
        return this.kind;
    }

    /** The revisions named in the message, in message order. */
    public List<String> revisions() {
        return List.of(this.revisions);
    }
}
