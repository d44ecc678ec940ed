package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code connectRetries}: a database that appears while the run waits is migrated; without retries, or once they
 * run out, the driver's error is the run's, with a WARN per try that names no password.
 */
class ConnectRetriesTest {

    private static final Rev A = Rev.of("a1", "").up("CREATE TABLE t_a (id int);").down("DROP TABLE t_a;");

    /** A DataSource for a database of the same server that does not exist (yet). */
    private static DataSource later(TestDatabase db, String name) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(db.jdbcUrl().replace("/" + db.name(), "/" + name));
        ds.setUser(db.user());
        ds.setPassword("S3cret-" + (db.password() == null ? "" : db.password()));
        return ds;
    }

    private static void exec(TestDatabase db, String sql) {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDatabaseThatAppearsWhileTheRunWaitsIsMigrated(@TempDir Path dir) throws Exception {
        Rev.writeAll(dir, A);
        try (TestDatabase db = TestPostgres.createDatabase("retry")) {
            String name = db.name() + "_later";
            DataSource ds = later(db, name);
            CompletableFuture<Void> created = CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exec(db, "CREATE DATABASE " + name);
            });
            try (LoggedWarnings warnings = new LoggedWarnings()) {
                MigrationResult result = new Migrations(Db.config(ds, dir).connectRetries(10)
                        .connectRetriesInterval(Duration.ofMillis(400)).build()).upgrade("heads");

                assertThat(result.steps()).extracting(StepResult::revision).containsExactly("a1");
                assertThat(warnings.messages()).filteredOn((message) -> message.contains("connect")).isNotEmpty()
                        .allSatisfy((message) -> assertThat(message)
                        .startsWith("Could not connect to the database (SQLSTATE 3D000: ").contains("does not exist")
                        .contains("retries, samokoder.migrations.connect-retries)").doesNotContain("S3cret"));
            } finally {
                created.get(30, TimeUnit.SECONDS);
                exec(db, "DROP DATABASE IF EXISTS " + name);
            }
        }
    }

    @Test
    void withoutRetriesOrOnceTheyRunOutTheDriversErrorIsTheRuns(@TempDir Path dir) {
        Rev.writeAll(dir, A);
        try (TestDatabase db = TestPostgres.createDatabase("retry")) {
            DataSource ds = later(db, db.name() + "_never");
            try (LoggedWarnings warnings = new LoggedWarnings()) {
                assertThatThrownBy(() -> new Migrations(Db.config(ds, dir).build()).upgrade("heads"))
                        .hasMessageContaining("does not exist");
                assertThat(warnings.messages()).noneMatch((message) -> message.contains("connect"));
            }
            try (LoggedWarnings warnings = new LoggedWarnings()) {
                assertThatThrownBy(() -> new Migrations(Db.config(ds, dir).connectRetries(2)
                        .connectRetriesInterval(Duration.ofMillis(20)).build()).upgrade("heads"))
                        .hasMessageContaining("does not exist");
                assertThat(warnings.messages()).filteredOn((message) -> message.contains("connect")).hasSize(3)
                        .anySatisfy((message) -> assertThat(message).contains("(1 of 2 retries"))
                        .anySatisfy((message) -> assertThat(message).contains("(2 of 2 retries"))
                        .anySatisfy((message) -> assertThat(message).startsWith("Could not connect to the database"
                                + " after 2 retries: SQLSTATE 3D000"))
                        .noneMatch((message) -> message.contains("S3cret"));
            }
        }
    }

    @Test
    void aNegativeCountIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> MigrationsConfig.builder().connectRetries(-1).build())
                .isInstanceOf(MigrationConfigurationException.class)
                .hasMessageContaining("connectRetries (samokoder.migrations.connect-retries) must be 0 or more,"
                        + " not -1");
        assertThatThrownBy(() -> MigrationsConfig.builder().connectRetriesInterval(Duration.ofSeconds(-1)).build())
                .isInstanceOf(MigrationConfigurationException.class)
                .hasMessageContaining("connectRetriesInterval (samokoder.migrations.connect-retries-interval)");
    }
}
