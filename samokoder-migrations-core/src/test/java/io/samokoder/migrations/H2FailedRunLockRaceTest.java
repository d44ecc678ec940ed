package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failing first run on H2 releases the row lock (rollback) and only then drops the lock table it created. A
 * waiter can take the row in between (here a pause after the rollback makes it certain): the table is left to
 * the new holder, whether it still holds the row or has migrated and let it go, and with {@code LOCK_MODE=0},
 * where H2 takes no table locks and the drop could not tell, it is not tried. Never two holders at once.
 */
class H2FailedRunLockRaceTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        this.threads.shutdownNow();
    }

    /** A data source whose connections pause after rollback() once armed. */
    static DataSource pausingAfterRollback(DataSource target, AtomicBoolean armed, long millis) {
        return new DataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                Connection c = target.getConnection();
                return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                            try {
                                Object r = method.invoke(c, args);
                                if (method.getName().equals("rollback") && armed.get()) {
                                    Thread.sleep(millis);
                                }
                                return r;
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
            @Override public Connection getConnection(String u, String p) { throw new UnsupportedOperationException(); }
            @Override public PrintWriter getLogWriter() { return null; }
            @Override public void setLogWriter(PrintWriter out) { }
            @Override public void setLoginTimeout(int seconds) { }
            @Override public int getLoginTimeout() { return 0; }
            @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException {
                throw new SQLFeatureNotSupportedException();
            }
            @Override public <T> T unwrap(Class<T> iface) { throw new UnsupportedOperationException(); }
            @Override public boolean isWrapperFor(Class<?> iface) { return false; }
        };
    }

    private final AtomicInteger holders = new AtomicInteger();
    private final AtomicInteger maxHolders = new AtomicInteger();

    private MigrationListener holdFor(long millis, CountDownLatch took) {
        return new MigrationListener() {
            @Override
            public void lockAcquired(Duration waited) {
                int now = holders.incrementAndGet();
                maxHolders.accumulateAndGet(now, Math::max);
                took.countDown();
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                holders.decrementAndGet();
            }
        };
    }

    /**
     * Starts a run that takes the lock (creating its table) and fails ("nosuchrev"), holding the lock until
     * {@code release}, then pausing {@code pauseMillis} after each rollback; returns once it holds the lock.
     */
    private Future<?> failingRun(DataSource ds, Path dir, long pauseMillis, CountDownLatch release)
            throws InterruptedException {
        AtomicBoolean armed = new AtomicBoolean();
        CountDownLatch holds = new CountDownLatch(1);
        Future<?> failing = this.threads.submit(() -> new Migrations(H2Db.config(
                pausingAfterRollback(ds, armed, pauseMillis), dir).listener(new MigrationListener() {
                    @Override
                    public void lockAcquired(Duration waited) {
                        holds.countDown();
                        try {
                            release.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        armed.set(true);
                    }
                }).build()).upgrade("nosuchrev"));
        assertThat(holds.await(30, TimeUnit.SECONDS)).isTrue();
        return failing;
    }

    long run(Path dir, String urlSuffix) throws Exception {
        Rev.writeAll(dir, Rev.of("r1", "").up("CREATE TABLE t1 (id INT);").down("DROP TABLE t1;"));
        JdbcDataSource ds = H2Db.url("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + urlSuffix);
        CountDownLatch aRelease = new CountDownLatch(1);
        Future<?> failing = failingRun(ds, dir, 500, aRelease);
        CountDownLatch bTook = new CountDownLatch(1);
        Future<MigrationResult> b = this.threads.submit(() -> new Migrations(H2Db.config(ds, dir)
                .lockWaitTimeout(Duration.ofSeconds(60)).listener(holdFor(4000, bTook)).build()).upgrade("heads"));
        Thread.sleep(300);
        CountDownLatch cTook = new CountDownLatch(1);
        Future<MigrationResult> c = this.threads.submit(() -> new Migrations(H2Db.config(ds, dir)
                .lockWaitTimeout(Duration.ofSeconds(60)).listener(holdFor(100, cTook)).build()).upgrade("heads"));
        Thread.sleep(300);
        long t0 = System.nanoTime();
        aRelease.countDown();
        assertThatThrownBy(() -> failing.get(60, TimeUnit.SECONDS)).hasRootCauseInstanceOf(Exception.class);
        long aMillis = (System.nanoTime() - t0) / 1_000_000;
        int steps = b.get(60, TimeUnit.SECONDS).steps().size() + c.get(60, TimeUnit.SECONDS).steps().size();
        assertThat(steps).as("r1 runs once").isEqualTo(1);
        return aMillis;
    }

    @Test
    void aFailedRunDoesNotWaitOutTheRunThatTookTheLockBeforeItsDrop(@TempDir Path dir) throws Exception {
        long ms = run(dir, ";LOCK_TIMEOUT=10000");
        assertThat(maxHolders.get()).isEqualTo(1);
        assertThat(ms).as("the failed run's release waits a moment, not the new holder's 4 s run").isLessThan(2000);
    }

    @Test
    void aRunThatTookTheLockAndFinishedBeforeTheDropKeepsTheTable(@TempDir Path dir) throws Exception {
        Rev.writeAll(dir, Rev.of("r1", "").up("CREATE TABLE t1 (id INT);").down("DROP TABLE t1;"));
        JdbcDataSource ds = H2Db.url("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        CountDownLatch aRelease = new CountDownLatch(1);
        // After its release the failing run pauses 2 s, long enough for the waiter to take the lock, migrate and
        // let it go before the failing run comes to drop the table that its lock created.
        Future<?> failing = failingRun(ds, dir, 2000, aRelease);
        CountDownLatch bTook = new CountDownLatch(1);
        Future<MigrationResult> b = this.threads.submit(() -> new Migrations(H2Db.config(ds, dir)
                .lockWaitTimeout(Duration.ofSeconds(60)).listener(holdFor(0, bTook)).build()).upgrade("heads"));
        Thread.sleep(300);
        aRelease.countDown();

        assertThat(b.get(60, TimeUnit.SECONDS).steps()).extracting(StepResult::revision).containsExactly("r1");
        assertThatThrownBy(() -> failing.get(60, TimeUnit.SECONDS)).hasRootCauseInstanceOf(Exception.class);
        assertThat(H2Db.versionRows(ds)).containsExactly("r1");
        assertThat(Db.count(ds, "SELECT COUNT(*) FROM \"alembic_version_lock\""))
                .as("the lock's table, which the run that migrated uses").isEqualTo(1);
    }

    @Test
    void withoutTableLocksTheDropIsNotTriedAndNoTwoInstancesHoldTheLock(@TempDir Path dir) throws Exception {
        run(dir, ";LOCK_MODE=0");
        assertThat(maxHolders.get()).as("two instances held the migration lock at once").isEqualTo(1);
    }
}
