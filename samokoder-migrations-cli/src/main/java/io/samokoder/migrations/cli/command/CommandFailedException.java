package io.samokoder.migrations.cli.command;

import io.samokoder.migrations.MigrationException;

/**
 * A command that ran and failed (Alembic's {@code CommandError}): printed as {@code FAILED: <message>},
 * exit status 255.
 */
public class CommandFailedException extends MigrationException {

    private static final long serialVersionUID = 1L;

    /** @param message what failed and how to fix it */
    public CommandFailedException(String message) {
        super(message);
    }

    /**
     * @param message what failed and how to fix it
     * @param cause the underlying error
     */
    public CommandFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
