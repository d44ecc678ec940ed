package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A revision's lock timeout on H2 ({@code SET LOCK_TIMEOUT}, from its {@code Lock Timeout} header):
 * a row held by another session makes its statement fail fast, the failure is recognised as a lock
 * timeout and retried, and the revision goes through once the row is free.
 */
class H2LockTimeoutTest {

    private static void writeRevision(Path dir) {
        Rev.writeAll(dir, Rev.of("r1", "").header("Lock Timeout", "200ms")
                .up("UPDATE blocker SET n = n + 1;").down("UPDATE blocker SET n = n - 1;"));
    }

    private static Connection holdBlockerRow(DataSource ds) throws Exception {
        Db.exec(ds, "CREATE TABLE blocker (n INT)", "INSERT INTO blocker VALUES (0)");
        Connection holder = ds.getConnection();
        holder.setAutoCommit(false);
        try (Statement st = holder.createStatement()) {
            st.execute("UPDATE blocker SET n = 100");
        }
        return holder;
    }

    @Test
    void aRevisionThatCannotGetItsLockFailsAfterItsRetries(@TempDir Path dir) throws Exception {
        writeRevision(dir);
        DataSource ds = H2Db.memory();
        try (Connection holder = holdBlockerRow(ds)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> new Migrations(H2Db.config(ds, dir).lockRetries(1).build()).upgrade("heads"))
                    .isInstanceOf(MigrationExecutionException.class).hasMessageContaining("r1")
                    .hasMessageContaining("Timeout trying to lock table \"BLOCKER\"");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("two attempts of 200 ms, not H2's 2 s default")
                    .isLessThan(Duration.ofMillis(1900));
            holder.rollback();
        }
        assertThat(H2Db.versionRows(ds)).isEmpty();
        assertThat(Db.strings(ds, "SELECT n FROM blocker")).containsExactly("0");
    }

    @Test
    void aRetryGoesThroughOnceTheRowIsFree(@TempDir Path dir) throws Exception {
        writeRevision(dir);
        DataSource ds = H2Db.memory();
        ExecutorService threads = Executors.newSingleThreadExecutor();
        try (Connection holder = holdBlockerRow(ds)) {
            threads.submit(() -> {
                Thread.sleep(500);
                holder.rollback();
                return null;
            });
            MigrationResult result = new Migrations(H2Db.config(ds, dir).lockRetries(10).build()).upgrade("heads");

            assertThat(result.steps()).singleElement().satisfies(step -> {
                assertThat(step.revision()).isEqualTo("r1");
                assertThat(step.attempts()).isGreaterThan(1);
            });
        } finally {
            threads.shutdown();
            assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(H2Db.versionRows(ds)).containsExactly("r1");
        assertThat(Db.strings(ds, "SELECT n FROM blocker")).containsExactly("1");
    }
}
