package io.samokoder.migrations.ops;

/** What {@link Operations#createTable} takes: columns, constraints and a table comment. */
public sealed interface TableElement permits Column, Constraint, TableComment {
}
