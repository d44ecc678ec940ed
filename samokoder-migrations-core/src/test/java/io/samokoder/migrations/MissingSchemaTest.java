package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestMariaDb;
import io.samokoder.migrations.testsupport.TestPostgres;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The schema of the engine's tables is missing, named by {@code schema} or by the connection (a JDBC
 * URL's {@code currentSchema}, a MariaDB URL without a database): the run fails saying which setting
 * names it and what to do, and changes nothing.
 */
class MissingSchemaTest {

    private static final String CONFIGURED = "The schema nope of the engine's tables (samokoder.migrations.schema)"
            + " does not exist: create it (the engine creates tables, not schemas), or name one that exists."
            + " Nothing was changed.";

    private static final String CONNECTION = "The connection has no current schema that exists to hold the engine's"
            + " tables: name one in the JDBC URL (PostgreSQL's currentSchema, the database on MariaDB and MySQL) or"
            + " set samokoder.migrations.schema, and create it if it is missing. Nothing was changed.";

    private static MigrationException upgrade(DataSource ds, Path dir, String schema) {
        Rev.writeAll(dir, Rev.of("m1", "").up("CREATE TABLE t1 (id INT);").down("DROP TABLE t1;"));
        MigrationsConfig.Builder config = MigrationsConfig.builder().dataSource(ds).locations("filesystem:" + dir);
        if (schema != null) {
            config.schema(schema);
        }
        return catchThrowableOfType(MigrationException.class, () -> new Migrations(config.build()).upgrade("heads"));
    }

    @Test
    void postgresSchemaSetToOneThatIsMissing(@TempDir Path dir) {
        try (TestDatabase db = TestPostgres.createDatabase("noschema")) {
            MigrationException e = upgrade(db.dataSource(), dir, "nope");

            assertThat(e.getMessage()).isEqualTo("Could not create the version table nope.alembic_version:"
                    + " SQLSTATE 3F000: schema \"nope\" does not exist. " + CONFIGURED);
            assertThat(Db.strings(db.dataSource(), "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
                    .isEmpty();
        }
    }

    @Test
    void postgresCurrentSchemaThatIsMissing(@TempDir Path dir) {
        try (TestDatabase db = TestPostgres.createDatabase("nocurrent")) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(db.jdbcUrl());
            ds.setUser(db.user());
            ds.setPassword(db.password());
            ds.setCurrentSchema("app");

            MigrationException e = upgrade(ds, dir, null);

            assertThat(e.getMessage()).isEqualTo("Could not create the version table alembic_version:"
                    + " SQLSTATE 3F000: no schema has been selected to create in. " + CONNECTION);
            assertThat(Db.strings(db.dataSource(), "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
                    .isEmpty();
        }
    }

    @Test
    void mariaDbSchemaSetToADatabaseThatIsMissing(@TempDir Path dir) {
        try (TestDatabase db = MariaDb.fresh("noschema")) {
            MigrationException e = upgrade(db.dataSource(), dir, "nope");

            assertThat(e.getMessage()).startsWith("Could not create the version table nope.alembic_version:"
                    + " SQLSTATE 42000: ").endsWith("Unknown database 'nope'. " + CONFIGURED);
            assertThat(MariaDb.tables(db.dataSource())).isEmpty();
        }
    }

    @Test
    void mariaDbUrlWithoutADatabase(@TempDir Path dir) {
        try (TestDatabase db = MariaDb.fresh("nodb")) {
            String url = db.jdbcUrl().substring(0, db.jdbcUrl().lastIndexOf('/') + 1);
            MigrationException e = upgrade(TestMariaDb.dataSource(url, db.user(), db.password()), dir, null);

            assertThat(e.getMessage()).startsWith("Could not read the version table alembic_version: SQLSTATE 3D000: ")
                    .endsWith("No database selected. " + CONNECTION);
            assertThat(MariaDb.tables(db.dataSource())).isEmpty();
        }
    }

    @Test
    void h2SchemaSetToOneThatIsMissing(@TempDir Path dir) {
        JdbcDataSource h2 = H2Db.memory();

        MigrationException e = upgrade(h2, dir, "nope");

        assertThat(e.getMessage()).startsWith("Could not take the migration lock: SQLSTATE 90079: Schema \"nope\""
                + " not found").endsWith(". " + CONFIGURED);
        assertThat(Db.strings(h2, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"))
                .isEmpty();
    }
}
