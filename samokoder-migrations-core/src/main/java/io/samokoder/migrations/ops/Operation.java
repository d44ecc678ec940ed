package io.samokoder.migrations.ops;

import java.util.List;

/**
 * One call of {@link Operations}, as an immutable record with names already resolved by the naming
 * convention. Its {@code toString()} is deterministic and complete (only records, lists, strings,
 * primitives and enums inside), so it can be hashed for a revision's checksum.
 */
public sealed interface Operation {

    /** The table the operation works on, or empty for {@link Execute}, enum types and sequences. */
    String table();

    /**
     * {@code CREATE TABLE}, with the enum types of its columns created first on PostgreSQL.
     *
     * @param table       the table
     * @param columns     its columns
     * @param constraints its table constraints, named (or null-named when no convention applies)
     * @param comment     the table comment, or null
     */
    record CreateTable(String table, List<Column> columns, List<Constraint> constraints, String comment)
            implements Operation {
        /** Copies the lists. */
        public CreateTable {
            columns = List.copyOf(columns);
            constraints = List.copyOf(constraints);
        }
    }

    /**
     * {@code DROP TABLE}. Enum types stay (drop them with {@link Operations#dropEnumType}).
     *
     * @param table the table
     */
    record DropTable(String table) implements Operation {
    }

    /**
     * A table renamed.
     *
     * @param table   the current name
     * @param newName the new name
     */
    record RenameTable(String table, String newName) implements Operation {
    }

    /**
     * A column added.
     *
     * @param table  the table
     * @param column the column
     */
    record AddColumn(String table, Column column) implements Operation {
    }

    /**
     * A column dropped.
     *
     * @param table  the table
     * @param column the column name
     */
    record DropColumn(String table, String column) implements Operation {
    }

    /**
     * A column changed; see {@link ColumnChange} for the fields. Null (or false) means unchanged.
     *
     * @param table                 the table
     * @param column                the column's current name
     * @param type                  the new type, or null
     * @param using                 how old values become the new type (PostgreSQL's {@code USING}), or null
     * @param nullable              the new nullability, or null
     * @param serverDefault         the new default expression, or null
     * @param dropServerDefault     whether the default is dropped
     * @param newName               the new name, or null
     * @param comment               the new comment, or null
     * @param dropComment           whether the comment is dropped
     * @param existingType          the current type, or null when not given
     * @param existingNullable      the current nullability, or null when not given
     * @param existingServerDefault the current default expression, or null for none
     * @param existingComment       the current comment, or null for none
     */
    record AlterColumn(String table, String column, Type type, String using, Boolean nullable, String serverDefault,
            boolean dropServerDefault, String newName, String comment, boolean dropComment, Type existingType,
            Boolean existingNullable, String existingServerDefault, String existingComment) implements Operation {
    }

    /**
     * {@code CREATE INDEX}.
     *
     * @param index the index, named
     */
    record CreateIndex(Index index) implements Operation {
        @Override
        public String table() {
            return index.table();
        }
    }

    /**
     * {@code DROP INDEX}.
     *
     * @param table        the index's table (MariaDB/MySQL need it)
     * @param name         the index name
     * @param concurrently whether it is dropped without blocking (PostgreSQL only)
     */
    record DropIndex(String table, String name, boolean concurrently) implements Operation {
    }

    /**
     * A constraint added to an existing table.
     *
     * @param table      the table
     * @param constraint the constraint, named
     */
    record AddConstraint(String table, Constraint constraint) implements Operation {
    }

    /**
     * A constraint dropped.
     *
     * @param table the table
     * @param name  the constraint name
     * @param kind  its kind (MariaDB/MySQL drop each kind differently)
     */
    record DropConstraint(String table, String name, ConstraintKind kind) implements Operation {
    }

    /**
     * PostgreSQL's {@code VALIDATE CONSTRAINT} of a constraint added {@code NOT VALID}.
     *
     * @param table the table
     * @param name  the constraint name
     */
    record ValidateConstraint(String table, String name) implements Operation {
    }

    /**
     * An enum type created (PostgreSQL's {@code CREATE TYPE ... AS ENUM}; nothing elsewhere, where enums are
     * inline).
     *
     * @param type the enum type
     */
    record CreateEnumType(Type type) implements Operation {
        @Override
        public String table() {
            return "";
        }
    }

    /**
     * An enum type dropped (PostgreSQL's {@code DROP TYPE}; nothing elsewhere).
     *
     * @param name the type name
     */
    record DropEnumType(String name) implements Operation {
        @Override
        public String table() {
            return "";
        }
    }

    /**
     * A sequence created ({@code CREATE SEQUENCE}; MariaDB 10.3+, not MySQL).
     *
     * @param name      the sequence name
     * @param start     its first value
     * @param increment its increment, not zero
     */
    record CreateSequence(String name, long start, long increment) implements Operation {
        @Override
        public String table() {
            return "";
        }
    }

    /**
     * A sequence dropped ({@code DROP SEQUENCE}).
     *
     * @param name the sequence name
     */
    record DropSequence(String name) implements Operation {
        @Override
        public String table() {
            return "";
        }
    }

    /**
     * A SQL statement run as given, or with its {@code :name} binds replaced by literals.
     *
     * @param sql        the statement
     * @param parameters the bind values by name, sorted by name; empty when {@code binds} is false
     * @param binds      whether {@code :name} binds are replaced
     */
    record Execute(String sql, List<Parameter> parameters, boolean binds) implements Operation {
        /** Copies the list. */
        public Execute {
            parameters = List.copyOf(parameters);
        }

        @Override
        public String table() {
            return "";
        }
    }

    /**
     * One bind value of {@link Execute}.
     *
     * @param name  the bind name, without the colon
     * @param value the value
     */
    record Parameter(String name, SqlValue value) {
    }

    /**
     * Rows inserted, one {@code INSERT} statement per row (as Alembic's offline mode renders them).
     *
     * @param table the table
     * @param rows  the rows
     */
    record BulkInsert(String table, List<Row> rows) implements Operation {
        /** Copies the list. */
        public BulkInsert {
            rows = List.copyOf(rows);
        }
    }

    /**
     * One row of {@link BulkInsert}.
     *
     * @param columns the column names
     * @param values  the values, one per column
     */
    record Row(List<String> columns, List<SqlValue> values) {
        /** Copies the lists. */
        public Row {
            columns = List.copyOf(columns);
            values = List.copyOf(values);
        }
    }

    /**
     * Several changes of one table, rendered as one {@code ALTER TABLE} where the database allows it.
     *
     * @param table      the table
     * @param operations the changes: columns added, dropped or altered, constraints added or dropped
     */
    record BatchAlterTable(String table, List<Operation> operations) implements Operation {
        /** Copies the list. */
        public BatchAlterTable {
            operations = List.copyOf(operations);
        }
    }
}
