package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.samokoder.migrations.testsupport.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The timeouts on MariaDB: {@code lock_wait_timeout} ends a wait for a table's metadata lock (and the
 * revision is retried, having changed nothing), {@code max_statement_time} ends a long statement.
 */
class MariaDbTimeoutsTest {

    @Test
    void aMetadataLockWaitRunsOutAndIsRetriedThenReported(@TempDir Path dir) throws Exception {
        Rev.writeAll(dir, Rev.of("t1", "").header("Lock Timeout", "1s")
                .up("ALTER TABLE busy ADD COLUMN note TEXT;").down("ALTER TABLE busy DROP COLUMN note;"));
        try (TestDatabase db = MariaDb.fresh("mdl")) {
            DataSource ds = db.dataSource();
            MariaDb.exec(ds, "CREATE TABLE busy (id INT PRIMARY KEY)", "INSERT INTO busy VALUES (1)");
            try (Connection reader = ds.getConnection(); Statement st = reader.createStatement()) {
                reader.setAutoCommit(false);
                st.executeQuery("SELECT * FROM busy").close();

                long start = System.nanoTime();
                MigrationExecutionException e = catchThrowableOfType(MigrationExecutionException.class,
                        () -> new Migrations(MariaDb.config(ds, dir).lockRetries(1).build()).upgrade("heads"));
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                assertThat(e.getMessage()).contains("Revision t1 failed at statement 1", "Lock wait timeout exceeded")
                        .contains("none of its statements had completed, so nothing was changed");
                assertThat(took).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(15));
                reader.rollback();
            }
            assertThat(MariaDb.versionRows(ds)).isEmpty();
            assertThat(MariaDb.strings(ds, "SELECT revision, outcome, LEFT(error, 8) FROM samokoder_migrations_log"))
                    .containsExactly("t1|failed|Revision");
            assertThat(new Migrations(MariaDb.config(ds, dir).build()).upgrade("heads").steps()).hasSize(1);
        }
    }

    @Test
    void aLongStatementRunsOutOfMaxStatementTime(@TempDir Path dir) {
        Rev.writeAll(dir, Rev.of("s1", "").header("Statement Timeout", "500ms").up("SELECT SLEEP(5) FROM DUAL;")
                .down("SELECT 1;"));
        try (TestDatabase db = MariaDb.fresh("mst")) {
            DataSource ds = db.dataSource();
            long start = System.nanoTime();
            MigrationExecutionException e = catchThrowableOfType(MigrationExecutionException.class,
                    () -> new Migrations(MariaDb.config(ds, dir).build()).upgrade("heads"));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            assertThat(e.getMessage()).contains("Revision s1 failed at statement 1", "max_statement_time");
            assertThat(MariaDb.versionRows(ds)).isEmpty();
        }
    }
}
