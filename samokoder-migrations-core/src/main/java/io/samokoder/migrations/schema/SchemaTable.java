package io.samokoder.migrations.schema;

import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.ForeignKey;
import io.samokoder.migrations.ops.Index;
import io.samokoder.migrations.ops.PrimaryKey;
import io.samokoder.migrations.ops.Unique;
import java.util.List;
import java.util.Optional;

/**
 * One table of a {@link Schema}, made of the same values the operations API takes, so that a difference
 * becomes an operation as it is. Columns carry their name, type, nullability, identity
 * ({@link Column#isAutoincrement()}), server default and comment; their {@code inPrimaryKey} and
 * {@code isUnique} flags are false, the key and the unique constraints being given apart.
 *
 * @param name        the table name
 * @param columns     its columns, in table order
 * @param primaryKey  its primary key, or null when it has none
 * @param uniques     its unique constraints
 * @param indexes     its indexes, unique ones included, but not those a database creates by itself for a
 *                    primary key, a unique constraint or a foreign key
 * @param foreignKeys its foreign keys
 * @param comment     its comment, or null
 */
public record SchemaTable(String name, List<Column> columns, PrimaryKey primaryKey, List<Unique> uniques,
        List<Index> indexes, List<ForeignKey> foreignKeys, String comment) {

    /** Copies the lists. */
    public SchemaTable {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A schema table needs a name");
        }
        columns = List.copyOf(columns);
        uniques = List.copyOf(uniques);
        indexes = List.copyOf(indexes);
        foreignKeys = List.copyOf(foreignKeys);
    }

    /** The column of this name (exact match), if there is one. */
    public Optional<Column> column(String columnName) {
        for (Column column : columns) {
            if (column.name().equals(columnName)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }
}
