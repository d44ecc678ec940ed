package io.samokoder.migrations.runtime;

import io.samokoder.migrations.MigrationConfigurationException;
import io.samokoder.migrations.dialect.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/**
 * Refuses a database that the configured dialect does not serve, before any statement is sent, with
 * a message that names the database and the supported ones (instead of the first SQL error the
 * database would give).
 */
final class ProductCheck {

    private ProductCheck() {
    }

    /** Checks the connection's database product against the dialect; no round trip with PostgreSQL's driver. */
    static void verify(Connection connection, Dialect dialect) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String product = metaData.getDatabaseProductName();
        if (!dialect.servesProduct(product)) {
            throw new MigrationConfigurationException("The database is " + product + " "
                    + metaData.getDatabaseProductVersion() + ", which this version of Samokoder Migrations does"
                    + " not support: it migrates PostgreSQL (MariaDB/MySQL and H2 are planned). Nothing was"
                    + " changed; give it a DataSource of a PostgreSQL database.");
        }
    }
}
