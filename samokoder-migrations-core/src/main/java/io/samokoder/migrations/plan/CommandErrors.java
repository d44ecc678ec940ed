package io.samokoder.migrations.plan;

import io.samokoder.migrations.graph.RevisionException;

/**
 * Turns map-level failures into the command-level exceptions and texts of spec §9, the way
 * Alembic's {@code _catch_revision_errors} does.
 */
final class CommandErrors {

    private CommandErrors() {
    }

    /**
     * Translates a failure.
     *
     * @param error the map-level failure
     * @param ancestor the text for a range that is not an ancestor, or {@code null} for the history text
     * @param multipleHeads an override for multiple heads, or {@code null} for the default text
     * @param start the range start for the history text
     * @param end the command's destination argument; {@code null} to use the failing token
     */
    static RevisionException translate(MapError error, String ancestor, String multipleHeads, String start,
            String end) {
        switch (error.kind) {
            case RANGE_NOT_ANCESTOR: {
                String message = ancestor != null ? ancestor
                        : "Requested range " + (start != null ? start : error.argument) + ":" + end
                                + " does not refer to ancestor/descendant revisions along the same branch";
                return new RangeNotAncestorException(message);
            }
            case MULTIPLE_HEADS: {
                String argument = end != null ? end : error.argument;
                String message = multipleHeads != null ? multipleHeads
                        : "Multiple head revisions are present for given argument '" + argument
                                + "'; please specify a specific target revision, '<branchname>@" + argument
                                + "' to narrow to a specific head, or 'heads' for all heads";
                return new MultipleHeadsException(message, error.heads);
            }
            case RESOLUTION:
                return new RevisionNotFoundException(error.argument, error.getMessage());
            default:
                return new RevisionException(error.getMessage());
        }
    }

    /**
     * The map-level exception of a failure (spec §9, first list), with Alembic's raw text: what the
     * revision map API throws, where commands throw {@link #translate}'s texts.
     */
    static RevisionException mapLevel(MapError error) {
        return switch (error.kind) {
            case RESOLUTION -> new ResolutionException(error.getMessage(), error.argument);
            case MULTIPLE_HEADS -> new MultipleHeadsException(error.getMessage(), error.heads);
            case RANGE_NOT_ANCESTOR -> new RangeNotAncestorException(error.getMessage());
            default -> new RevisionException(error.getMessage());
        };
    }
}
