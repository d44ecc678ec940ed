package io.samokoder.migrations;

/**
 * The root of every error the migration engine reports. Messages are meant for people: they name
 * the revision, file, line or setting at fault and say how to fix it.
 */
public class MigrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception with a readable message. */
    public MigrationException(String message) {
        super(message);
    }

    /** Creates an exception with a readable message and the underlying cause. */
    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
