package io.samokoder.migrations.test;

import io.samokoder.migrations.dialect.Dialects;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * What the kit does differently on each database it runs on: how a check's fresh schema is created and
 * dropped, how a borrowed connection is put into it and given back, and which catalog is read.
 */
enum KitDatabase {

    /** A schema, put first on the {@code search_path}; read from {@code pg_catalog}. */
    POSTGRESQL("PostgreSQL") {
        @Override
        String createSchema(String schema) {
            return "CREATE SCHEMA " + schema;
        }

        @Override
        String dropSchema(String schema) {
            return "DROP SCHEMA IF EXISTS " + schema + " CASCADE";
        }

        @Override
        String enter(Connection connection, String schema) throws SQLException {
            return setSearchPath(connection, "\"" + schema.replace("\"", "\"\"") + "\"");
        }

        @Override
        void leave(Connection connection, String previous) throws SQLException {
            setSearchPath(connection, previous);
        }

        @Override
        CatalogReader catalog() {
            return PostgresCatalogReader.INSTANCE;
        }
    },

    /**
     * A database (what MariaDB and MySQL call a schema), made the connection's current one; read from
     * {@code information_schema}.
     */
    MARIADB("MariaDB") {
        @Override
        String schemaKind() {
            return "database";
        }

        @Override
        String createSchema(String schema) {
            return "CREATE DATABASE " + schema;
        }

        @Override
        String dropSchema(String schema) {
            return "DROP DATABASE IF EXISTS " + schema;
        }

        @Override
        String enter(Connection connection, String schema) throws SQLException {
            String previous = connection.getCatalog();
            connection.setCatalog(schema);
            return previous;
        }

        @Override
        void leave(Connection connection, String previous) throws SQLException {
            // A connection that had no current database keeps the kit's, which is gone once it is dropped.
            if (previous != null && !previous.isEmpty()) {
                connection.setCatalog(previous);
            }
        }

        @Override
        CatalogReader catalog() {
            return MariaDbCatalogReader.INSTANCE;
        }
    },

    /**
     * A schema, made the connection's current one; read from {@code INFORMATION_SCHEMA}. Its name is in
     * upper case and quoted, so it is the same name whichever case H2 folds unquoted names to (upper by
     * default, lower with {@code DATABASE_TO_LOWER}, none with {@code DATABASE_TO_UPPER=FALSE}).
     */
    H2("H2") {
        @Override
        String schemaName(String name) {
            return name.toUpperCase(Locale.ROOT);
        }

        @Override
        String createSchema(String schema) {
            return "CREATE SCHEMA \"" + schema + "\"";
        }

        @Override
        String dropSchema(String schema) {
            return "DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE";
        }

        @Override
        String enter(Connection connection, String schema) throws SQLException {
            String previous = connection.getSchema();
            connection.setSchema(schema);
            return previous;
        }

        @Override
        void leave(Connection connection, String previous) throws SQLException {
            connection.setSchema(previous);
        }

        @Override
        CatalogReader catalog() {
            return H2CatalogReader.INSTANCE;
        }
    };

    private final String product;

    KitDatabase(String product) {
        this.product = product;
    }

    /**
     * A check's schema name, as the database holds it, from the kit's lower-case one; the engine's
     * {@code schema} and the other methods take this.
     */
    String schemaName(String name) {
        return name;
    }

    /** What a check's schema is to this database, for messages: {@code schema}, or {@code database}. */
    String schemaKind() {
        return "schema";
    }

    /** The statement that creates a check's schema; the name is the kit's own, letters, digits and {@code _}. */
    abstract String createSchema(String schema);

    /** The statement that drops it with everything in it. */
    abstract String dropSchema(String schema);

    /** Makes the schema the connection's current one; returns what to give to {@link #leave}. */
    abstract String enter(Connection connection, String schema) throws SQLException;

    /** Sets the connection back to what {@link #enter} returned. */
    abstract void leave(Connection connection, String previous) throws SQLException;

    /** The reader of this database's catalog. */
    abstract CatalogReader catalog();

    /**
     * The kit's database for the connection's product.
     *
     * @throws IllegalStateException naming the databases the kit runs on, for any other
     */
    static KitDatabase of(Connection connection) throws SQLException {
        String product = Dialects.product(connection.getMetaData());
        for (KitDatabase database : values()) {
            if (database.product.equalsIgnoreCase(product)) {
                return database;
            }
        }
        if ("MySQL".equalsIgnoreCase(product)) {
            return MARIADB;
        }
        throw new IllegalStateException("The migrations kit runs on PostgreSQL, MariaDB, MySQL and H2 (it compares"
                + " schemas from their catalogs), and this DataSource is " + product + ": give it a DataSource of one"
                + " of these, such as the embedded PostgreSQL of samokoder-migrations-test-support");
    }

    private static String setSearchPath(Connection connection, String value) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT pg_catalog.current_setting('search_path'), pg_catalog.set_config('search_path', ?, false)")) {
            st.setString(1, value);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
