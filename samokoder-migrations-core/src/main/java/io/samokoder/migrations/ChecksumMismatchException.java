package io.samokoder.migrations;

/**
 * An applied revision's script changed since it was applied: its executable content, or its
 * {@code Revises}. Raised by an upgrade under {@link ChecksumPolicy#FAIL}.
 */
public class ChecksumMismatchException extends MigrationException {

    private static final long serialVersionUID = 1L;

    private final String revision;
    private final String file;

    /**
     * Creates the exception.
     *
     * @param revision the changed revision
     * @param file its script
     * @param message the full message, naming both and saying how to fix it
     */
    public ChecksumMismatchException(String revision, String file, String message) {
        super(message);
        this.revision = revision;
        this.file = file;
    }

    /** The changed revision. */
    public String revision() {
        return this.revision;
    }

    /** Its script. */
    public String file() {
        return this.file;
    }
}
