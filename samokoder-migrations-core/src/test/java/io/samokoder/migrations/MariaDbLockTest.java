package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.samokoder.migrations.dialect.mariadb.MariaDbDialect;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migration lock on MariaDB ({@code GET_LOCK}): several engines and JVMs starting together run
 * each revision once; a bounded wait names the holder; a killed holder's lock goes with its session,
 * and the revision it was running is not run again unasked.
 */
class MariaDbLockTest {

    private static final int THREADS = 6;
    private static final int PROCESSES = 2;

    private static Rev rev(String id, String revises) {
        return Rev.of(id, revises).up("CREATE TABLE t_" + id + " (id INT);\nINSERT INTO side_effect VALUES ('" + id
                + "');\nDO SLEEP(0.05);").down("DROP TABLE t_" + id + ";");
    }

    /** Runs {@code SELECT <call>, CONNECTION_ID()} with the key, checks the call's answer, returns the session's id. */
    private static int lockCall(Connection c, String call, long key, int expected) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + call + ", CONNECTION_ID()")) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(expected);
                return rs.getInt(2);
            }
        }
    }

    @Test
    void enginesAndProcessesStartingTogetherRunEachRevisionOnce(@TempDir Path dir) throws Exception {
        storm(dir, null);
    }

    /** The same on a database that one engine had taken part of the way: the others read its rows under the lock. */
    @Test
    void enginesAndProcessesStartingTogetherOnAHalfMigratedDatabaseRunEachRevisionOnce(@TempDir Path dir)
            throws Exception {
        storm(dir, "r2");
    }

    /**
     * 6 engines in threads and 2 in child processes upgrade one database to the heads at once, after one engine
     * took it to {@code firstTarget} (none: a new database); each revision runs once and every engine succeeds.
     */
    private static void storm(Path dir, String firstTarget) throws Exception {
        Rev.writeAll(dir, rev("r1", ""), rev("r2", "r1"), rev("b1", "r1").labels("side"), rev("m3", "r2, b1"),
                rev("r4", "m3"));
        try (TestDatabase db = MariaDb.fresh("storm")) {
            DataSource ds = db.dataSource();
            MariaDb.exec(ds, "CREATE TABLE side_effect (revision VARCHAR(32))");
            if (firstTarget != null) {
                new Migrations(MariaDb.config(ds, dir).build()).upgrade(firstTarget);
                assertThat(MariaDb.versionRows(ds)).containsExactly(firstTarget);
            }
            List<Process> processes = new ArrayList<>();
            for (int i = 0; i < PROCESSES; i++) {
                processes.add(MariaDbChildMigrator.start(db, "filesystem:" + dir, "heads"));
            }
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<MigrationResult>> runs = new ArrayList<>();
            try {
                for (int i = 0; i < THREADS; i++) {
                    runs.add(pool.submit(() -> {
                        start.await();
                        return new Migrations(MariaDb.config(ds, dir).build()).upgrade("heads");
                    }));
                }
                start.countDown();
                for (Future<MigrationResult> run : runs) {
                    assertThat(run.get(120, TimeUnit.SECONDS).rowsAfter()).containsExactly("r4");
                }
            } finally {
                pool.shutdownNow();
            }
            for (Process p : processes) {
                assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.exitValue()).as("child output: %s", out).isZero();
                assertThat(out).contains("DONE");
            }
            assertThat(MariaDb.strings(ds, "SELECT revision, count(*) FROM side_effect GROUP BY revision ORDER BY 1"))
                    .containsExactly("b1|1", "m3|1", "r1|1", "r2|1", "r4|1");
            assertThat(MariaDb.strings(ds, "SELECT revision, count(*) FROM samokoder_migrations_log"
                    + " WHERE direction = 'up' GROUP BY revision ORDER BY 1"))
                    .containsExactly("b1|1", "m3|1", "r1|1", "r2|1", "r4|1");
            assertThat(MariaDb.versionRows(ds)).containsExactly("r4");
        }
    }

    @Test
    void aBoundedWaitNamesTheHolder(@TempDir Path dir) throws Exception {
        Rev.writeAll(dir, rev("r1", ""));
        try (TestDatabase db = MariaDb.fresh("held")) {
            DataSource ds = db.dataSource();
            MariaDb.exec(ds, "CREATE TABLE side_effect (revision VARCHAR(32))");
            long key = MariaDbDialect.INSTANCE.lock().lockKey(db.name(), "alembic_version");
            try (Connection holder = ds.getConnection()) {
                int holderId = lockCall(holder, "GET_LOCK(CONCAT('samokoder:', ?), 0)", key, 1);
                Migrations waiting = new Migrations(MariaDb.config(ds, dir).lockWaitTimeout(Duration.ofMillis(300))
                        .build());

                LockTimeoutException e = catchThrowableOfType(LockTimeoutException.class,
                        () -> waiting.upgrade("heads"));

                assertThat(e.holderPid()).isEqualTo(holderId);
                assertThat(e.applicationName()).startsWith(db.user() + "@").contains(", Sleep for ");
                assertThat(e.getMessage()).contains("held by pid " + holderId)
                        .contains("if the holder is gone, end its session with KILL " + holderId + ")")
                        .contains("user lock 'samokoder:").contains(db.name() + ".alembic_version")
                        .contains("lockWaitTimeout");
                assertThat(MariaDb.tables(ds)).containsExactly("side_effect");
            }
            assertThat(new Migrations(MariaDb.config(ds, dir).build()).upgrade("heads").steps()).hasSize(1);
        }
    }

    @Test
    void anotherEngineTakesOverAfterTheHolderIsKilled(@TempDir Path dir) throws Exception {
        Rev.writeAll(dir,
                Rev.of("r1", "").up("INSERT INTO side_effect VALUES ('r1');").down("DELETE FROM side_effect;"),
                Rev.of("r2", "r1").message("Slow while doom has a row")
                        .up("SELECT SLEEP(300) FROM doom;\nCREATE TABLE made_by_r2 (id INT);\n"
                                + "INSERT INTO side_effect VALUES ('r2');")
                        .down("DROP TABLE made_by_r2;"),
                Rev.of("r3", "r2").up("INSERT INTO side_effect VALUES ('r3');").down("SELECT 1;"));
        try (TestDatabase db = MariaDb.fresh("killed")) {
            DataSource ds = db.dataSource();
            MariaDb.exec(ds, "CREATE TABLE side_effect (revision VARCHAR(32))", "CREATE TABLE doom (id INT)",
                    "INSERT INTO doom VALUES (1)");
            Process child = MariaDbChildMigrator.start(db, "filesystem:" + dir, "heads");
            try {
                boolean sleeping = false;
                for (int i = 0; i < 600 && !sleeping; i++) {
                    sleeping = MariaDb.count(ds, "SELECT count(*) FROM information_schema.PROCESSLIST WHERE DB = '"
                            + db.name() + "' AND INFO LIKE 'SELECT SLEEP(300)%'") == 1;
                    Thread.sleep(50);
                }
                assertThat(sleeping).as("the child reached the slow revision").isTrue();
                assertThat(MariaDb.versionRows(ds)).containsExactly("r1");
            } finally {
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            MariaDb.exec(ds, "DELETE FROM doom");

            // The lock went with the killed session: the next run is not kept waiting, but it refuses to run
            // r2 again, since how far r2 got is unknown.
            long start = System.nanoTime();
            PartialRevisionException refusal = catchThrowableOfType(PartialRevisionException.class,
                    () -> new Migrations(MariaDb.config(ds, dir).lockWaitTimeout(Duration.ofSeconds(60)).build())
                            .upgrade("heads"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
            assertThat(refusal.revision()).isEqualTo("r2");
            assertThat(refusal.applied()).isEqualTo(-1);
            assertThat(refusal.getMessage()).contains("its upgrade was started by a run that ended (its process"
                    + " stopped or lost its connection) before finishing or reporting it");

            // Nothing of r2 had been applied (it was killed in its first statement): a retry completes.
            MigrationResult result = new Migrations(MariaDb.config(ds, dir).retryPartial(true).build())
                    .upgrade("heads");

            assertThat(result.steps()).extracting(StepResult::revision).containsExactly("r2", "r3");
            assertThat(MariaDb.versionRows(ds)).containsExactly("r3");
            assertThat(MariaDb.strings(ds, "SELECT revision, count(*) FROM side_effect GROUP BY revision"
                    + " ORDER BY 1")).containsExactly("r1|1", "r2|1", "r3|1");
            assertThat(MariaDb.strings(ds, "SELECT revision, outcome FROM samokoder_migrations_log ORDER BY id"))
                    .containsExactly("r1|success", "r2|running", "r2|success", "r3|success");
        }
    }

    @Test
    void aSessionThatHoldsTheLockAlreadyIsRefusedAndKeepsItOnce(@TempDir Path dir) throws Exception {
        Rev.writeAll(dir, rev("r1", ""));
        try (TestDatabase db = MariaDb.fresh("shared")) {
            DataSource ds = db.dataSource();
            MariaDb.exec(ds, "CREATE TABLE side_effect (revision VARCHAR(32))");
            long key = MariaDbDialect.INSTANCE.lock().lockKey(db.name(), "alembic_version");
            try (Connection session = ds.getConnection()) {
                // Another client's run took the lock in this session, which a pooler now gives to this run.
                lockCall(session, "GET_LOCK(CONCAT('samokoder:', ?), 0)", key, 1);
                Migrations sharing = new Migrations(MariaDb.config(Db.shared(session), dir).build());

                SharedSessionException e = catchThrowableOfType(SharedSessionException.class,
                        () -> sharing.upgrade("heads"));

                assertThat(e.getMessage()).contains("holds the migration lock (user lock 'samokoder:" + key + "' for "
                        + db.name() + ".alembic_version) already").contains("Nothing was changed");
                assertThat(MariaDb.tables(ds)).containsExactly("side_effect");
                // Held once, as the other client took it: its own release at its end frees it.
                lockCall(session, "RELEASE_LOCK(CONCAT('samokoder:', ?))", key, 1);
                assertThat(MariaDb.count(ds, "SELECT COUNT(*) FROM DUAL WHERE IS_USED_LOCK('samokoder:" + key
                        + "') IS NOT NULL")).isZero();
            }
            assertThat(new Migrations(MariaDb.config(ds, dir).build()).upgrade("heads").steps()).hasSize(1);
        }
    }

    @Test
    void aRevisionThatReleasesTheSessionsLocksIsReportedWhenTheRunEnds(@TempDir Path dir) {
        Rev r1 = Rev.of("r1", "").up("CREATE TABLE accounts (id INT);").down("DROP TABLE accounts;");
        Rev.writeAll(dir, r1, Rev.of("r2", "r1").up("SELECT RELEASE_ALL_LOCKS();").down("SELECT 1;"));
        try (TestDatabase db = MariaDb.fresh("released"); LoggedWarnings warnings = new LoggedWarnings()) {
            DataSource ds = db.dataSource();
            new Migrations(MariaDb.config(ds, dir).build()).upgrade("r1");
            assertThat(warnings.messages()).as("a run that kept its lock").isEmpty();

            assertThat(new Migrations(MariaDb.config(ds, dir).build()).upgrade("heads").steps())
                    .extracting(StepResult::revision).containsExactly("r2");

            assertThat(warnings.messages()).singleElement().asString()
                    .contains("The migration lock (user lock 'samokoder:")
                    .contains("was no longer held by this run's session when the run ended: a revision's statement"
                            + " released it, or it reached another session; no session holds it now")
                    .contains("RELEASE_ALL_LOCKS()");
            assertThat(MariaDb.versionRows(ds)).containsExactly("r2");
        }
    }
}
