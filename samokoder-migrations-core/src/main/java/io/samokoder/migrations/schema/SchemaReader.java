package io.samokoder.migrations.schema;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Reads the live {@link Schema} of one kind of database from its catalog. Each dialect has one
 * ({@link io.samokoder.migrations.dialect.Dialect#schemaReader()}); implementations are stateless and
 * thread-safe.
 */
public interface SchemaReader {

    /**
     * Reads the tables and sequences of the connection's current schema (PostgreSQL, H2) or database
     * (MariaDB/MySQL), with types mapped to the portable {@link io.samokoder.migrations.ops.Type}s (a type
     * with no portable kind as {@code Type.sql(...)}), and server defaults as the database shows them,
     * normalised so that a default written the way the operations API renders it reads back equal.
     *
     * @param connection an open connection; only read from
     * @param filter     which tables to read (the engine's own tables and the user's exclusions are left out)
     */
    Schema read(Connection connection, TableFilter filter) throws SQLException;
}
