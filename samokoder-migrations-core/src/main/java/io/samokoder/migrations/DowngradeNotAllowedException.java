package io.samokoder.migrations;

import java.util.List;

/**
 * A {@link Migrations#moveTo move} found its target below the database's current revisions while
 * downgrades were not allowed; nothing was run.
 */
public class DowngradeNotAllowedException extends MigrationException {

    private static final long serialVersionUID = 1L;

    private final String target;
    private final List<String> current;
    private final List<String> revisions;

    /**
     * Creates the exception.
     *
     * @param target the target as given
     * @param current the version rows
     * @param revisions the revisions a downgrade would undo, in order
     */
    public DowngradeNotAllowedException(String target, List<String> current, List<String> revisions) {
        this("Target " + target + " is below the current revision(s) " + current + ": reaching it would downgrade "
                + revisions.size() + " revision(s) " + revisions + " and may drop data, and downgrades are not"
                + " allowed for this move; nothing was run", target, current, revisions);
    }

    /**
     * Creates the exception with a message of the caller's (for example one naming its property).
     *
     * @param message the message
     * @param target the target as given
     * @param current the version rows
     * @param revisions the revisions a downgrade would undo, in order
     */
    protected DowngradeNotAllowedException(String message, String target, List<String> current,
            List<String> revisions) {
        super(message);
        this.target = target;
        this.current = List.copyOf(current);
        this.revisions = List.copyOf(revisions);
    }

    /** The target as given. */
    public String target() {
        return this.target;
    }

    /** The version rows when the move was refused. */
    public List<String> current() {
        return this.current;
    }

    /** The revisions a downgrade would have undone, in order. */
    public List<String> revisions() {
        return this.revisions;
    }
}
