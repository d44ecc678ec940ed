package io.samokoder.migrations.ops;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a Java revision's {@code upgrade(op)} and {@code downgrade(op)} call: Alembic's {@code op.*}.
 * Arguments are checked when an operation is called (an empty column list, a key on an unknown column,
 * ...), and unnamed indexes and constraints are named then by the naming convention. Values are
 * rendered as inline literals, so a revision renders the same SQL online and offline.
 */
public interface Operations {

    /**
     * Creates a table of these columns, constraints and optional {@link TableComment}, e.g.
     * {@code createTable("users", Column.of("id", Type.UUID).primaryKey(), Column.of("email",
     * Type.string(255)).notNull().unique())}. Enum types of its columns are created first on PostgreSQL.
     */
    void createTable(String table, TableElement... elements);

    /** Drops a table (not the enum types of its columns: see {@link #dropEnumType}). */
    void dropTable(String table);

    /** Sets a table's comment, replacing any it has. */
    default void createTableComment(String table, String comment) {
        createTableComment(table, comment, null);
    }

    /**
     * Sets a table's comment, saying the one it has now (null for none): Alembic's {@code existing_comment},
     * recorded for the reader, not rendered.
     */
    void createTableComment(String table, String comment, String existingComment);

    /** Removes a table's comment. */
    default void dropTableComment(String table) {
        dropTableComment(table, null);
    }

    /** Removes a table's comment, saying the one it has now (recorded for the reader, not rendered). */
    void dropTableComment(String table, String existingComment);

    /** Renames a table. */
    void renameTable(String table, String newName);

    /** Adds a column. On PostgreSQL an enum type must exist already ({@link #createEnumType}). */
    void addColumn(String table, Column column);

    /** Drops a column. */
    void dropColumn(String table, String column);

    /**
     * Changes a column, e.g. {@code alterColumn("users", "email", c -> c.type(Type.string(320))
     * .existingNullable(false))}. MariaDB/MySQL restate the whole column, so there the existing type and
     * nullability must be given for any change but a default or a plain rename.
     */
    void alterColumn(String table, String column, Consumer<ColumnChange> change);

    /** Creates an index, e.g. {@code createIndex(Index.on("users", "email").unique())}. */
    void createIndex(Index index);

    /** Creates an index of this name (null for the naming convention) on these columns. */
    void createIndex(String name, String table, String... columns);

    /** Drops an index of the table. */
    void dropIndex(String name, String table);

    /** Drops an index without blocking writes (PostgreSQL's {@code DROP INDEX CONCURRENTLY}). */
    void dropIndexConcurrently(String name, String table);

    /** Adds a foreign key, e.g. {@code createForeignKey("orders", ForeignKey.from("user_id").references("users", "id"))}. */
    void createForeignKey(String table, ForeignKey foreignKey);

    /** Adds a unique constraint. */
    void createUniqueConstraint(String table, Unique unique);

    /** Adds a check constraint. */
    void createCheckConstraint(String table, Check check);

    /** Adds a primary key. */
    void createPrimaryKey(String table, PrimaryKey primaryKey);

    /** Drops a constraint of this name and kind (the kind decides the SQL on MariaDB/MySQL). */
    void dropConstraint(String name, String table, ConstraintKind kind);

    /** Validates a constraint added with {@code notValid()} (PostgreSQL only). */
    void validateConstraint(String name, String table);

    /** Creates an enum type on PostgreSQL ({@code CREATE TYPE}); nothing elsewhere, where enums are inline. */
    void createEnumType(Type enumType);

    /** Drops an enum type on PostgreSQL ({@code DROP TYPE}); nothing elsewhere. */
    void dropEnumType(String name);

    /** Creates a sequence starting at 1 and going up by 1 (not on MySQL, which has no sequences). */
    void createSequence(String name);

    /** Creates a sequence starting at {@code start} and going by {@code increment} (not zero). */
    void createSequence(String name, long start, long increment);

    /** Drops a sequence. */
    void dropSequence(String name);

    /** Runs a SQL statement as given. */
    void execute(String sql);

    /**
     * Runs a SQL statement with its {@code :name} binds replaced by the values as literals (binds inside
     * quotes and comments, and {@code ::} casts, are left alone; on MariaDB and MySQL an executable comment,
     * {@code /*!...*}{@code /}, is code). Values: see {@link SqlValue#of}.
     */
    void execute(String sql, Map<String, ?> parameters);

    /**
     * Inserts rows, one {@code INSERT} per row with the row's own columns. Columns keep the order of a
     * {@link java.util.LinkedHashMap} or {@link java.util.SortedMap}, and are sorted by name for other maps.
     */
    void bulkInsert(String table, List<? extends Map<String, ?>> rows);

    /** Several changes of one table, rendered as one {@code ALTER TABLE} where the database allows it. */
    void batchAlterTable(String table, Consumer<BatchOperations> batch);

    /** Whether the table exists in the current schema. */
    boolean hasTable(String table);

    /** Whether the table has the column. */
    boolean hasColumn(String table, String column);

    /** Whether the table has an index of this name. */
    boolean hasIndex(String table, String index);

    /** Whether the table has a constraint of this name (MariaDB/MySQL name every primary key PRIMARY). */
    boolean hasConstraint(String table, String constraint);

    /**
     * The connection the revision runs on, in its transaction. Do not close it or change its
     * auto-commit: the run continues on it, and on PostgreSQL and MariaDB it also holds the migration lock.
     */
    Connection connection();
}
