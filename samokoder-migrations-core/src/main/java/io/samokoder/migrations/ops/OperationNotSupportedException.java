package io.samokoder.migrations.ops;

import io.samokoder.migrations.MigrationException;

/**
 * An operation, type or value the database cannot take (e.g. {@code jsonb} on MariaDB, a partial index
 * on H2), or that lacks what the database needs to render it (e.g. MariaDB's existing column type). The
 * message names the table and column, the database, and what to do instead.
 */
public class OperationNotSupportedException extends MigrationException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with its message. */
    public OperationNotSupportedException(String message) {
        super(message);
    }
}
