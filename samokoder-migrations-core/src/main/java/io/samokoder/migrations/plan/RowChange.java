package io.samokoder.migrations.plan;

/**
 * One change to the rows of the version table, as Alembic's head maintainer makes it.
 */
public sealed interface RowChange {

    /** Adds a row. */
    record Insert(String revision) implements RowChange {
    }

    /** Changes exactly one row from one revision to another. */
    record Update(String from, String to) implements RowChange {
    }

    /** Removes exactly one row. */
    record Delete(String revision) implements RowChange {
    }
}
