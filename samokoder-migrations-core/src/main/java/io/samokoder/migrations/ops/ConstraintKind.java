package io.samokoder.migrations.ops;

/** The kind of a constraint to drop (Alembic's {@code type_}); MariaDB/MySQL drop each kind differently. */
public enum ConstraintKind {
    /** A primary key. */
    PRIMARY_KEY,
    /** A foreign key. */
    FOREIGN_KEY,
    /** A unique constraint. */
    UNIQUE,
    /** A check constraint. */
    CHECK
}
