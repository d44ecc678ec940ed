package io.samokoder.migrations.ops;

import java.util.List;
import java.util.Set;

/** Renders operations as one database's SQL. Implementations are stateless and thread-safe. */
public interface OperationRenderer {

    /**
     * The operation's SQL statements, without trailing semicolons, with values as inline literals (so that
     * online statements equal the offline script).
     *
     * @throws io.samokoder.migrations.MigrationException when the database cannot do it, saying what to use instead
     */
    List<String> render(Operation operation);

    /**
     * Adds the operation's statements, those of {@link #render(Operation)}, to {@code out}: for a
     * caller collecting the statements of many operations, without a list per operation where the
     * renderer can avoid it.
     */
    default void renderInto(Operation operation, List<String> out) {
        out.addAll(render(operation));
    }

    /**
     * As {@link #renderInto(Operation, List)}, for one of a revision's operations, given in order with the
     * same set: a named enum type is created once per revision, so a {@code createTable} does not create a
     * type that an earlier operation created ({@code createEnumType}, or another {@code createTable}).
     *
     * @param enumTypesCreated the names of the enum types the revision's earlier operations created; updated
     */
    default void renderInto(Operation operation, List<String> out, Set<String> enumTypesCreated) {
        renderInto(operation, out);
    }

    /**
     * A column type as this database writes it in a column definition, e.g. {@code VARCHAR(255)};
     * autogenerate compares types by it.
     *
     * @param table  the column's table, named in the error when the database has no such type
     * @param column the column, likewise
     * @throws OperationNotSupportedException when the database has no such type
     */
    String typeSql(Type type, String table, String column);

    /**
     * The name of an index or constraint as the database keeps it (one longer than the database keeps is
     * shortened when rendered), for looking it up.
     */
    default String storedName(String name) {
        return name;
    }

    /**
     * Whether the operation cannot run in a transaction (e.g. PostgreSQL's {@code CREATE INDEX CONCURRENTLY});
     * a revision with such an operation then runs outside one.
     */
    default boolean requiresAutocommit(Operation operation) {
        return false;
    }
}
