package io.samokoder.migrations.test;

import io.samokoder.migrations.Migrations;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.BiConsumer;
import javax.sql.DataSource;

/**
 * The fresh schema each check of the kit runs in (on MariaDB and MySQL, a database), dropped afterwards: a
 * database whose catalog the kit cannot read is refused before anything is created, and a check's own
 * failure is never hidden by a failed clean-up.
 */
final class KitSchemas {

    /** A check's work with its engine and the DataSource whose connections use its schema. */
    interface Work {
        void run(Migrations migrations, DataSource schemaDataSource);
    }

    private KitSchemas() {
    }

    /** Runs the work with a new schema's name and a DataSource on that schema; drops the schema afterwards. */
    static void inFreshSchema(DataSource dataSource, BiConsumer<String, DataSource> work) {
        KitDatabase database = database(dataSource);
        String schema = database.schemaName(
                "samokoder_kit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        execute(dataSource, database.createSchema(schema), "; the DataSource's user needs the right to create "
                + database.schemaKind() + "s: grant it, or give the kit a DataSource of a user who has it");
        try {
            work.accept(schema, new SchemaDataSource(dataSource, database, schema));
        }
        catch (RuntimeException | Error ex) {
            try {
                execute(dataSource, database.dropSchema(schema), "");
            }
            catch (RuntimeException cleanUp) {
                ex.addSuppressed(cleanUp);
            }
            throw ex;
        }
        execute(dataSource, database.dropSchema(schema), "");
    }

    /** The kit's database for the DataSource's product; refused with the supported ones named for any other. */
    private static KitDatabase database(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return KitDatabase.of(connection);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("The migrations kit could not connect: " + ex.getMessage(), ex);
        }
    }

    private static void execute(DataSource dataSource, String sql, String hint) {
        try (Connection connection = dataSource.getConnection(); Statement st = connection.createStatement()) {
            boolean autoCommit = connection.getAutoCommit();
            st.execute(sql);
            if (!autoCommit) {
                connection.commit();
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("The migrations kit could not run '" + sql + "': " + ex.getMessage()
                    + hint, ex);
        }
    }
}
