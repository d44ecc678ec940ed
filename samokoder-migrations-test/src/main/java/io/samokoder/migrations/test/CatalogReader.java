package io.samokoder.migrations.test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/** Reads what a schema holds from one database's catalog; one implementation per dialect. */
interface CatalogReader {

    /**
     * The objects of the connection's current schema.
     *
     * @param connection a connection whose current schema is the one to read
     * @param ignoredTables tables left out with everything that belongs to them (the engine's own)
     */
    SchemaSnapshot read(Connection connection, Set<String> ignoredTables) throws SQLException;
}
