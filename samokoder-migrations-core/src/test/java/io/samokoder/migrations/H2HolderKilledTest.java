package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Across processes on a file database with {@code AUTO_SERVER=TRUE}: this process opens it (and so
 * serves it), a child JVM connects through that server and holds the migration lock inside a revision
 * that waits for a row this test keeps locked; an engine here waits for the lock, the child is killed
 * with SIGKILL, and the engine then takes the lock and runs the revision itself.
 */
class H2HolderKilledTest {

    @Test
    void anEngineTakesTheLockAfterTheChildHoldingItIsKilled(@TempDir Path dir) throws Exception {
        Path file = Path.of("target", "h2-lock-" + UUID.randomUUID(), "db").toAbsolutePath();
        JdbcDataSource ds = H2Db.autoServer(file);
        Rev.writeAll(dir, Rev.of("r1", "").message("Waits for the blocker row when run by the child")
                .up("UPDATE blocker SET n = 1;\nCREATE TABLE made_by_r1 (id INT);")
                .down("DROP TABLE made_by_r1;"));
        ExecutorService threads = Executors.newSingleThreadExecutor();
        try (Connection blocker = ds.getConnection()) {
            Db.exec(ds, "CREATE TABLE blocker (n INT)", "INSERT INTO blocker VALUES (0)");
            blocker.setAutoCommit(false);
            int blockerSession;
            try (Statement st = blocker.createStatement()) {
                st.execute("UPDATE blocker SET n = 100");
                try (ResultSet rs = st.executeQuery("SELECT SESSION_ID()")) {
                    rs.next();
                    blockerSession = rs.getInt(1);
                }
            }

            Process child = H2ChildMigrator.start(ds.getURL(), "filesystem:" + dir);
            Future<MigrationResult> parent;
            try {
                boolean childWaits = false;
                for (int i = 0; i < 600 && !childWaits; i++) {
                    childWaits = waitingOn(ds, blockerSession);
                    Thread.sleep(50);
                }
                assertThat(childWaits).as("the child runs r1 under the lock, waiting for the blocker row").isTrue();
                assertThat(Db.count(ds, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS"
                        + " WHERE CLIENT_ADDR IS NOT NULL")).as("the child connects through the server").isPositive();

                // Read without the lock from this process: r1's running row belongs to the child's live run.
                ValidationResult whileRunning = new Migrations(H2Db.config(ds, dir).build()).validate("heads");
                assertThat(whileRunning.partial()).as("r1 is being applied by the child, which holds the lock")
                        .isEmpty();
                assertThat(whileRunning.pending()).containsExactly("r1");

                parent = threads.submit(() -> new Migrations(H2Db.config(ds, dir)
                        .lockWaitTimeout(Duration.ofSeconds(60)).lockTimeout(Duration.ofSeconds(30)).build())
                        .upgrade("heads"));
                Thread.sleep(1000);
                assertThat(parent.isDone()).as("the engine here waits for the child's lock").isFalse();
            } finally {
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            blocker.rollback();

            // The engine here takes the lock once the child is gone, and finds r1 started by a run that never
            // finished: on a database whose DDL commits by itself, it refuses to run r1 again on its own.
            assertThatThrownBy(() -> parent.get(60, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(PartialRevisionException.class)
                    .hasMessageContaining("Revision r1 (filesystem:")
                    .hasMessageContaining("its upgrade was started by a run that ended");
            assertThat(H2Db.versionRows(ds)).isEmpty();

            // Once the user has made it safe to repeat (r1's UPDATE is), a retry runs it.
            MigrationResult result = new Migrations(H2Db.config(ds, dir).retryPartial(true).build()).upgrade("heads");

            assertThat(result.steps()).extracting(StepResult::revision).containsExactly("r1");
            assertThat(H2Db.versionRows(ds)).containsExactly("r1");
            assertThat(Db.strings(ds, "SELECT n FROM blocker")).containsExactly("1");
            assertThat(H2Db.tableExists(ds, "MADE_BY_R1")).isTrue();
            assertThat(Db.strings(ds, "SELECT revision || ' ' || outcome FROM \"samokoder_migrations_log\""
                    + " ORDER BY id")).endsWith("r1 success");
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Whether one session waits for the given one. H2 can fail to list its sessions while another one opens or
     * closes (a general error, an internal NullPointerException): that probe then counts as not yet.
     */
    private static boolean waitingOn(DataSource ds, int session) {
        try {
            return Db.count(ds, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID = " + session) == 1;
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SQLException sql && sql.getErrorCode() == ErrorCode.GENERAL_ERROR_1) {
                return false;
            }
            throw e;
        }
    }
}
