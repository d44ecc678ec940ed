package io.samokoder.migrations.ops;

import java.util.List;

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
     * Whether the operation cannot run in a transaction (e.g. PostgreSQL's {@code CREATE INDEX CONCURRENTLY});
     * a revision with such an operation then runs outside one.
     */
    default boolean requiresAutocommit(Operation operation) {
        return false;
    }
}
