package io.samokoder.migrations.test;

import io.samokoder.migrations.Migrations;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.BiConsumer;
import javax.sql.DataSource;

/**
 * The fresh PostgreSQL schema each check of the kit runs in, dropped afterwards: the kit reads
 * PostgreSQL's catalog, so another database is refused before anything is created, and a check's own
 * failure is never hidden by a failed clean-up.
 */
final class KitSchemas {

    /** A check's work with its engine and the DataSource whose connections use its schema. */
    interface Work {
        void run(Migrations migrations, DataSource schemaDataSource);
    }

    private KitSchemas() {
    }

    /** Runs the work with a new schema's name and a DataSource on it; drops the schema afterwards. */
    static void inFreshSchema(DataSource dataSource, BiConsumer<String, DataSource> work) {
        requirePostgres(dataSource);
        String schema = "samokoder_kit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(dataSource, "CREATE SCHEMA " + schema);
        try {
            work.accept(schema, new SchemaDataSource(dataSource, schema));
        }
        catch (RuntimeException | Error ex) {
            try {
                execute(dataSource, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
            catch (RuntimeException cleanUp) {
                ex.addSuppressed(cleanUp);
            }
            throw ex;
        }
        execute(dataSource, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static void requirePostgres(DataSource dataSource) {
        String product;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        }
        catch (SQLException ex) {
            throw new IllegalStateException("The migrations kit could not connect: " + ex.getMessage(), ex);
        }
        if (!"PostgreSQL".equals(product)) {
            throw new IllegalStateException("The migrations kit runs on PostgreSQL only (it compares schemas from"
                    + " PostgreSQL's catalog), and this DataSource is " + product + ": give it a PostgreSQL"
                    + " DataSource, such as the embedded PostgreSQL of samokoder-migrations-test-support");
        }
    }

    private static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement st = connection.createStatement()) {
            boolean autoCommit = connection.getAutoCommit();
            st.execute(sql);
            if (!autoCommit) {
                connection.commit();
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("The migrations kit could not run '" + sql + "': " + ex.getMessage(), ex);
        }
    }
}
