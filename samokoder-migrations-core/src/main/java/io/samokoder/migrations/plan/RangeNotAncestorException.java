package io.samokoder.migrations.plan;

import io.samokoder.migrations.graph.RevisionException;

/**
 * The two ends of a move are not ancestor and descendant: "Destination X is not a valid downgrade
 * target from current head(s)", or for history "Requested range A:B does not refer to
 * ancestor/descendant revisions along the same branch".
 */
public final class RangeNotAncestorException extends RevisionException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with the command-level message. */
    public RangeNotAncestorException(String message) {
        super(message);
    }
}
