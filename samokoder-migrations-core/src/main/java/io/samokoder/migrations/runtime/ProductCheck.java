package io.samokoder.migrations.runtime;

import io.samokoder.migrations.MigrationConfigurationException;
import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.dialect.Dialects;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Picks the dialect of a connection's database from its JDBC metadata, or checks it against the
 * configured one, before any statement is sent; a database no dialect serves is refused with a
 * message that names it and the supported ones (instead of the first SQL error the database would
 * give). The product is {@link Dialects#product}'s: a MariaDB server reached through MySQL
 * Connector/J is MariaDB. The drivers answer from the connection's handshake, without a round trip.
 */
final class ProductCheck {

    private ProductCheck() {
    }

    /** The dialect that serves the connection's database. */
    static Dialect detect(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String product = Dialects.product(metaData);
        Optional<Dialect> dialect = Dialects.forProduct(product);
        if (dialect.isEmpty()) {
            throw unsupported(product, version(metaData));
        }
        return dialect.get();
    }

    /** Checks that the configured dialect serves the connection's database. */
    static void verify(Connection connection, Dialect dialect) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String product = Dialects.product(metaData);
        if (!dialect.servesProduct(product)) {
            if (Dialects.forProduct(product).isEmpty()) {
                throw unsupported(product, version(metaData));
            }
            throw new MigrationConfigurationException("The database is " + product + " " + version(metaData)
                    + ", but the configured dialect is " + dialect.name() + " (samokoder.migrations.dialect)."
                    + " Nothing was changed; configure the dialect of " + product + ", or none to have it detected"
                    + " from the connection.");
        }
    }

    /** The refusal of a database that no dialect serves. */
    static MigrationConfigurationException unsupported(String product, String version) {
        return new MigrationConfigurationException("The database is " + product + " " + version + ", which this"
                + " version of Samokoder Migrations does not support: it migrates " + Dialects.supportedProducts()
                + ". Nothing was changed; give it a DataSource of one of those.");
    }

    private static String version(DatabaseMetaData metaData) {
        try {
            return metaData.getDatabaseProductVersion();
        } catch (SQLException e) {
            return "(version unknown)";
        }
    }
}
