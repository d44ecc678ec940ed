package io.samokoder.migrations.ops;

import java.util.List;

/**
 * A primary key, e.g. {@code PrimaryKey.of("tenant_id", "id")}.
 *
 * @param name    the constraint name, or null for the naming convention's {@code pk}
 * @param columns the key's columns, in order
 */
public record PrimaryKey(String name, List<String> columns) implements Constraint {

    /** Checks the columns are given. */
    public PrimaryKey {
        columns = Names.columns(columns, "A primary key");
    }

    /** A primary key on these columns. */
    public static PrimaryKey of(String... columns) {
        return new PrimaryKey(null, Names.columns(columns, "A primary key"));
    }

    @Override
    public PrimaryKey named(String constraintName) {
        return new PrimaryKey(constraintName, columns);
    }

    @Override
    public ConstraintKind kind() {
        return ConstraintKind.PRIMARY_KEY;
    }
}
