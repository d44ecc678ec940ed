package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A baseline revision run on a database whose schema another tool made (its tables there, no revision
 * recorded): the failure says to stamp the baseline instead, on each database; a later revision that meets
 * an existing table gets no such advice.
 */
class BaselineNotStampedTest {

    private static final String HINT = " The table exists already while the version table records no revision:"
            + " where the schema was made by another tool or by hand (Flyway's flyway_schema_history or Liquibase's"
            + " databasechangelog table shows it), record the baseline instead of running it, with stamp b1"
            + " (README, 'Coming from Alembic, Flyway or Liquibase').";

    private static void scripts(Path dir) {
        Rev.writeAll(dir,
                Rev.of("b1", "").message("Baseline").up("CREATE TABLE accounts (id INT PRIMARY KEY);")
                        .down("DROP TABLE accounts;"),
                Rev.of("n2", "b1").up("CREATE TABLE notes (id INT);").down("DROP TABLE notes;"));
    }

    private static MigrationExecutionException upgrade(DataSource ds, Path dir) {
        return catchThrowableOfType(MigrationExecutionException.class, () -> new Migrations(MigrationsConfig.builder()
                .dataSource(ds).locations("filesystem:" + dir).build()).upgrade("heads"));
    }

    @Test
    void onPostgres(@TempDir Path dir) {
        scripts(dir);
        try (TestDatabase db = TestPostgres.createDatabase("baseline")) {
            Db.exec(db.dataSource(), "CREATE TABLE accounts (id INT PRIMARY KEY)", "CREATE TABLE notes (id INT)",
                    "CREATE TABLE flyway_schema_history (installed_rank INT)");

            MigrationExecutionException e = upgrade(db.dataSource(), dir);

            assertThat(e.sqlState()).isEqualTo("42P07");
            assertThat(e.getMessage()).startsWith("Revision b1 failed at statement 1").endsWith(HINT);
            assertThat(new Migrations(MigrationsConfig.builder().dataSource(db.dataSource())
                    .locations("filesystem:" + dir).build()).current()).isEmpty();

            // Once the baseline is stamped, a later revision that meets a table gets the error alone.
            new Migrations(MigrationsConfig.builder().dataSource(db.dataSource()).locations("filesystem:" + dir)
                    .build()).stamp(List.of("b1"), false);
            assertThat(upgrade(db.dataSource(), dir).getMessage()).startsWith("Revision n2 failed at statement 1")
                    .doesNotContain("stamp");
        }
    }

    @Test
    void onMariaDb(@TempDir Path dir) {
        scripts(dir);
        try (TestDatabase db = MariaDb.fresh("baseline")) {
            MariaDb.exec(db.dataSource(), "CREATE TABLE accounts (id INT PRIMARY KEY)");

            assertThat(upgrade(db.dataSource(), dir).getMessage()).startsWith("Revision b1 failed at statement 1")
                    .endsWith(HINT);
        }
    }

    @Test
    void onH2(@TempDir Path dir) {
        scripts(dir);
        DataSource h2 = H2Db.memory();
        Db.exec(h2, "CREATE TABLE accounts (id INT PRIMARY KEY)");

        assertThat(upgrade(h2, dir).getMessage()).startsWith("Revision b1 failed at statement 1").endsWith(HINT);
    }
}
