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

    /**
     * Whether a table is one of the ignored ones, in any case: the engine's tables are configured in lower
     * case, and a catalog may hold them folded (H2) or as the server's settings make them (MariaDB).
     */
    static boolean ignored(Set<String> ignoredTables, String table) {
        for (String name : ignoredTables) {
            if (name.equalsIgnoreCase(table)) {
                return true;
            }
        }
        return false;
    }

    /** A comment as it follows a definition, {@code COMMENT 'People''s accounts'}; nothing for none. */
    static String comment(String text) {
        return text == null || text.isEmpty() ? "" : " COMMENT '" + text.replace("'", "''") + "'";
    }
}
