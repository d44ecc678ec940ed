package io.samokoder.migrations.graph;

import io.samokoder.migrations.MigrationException;

/**
 * The root of every error about revisions: an invalid revision map, or a revision spec that cannot
 * be resolved or walked. Subclasses name the specific problem; a plain instance carries Alembic's
 * message for the rarer errors.
 */
public class RevisionException extends MigrationException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception with a readable message. */
    public RevisionException(String message) {
        super(message);
    }

    /** Creates an exception with a readable message and the underlying cause. */
    public RevisionException(String message, Throwable cause) {
        super(message, cause);
    }
}
