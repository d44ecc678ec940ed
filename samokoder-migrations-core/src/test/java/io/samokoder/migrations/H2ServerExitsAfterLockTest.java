package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Across processes on a file database with {@code AUTO_SERVER=TRUE}: the run takes the lock through the
 * server of another process, which exits right after (found by {@code H2ServerHostExitsTest} in a CI run,
 * where the serving process released the lock and exited a moment later). The lock went with that server
 * before the run changed anything, so the run takes it again, on a connection that opens the database
 * itself, and migrates.
 */
class H2ServerExitsAfterLockTest {

    @Test
    void aLockLostWithItsServerBeforeAnyChangeIsTakenAgain(@TempDir Path dir) throws Exception {
        Path file = Path.of("target", "h2-exits-" + UUID.randomUUID(), "db").toAbsolutePath();
        Rev.writeAll(dir, Rev.of("r1", "").up("CREATE TABLE made_by_r1 (id INT);").down("DROP TABLE made_by_r1;"));
        JdbcDataSource ds = H2Db.autoServer(file);
        // A process that opens the database first, and so serves it to this one, and holds it open.
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), "org.h2.tools.Shell",
                "-url", ds.getURL(), "-user", "sa", "-password", "",
                "-sql", "CREATE ALIAS IF NOT EXISTS SLEEP_MILLIS FOR 'java.lang.Thread.sleep(long)';"
                        + " CALL SLEEP_MILLIS(120000)").redirectErrorStream(true).start();
        try {
            Path lockFile = file.resolveSibling("db.lock.db");
            for (int i = 0; i < 600 && !Files.exists(lockFile); i++) {
                Thread.sleep(50);
            }
            assertThat(lockFile).as("the other process opened the database").exists();
            List<Duration> acquired = new ArrayList<>();
            MigrationListener exitsOnce = new MigrationListener() {
                @Override
                public void lockAcquired(Duration waited) {
                    acquired.add(waited);
                    if (server.isAlive()) {
                        server.destroyForcibly();
                        try {
                            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }
            };

            MigrationResult result = new Migrations(H2Db.config(ds, dir).listener(exitsOnce).build()).upgrade("heads");

            assertThat(acquired).as("the lock taken through the other process's server, then again").hasSize(2);
            assertThat(result.steps()).extracting(StepResult::revision).containsExactly("r1");
            assertThat(H2Db.versionRows(ds)).containsExactly("r1");
        } finally {
            server.destroyForcibly();
        }
    }
}
