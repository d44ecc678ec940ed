package io.samokoder.migrations.ops;

import java.util.List;

/**
 * A table constraint. Without a name, the naming convention names it when the operation is called
 * (or, in {@code createTable} without a convention for its kind, the database does).
 */
public sealed interface Constraint extends TableElement permits PrimaryKey, ForeignKey, Unique, Check {

    /** The constraint name, or null when the naming convention (or the database) names it. */
    String name();

    /** The constrained columns (empty for a check constraint). */
    List<String> columns();

    /** The kind of constraint. */
    ConstraintKind kind();

    /** This constraint with this name. */
    Constraint named(String name);
}
