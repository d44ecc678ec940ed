package io.samokoder.migrations.plan;

import java.util.List;

/**
 * A map-level failure, as Alembic's revision map raises it: the raw message plus what the command
 * layer needs to translate it ({@link CommandErrors}). Never escapes the package.
 */
final class MapError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    enum Kind {
        /** No such revision or branch, ambiguous prefix, not a member of branch, no such branch. */
        RESOLUTION,
        /** A single lookup that denotes several revisions. */
        MULTIPLE_HEADS,
        /** A range whose ends are not ancestor and descendant. */
        RANGE_NOT_ANCESTOR,
        /** Any other revision error; its message passes through. */
        OTHER
    }

    final Kind kind;
    /** The failing token part (resolution) or the argument (multiple heads). */
    final String argument;
    final List<String> heads;

    private MapError(Kind kind, String message, String argument, List<String> heads) {
        super(message, null, false, false);
        this.kind = kind;
        this.argument = argument;
        this.heads = heads;
    }

    static MapError resolution(String message, String argument) {
        return new MapError(Kind.RESOLUTION, message, argument, List.of());
    }

    static MapError multipleHeads(List<String> heads, String argument) {
        return new MapError(Kind.MULTIPLE_HEADS, "Multiple heads are present for given argument '" + argument + "'; "
                + String.join(", ", heads), argument, List.copyOf(heads));
    }

    static MapError rangeNotAncestor(String lower, String upper) {
        return new MapError(Kind.RANGE_NOT_ANCESTOR, "Revision " + lower + " is not an ancestor of revision " + upper,
                lower, List.of());
    }

    static MapError other(String message) {
        return new MapError(Kind.OTHER, message, null, List.of());
    }
}
