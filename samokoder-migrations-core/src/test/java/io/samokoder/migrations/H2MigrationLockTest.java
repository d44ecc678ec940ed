package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.samokoder.migrations.dialect.LockSql;
import io.samokoder.migrations.dialect.h2.H2Dialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2's migration lock across connections of one process: a second engine waits for the first and
 * then finds nothing to do, a bounded wait names the holder, and closing the holder's connection
 * frees the lock.
 */
class H2MigrationLockTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        H2Pause.release();
        this.threads.shutdownNow();
    }

    private static DataSource databaseWithPause(Path dir) {
        H2Pause.reset();
        DataSource ds = H2Db.memory();
        Db.exec(ds, "CREATE ALIAS PAUSE FOR '" + H2Pause.class.getName() + ".pause'");
        Rev.writeAll(dir, Rev.of("r1", "").up("CREATE TABLE t1 (id INT);\nCALL PAUSE();").down("DROP TABLE t1;"));
        return ds;
    }

    @Test
    void aSecondEngineWaitsForTheFirstAndThenHasNothingToDo(@TempDir Path dir) throws Exception {
        DataSource ds = databaseWithPause(dir);
        MigrationsConfig config = H2Db.config(ds, dir).lockWaitTimeout(Duration.ofSeconds(30)).build();

        Future<MigrationResult> first = this.threads.submit(() -> new Migrations(config).upgrade("heads"));
        assertThat(H2Pause.awaitEntered(30)).as("the first engine runs r1").isTrue();
        Future<MigrationResult> second = this.threads.submit(() -> new Migrations(config).upgrade("heads"));
        Thread.sleep(700);
        assertThat(second.isDone()).as("the second engine waits for the lock").isFalse();

        H2Pause.release();

        assertThat(first.get(30, TimeUnit.SECONDS).steps()).extracting(StepResult::revision).containsExactly("r1");
        MigrationResult waited = second.get(30, TimeUnit.SECONDS);
        assertThat(waited.steps()).isEmpty();
        assertThat(waited.lockWait()).as("it waited for the first").isGreaterThan(Duration.ofMillis(200));
        assertThat(H2Db.versionRows(ds)).containsExactly("r1");
        assertThat(Db.count(ds, "SELECT COUNT(*) FROM \"samokoder_migrations_log\"")).isEqualTo(1);
    }

    @Test
    void aBoundedWaitNamesTheHolderAndTheLockIsFreedWhenItsConnectionCloses(@TempDir Path dir) throws Exception {
        DataSource ds = H2Db.memory();
        Rev.writeAll(dir, Rev.of("r1", "").up("CREATE TABLE t1 (id INT);").down("DROP TABLE t1;"));
        MigrationsConfig config = H2Db.config(ds, dir).lockWaitTimeout(Duration.ofMillis(400)).build();
        LockSql lock = H2Dialect.INSTANCE.lock();
        long key = lock.lockKey("PUBLIC", "alembic_version");

        Connection holder = ds.getConnection();
        int holderSession = takeLock(holder, lock, key);

        LockTimeoutException timeout = catchThrowableOfType(LockTimeoutException.class,
                () -> new Migrations(config).upgrade("heads"));

        assertThat(timeout).isNotNull();
        assertThat(timeout.holderPid()).isEqualTo(holderSession);
        assertThat(timeout.getMessage()).contains("waiting for the migration lock (row " + key
                + " of PUBLIC.alembic_version_lock)", "held by pid " + holderSession, "'H2 user SA'",
                "session since");
        assertThat(Db.count(ds, "SELECT COUNT(*) FROM \"alembic_version_lock\"")).isEqualTo(1);

        holder.close();

        MigrationResult result = new Migrations(config).upgrade("heads");
        assertThat(result.steps()).extracting(StepResult::revision).containsExactly("r1");
        assertThat(H2Db.versionRows(ds)).containsExactly("r1");
    }

    @Test
    void theLockIsFreeAgainAfterARunAndAFailedRun(@TempDir Path dir) throws Exception {
        DataSource ds = H2Db.memory();
        Rev.writeAll(dir, Rev.of("r1", "").up("CREATE TABLE t1 (id INT);").down("DROP TABLE t1;"),
                Rev.of("r2", "r1").up("INSERT INTO missing_table VALUES (1);").down("SELECT 1;"));
        MigrationsConfig config = H2Db.config(ds, dir).lockWaitTimeout(Duration.ofMillis(200)).build();
        Migrations migrations = new Migrations(config);

        migrations.upgrade("r1");
        catchThrowableOfType(MigrationExecutionException.class, () -> migrations.upgrade("heads"));

        try (Connection other = ds.getConnection()) {
            LockSql lock = H2Dialect.INSTANCE.lock();
            assertThat(takeLock(other, lock, lock.lockKey("PUBLIC", "alembic_version"))).isPositive();
            other.rollback();
        }
        assertThat(migrations.downgrade("base").steps()).extracting(StepResult::revision).containsExactly("r1");
    }

    @Test
    void enginesStartingTogetherOnAFreshDatabaseRunEachRevisionOnce(@TempDir Path dir) throws Exception {
        DataSource ds = H2Db.memory();
        Rev.writeAll(dir, Rev.of("r1", "").up("CREATE TABLE t1 (id INT);").down("DROP TABLE t1;"),
                Rev.of("r2", "r1").up("INSERT INTO t1 VALUES (2);").down("DELETE FROM t1;"));
        MigrationsConfig config = H2Db.config(ds, dir).lockWaitTimeout(Duration.ofSeconds(30)).build();
        int steps = 0;
        for (MigrationResult result : upgradeTogether(config, 6)) {
            steps += result.steps().size();
        }
        assertThat(steps).isEqualTo(2);
        assertThat(H2Db.versionRows(ds)).containsExactly("r2");
        assertThat(Db.count(ds, "SELECT COUNT(*) FROM t1")).isEqualTo(1);
        assertThat(Db.count(ds, "SELECT COUNT(*) FROM \"alembic_version_lock\"")).isEqualTo(1);
    }

    @Test
    void enginesStartingTogetherOnAHalfMigratedDatabaseRunEachRevisionOnce(@TempDir Path dir) throws Exception {
        DataSource ds = H2Db.memory();
        Rev.writeAll(dir, Rev.of("r1", "").up("CREATE TABLE t1 (id INT);").down("DROP TABLE t1;"),
                Rev.of("r2", "r1").up("INSERT INTO t1 VALUES (2);").down("DELETE FROM t1;"),
                Rev.of("r3", "r2").up("INSERT INTO t1 VALUES (3);").down("DELETE FROM t1 WHERE id = 3;"));
        MigrationsConfig config = H2Db.config(ds, dir).lockWaitTimeout(Duration.ofSeconds(30)).build();
        new Migrations(config).upgrade("r1");
        List<String> ran = new ArrayList<>();
        for (MigrationResult result : upgradeTogether(config, 6)) {
            assertThat(result.rowsAfter()).containsExactly("r3");
            result.steps().forEach((step) -> ran.add(step.revision()));
        }
        // Each engine read the rows again under the lock: r2 and r3 ran once in all, r1 not again.
        assertThat(ran).containsExactlyInAnyOrder("r2", "r3");
        assertThat(H2Db.versionRows(ds)).containsExactly("r3");
        assertThat(Db.strings(ds, "SELECT id FROM t1 ORDER BY id")).containsExactly("2", "3");
    }

    /** The results of {@code engines} engines, each on a thread of its own, upgrading to the heads at once. */
    private List<MigrationResult> upgradeTogether(MigrationsConfig config, int engines) throws Exception {
        CyclicBarrier together = new CyclicBarrier(engines);
        List<Future<MigrationResult>> runs = new ArrayList<>();
        for (int i = 0; i < engines; i++) {
            runs.add(this.threads.submit(() -> {
                together.await();
                return new Migrations(config).upgrade("heads");
            }));
        }
        List<MigrationResult> results = new ArrayList<>();
        for (Future<MigrationResult> run : runs) {
            results.add(run.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    /** Takes the lock as MigrationLock does, on a connection left in an open transaction; returns its session id. */
    static int takeLock(Connection connection, LockSql lock, long key) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String sql : lock.prepareStatements("PUBLIC", "alembic_version", key)) {
                st.execute(sql);
            }
        }
        connection.setAutoCommit(false);
        try (PreparedStatement ps = connection.prepareStatement(lock.tryLockQuery("PUBLIC", "alembic_version"))) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next() && rs.getBoolean(1)).as("the lock was free").isTrue();
            }
        }
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT SESSION_ID()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
