package io.samokoder.migrations.ops;

import java.util.List;

/**
 * A unique constraint, e.g. {@code Unique.of("tenant_id", "email")}.
 *
 * @param name    the constraint name, or null for the naming convention's {@code uq}
 * @param columns the columns whose combination is unique
 */
public record Unique(String name, List<String> columns) implements Constraint {

    /** Checks the columns are given. */
    public Unique {
        columns = Names.columns(columns, "A unique constraint");
    }

    /** A unique constraint on these columns. */
    public static Unique of(String... columns) {
        return new Unique(null, Names.columns(columns, "A unique constraint"));
    }

    @Override
    public Unique named(String constraintName) {
        return new Unique(constraintName, columns);
    }

    @Override
    public ConstraintKind kind() {
        return ConstraintKind.UNIQUE;
    }
}
