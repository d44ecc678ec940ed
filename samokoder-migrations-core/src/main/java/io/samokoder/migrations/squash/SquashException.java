package io.samokoder.migrations.squash;

import io.samokoder.migrations.MigrationException;

/** A squash that cannot be made as asked; the message names the revision and file in the way, and what to do. */
public class SquashException extends MigrationException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what stands in the way and how to get past it
     */
    public SquashException(String message) {
        super(message);
    }

    /**
     * Creates the exception.
     *
     * @param message what stands in the way and how to get past it
     * @param cause the failure behind it
     */
    public SquashException(String message, Throwable cause) {
        super(message, cause);
    }
}
