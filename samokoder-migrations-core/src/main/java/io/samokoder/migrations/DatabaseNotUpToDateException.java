package io.samokoder.migrations;

import java.util.List;

/**
 * The database is not at the heads, so its schema cannot be compared with the model (autogenerate and
 * {@code check} would describe a mix of pending revisions and model changes). The message is Alembic's,
 * "Target database is not up to date."; {@link #current()} and {@link #heads()} say what differs. Upgrade
 * the database to the heads first.
 */
public class DatabaseNotUpToDateException extends MigrationException {

    private static final long serialVersionUID = 1L;

    /** Alembic's text for this problem. */
    public static final String MESSAGE = "Target database is not up to date.";

    private final List<String> current;
    private final List<String> heads;

    /**
     * Creates the exception.
     *
     * @param current the version rows
     * @param heads   the heads of the revision map
     */
    public DatabaseNotUpToDateException(List<String> current, List<String> heads) {
        super(MESSAGE);
        this.current = List.copyOf(current);
        this.heads = List.copyOf(heads);
    }

    /** The version rows of the database. */
    public List<String> current() {
        return this.current;
    }

    /** The heads it should be at. */
    public List<String> heads() {
        return this.heads;
    }
}
