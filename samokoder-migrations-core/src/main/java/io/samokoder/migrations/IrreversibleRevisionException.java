package io.samokoder.migrations;

/** A downgrade would have to pass through a revision whose script has no downgrade part. */
public class IrreversibleRevisionException extends MigrationException {

    private static final long serialVersionUID = 1L;

    private final String revision;

    /**
     * Creates the exception.
     *
     * @param revision the irreversible revision
     * @param file its script
     */
    public IrreversibleRevisionException(String revision, String file) {
        super("Revision " + revision + " (" + file + ") has no '-- migrate:downgrade' part, so the downgrade cannot"
                + " pass through it; nothing was run. Add a downgrade part to the script, or choose a target above"
                + " it.");
        this.revision = revision;
    }

    /** The irreversible revision. */
    public String revision() {
        return this.revision;
    }
}
