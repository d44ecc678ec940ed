package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Across processes on a file database with {@code AUTO_SERVER=TRUE}, when the process that opened the
 * database first (and so serves it to the others) holds the migration lock and exits after its run:
 * an engine here, waiting for the lock through that process's server, loses its session when the
 * server goes, and waits on a new connection (which opens the database itself), then finds nothing
 * to do.
 */
class H2ServerHostExitsTest {

    @Test
    void aWaiterWhoseServerExitsWaitsOnANewConnection(@TempDir Path dir) throws Exception {
        Path file = Path.of("target", "h2-host-" + UUID.randomUUID(), "db").toAbsolutePath();
        Rev.writeAll(dir, Rev.of("r1", "").message("Takes a few seconds in the child")
                .up("CREATE ALIAS IF NOT EXISTS SLEEP_MILLIS FOR 'java.lang.Thread.sleep(long)';\n"
                        + "CALL SLEEP_MILLIS(6000);\nCREATE TABLE made_by_r1 (id INT);")
                .down("DROP TABLE made_by_r1;"));
        JdbcDataSource ds = H2Db.autoServer(file);
        Process child = H2ChildMigrator.start(ds.getURL(), "filesystem:" + dir);
        ExecutorService threads = Executors.newSingleThreadExecutor();
        try {
            // The child opens the database first and serves it; connect only once it has.
            Path lockFile = file.resolveSibling("db.lock.db");
            for (int i = 0; i < 600 && !Files.exists(lockFile); i++) {
                Thread.sleep(50);
            }
            assertThat(lockFile).as("the child opened the database").exists();
            boolean childHolds = false;
            for (int i = 0; i < 600 && !childHolds && child.isAlive(); i++) {
                childHolds = Db.count(ds, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.LOCKS"
                        + " WHERE TABLE_NAME = 'alembic_version_lock'") > 0;
                Thread.sleep(50);
            }
            assertThat(childHolds).as("the child holds the migration lock").isTrue();

            Future<MigrationResult> here = threads.submit(() -> new Migrations(H2Db.config(ds, dir)
                    .lockWaitTimeout(Duration.ofSeconds(60)).build()).upgrade("heads"));
            Thread.sleep(1000);
            assertThat(here.isDone()).as("the engine here waits for the child's lock").isFalse();
            assertThat(child.isAlive()).as("the child still migrates").isTrue();

            MigrationResult result = here.get(60, TimeUnit.SECONDS);
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as("the child migrated").isZero();
            assertThat(result.steps()).as("the child ran r1").isEmpty();
            assertThat(H2Db.versionRows(ds)).containsExactly("r1");
        } finally {
            threads.shutdownNow();
            child.destroyForcibly();
        }
    }
}
