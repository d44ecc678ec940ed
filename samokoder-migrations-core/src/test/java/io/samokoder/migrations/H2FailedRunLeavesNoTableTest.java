package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.graph.RevisionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * On H2 the migration lock is a row of a table ({@code alembic_version_lock}) created when missing. A run that
 * fails before it creates anything else (a target that does not resolve, a refused option) drops that table
 * again when it releases the lock, so bad input leaves a new database as it was, as on PostgreSQL and
 * MariaDB; waiting instances, in this process or another, go on waiting on a new lock table.
 */
class H2FailedRunLeavesNoTableTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        this.threads.shutdownNow();
    }

    private static List<String> tables(DataSource ds) {
        return Db.strings(ds, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"
                + " ORDER BY TABLE_NAME");
    }

    private static void writeRevisions(Path dir) {
        Rev.writeAll(dir, Rev.of("r1", "").up("CREATE TABLE t1 (id INT);").down("DROP TABLE t1;"),
                Rev.of("r2", "r1").up("INSERT INTO t1 VALUES (2);").down("DELETE FROM t1;"));
    }

    @Test
    void aTargetThatDoesNotResolveLeavesANewDatabaseWithoutTables(@TempDir Path dir) {
        writeRevisions(dir);
        DataSource ds = H2Db.memory();
        Migrations migrations = new Migrations(H2Db.config(ds, dir).build());
        List<ThrowingConsumer<Migrations>> badRuns = List.of(m -> m.upgrade("nosuchrev"),
                m -> m.downgrade("nosuchrev"), m -> m.stamp(List.of("nosuchrev"), false), m -> m.upgrade("r1+5"));

        for (ThrowingConsumer<Migrations> badRun : badRuns) {
            assertThatThrownBy(() -> badRun.accept(migrations)).isInstanceOf(RevisionException.class);
            assertThat(tables(ds)).as("no table left behind").isEmpty();
        }

        assertThat(migrations.upgrade("heads").steps()).extracting(StepResult::revision).containsExactly("r1", "r2");
        assertThat(tables(ds)).contains("alembic_version", "alembic_version_lock", "samokoder_migrations_log");
    }

    @Test
    void aRefusedOptionLeavesANewDatabaseWithoutTables(@TempDir Path dir) {
        writeRevisions(dir);
        DataSource ds = H2Db.memory();

        assertThatThrownBy(() -> new Migrations(H2Db.config(ds, dir).transactionMode(TransactionMode.SINGLE).build())
                .upgrade("heads")).isInstanceOf(MigrationException.class).hasMessageContaining("single");

        assertThat(tables(ds)).isEmpty();
    }

    @Test
    void onADatabaseWithAVersionTableTheLockTableStays(@TempDir Path dir) {
        writeRevisions(dir);
        DataSource ds = H2Db.memory();
        Migrations migrations = new Migrations(H2Db.config(ds, dir).build());
        migrations.upgrade("r1");
        List<String> before = tables(ds);

        assertThatThrownBy(() -> migrations.upgrade("nosuchrev")).isInstanceOf(RevisionException.class);
        assertThat(tables(ds)).isEqualTo(before).contains("alembic_version_lock");

        // A lock table the run did not create stays too, even on a database without a version table.
        Db.exec(ds, "DROP TABLE \"alembic_version\"", "DROP TABLE \"samokoder_migrations_log\"",
                "DROP TABLE t1");
        List<String> lockOnly = tables(ds);
        assertThatThrownBy(() -> migrations.upgrade("nosuchrev")).isInstanceOf(RevisionException.class);
        assertThat(tables(ds)).isEqualTo(lockOnly);
    }

    @Test
    void instancesWaitingForAFailingRunTakeTheLockInTurnAndRunEachRevisionOnce(@TempDir Path dir) throws Exception {
        writeRevisions(dir);
        DataSource ds = H2Db.memory();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> failing = this.threads.submit(() -> new Migrations(H2Db.config(ds, dir)
                .listener(pauseOnLock(holding, release)).build()).upgrade("nosuchrev"));
        assertThat(holding.await(30, TimeUnit.SECONDS)).as("the failing run holds the lock").isTrue();
        assertThat(tables(ds)).containsExactly("alembic_version_lock");

        MigrationsConfig config = H2Db.config(ds, dir).lockWaitTimeout(Duration.ofSeconds(60)).build();
        CyclicBarrier together = new CyclicBarrier(4);
        List<Future<MigrationResult>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(this.threads.submit(() -> {
                together.await();
                return new Migrations(config).upgrade("heads");
            }));
        }
        Thread.sleep(700);
        assertThat(runs).as("they wait for the failing run").noneMatch(Future::isDone);

        release.countDown();

        assertThatThrownBy(() -> failing.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(RevisionException.class);
        int steps = 0;
        for (Future<MigrationResult> run : runs) {
            steps += run.get(60, TimeUnit.SECONDS).steps().size();
        }
        assertThat(steps).isEqualTo(2);
        assertThat(H2Db.versionRows(ds)).containsExactly("r2");
        assertThat(Db.count(ds, "SELECT COUNT(*) FROM t1")).isEqualTo(1);
        assertThat(Db.count(ds, "SELECT COUNT(*) FROM \"alembic_version_lock\"")).isEqualTo(1);
    }

    @Test
    void anotherProcessWaitingForAFailingRunTakesTheLockAfterIt(@TempDir Path dir) throws Exception {
        Rev.writeAll(dir, Rev.of("r1", "").up("CREATE TABLE made_by_r1 (id INT);").down("DROP TABLE made_by_r1;"));
        Path file = Path.of("target", "h2-failed-" + UUID.randomUUID(), "db").toAbsolutePath();
        JdbcDataSource ds = H2Db.autoServer(file);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> failing = this.threads.submit(() -> new Migrations(H2Db.config(ds, dir)
                .listener(pauseOnLock(holding, release)).build()).upgrade("nosuchrev"));
        assertThat(holding.await(30, TimeUnit.SECONDS)).as("the failing run holds the lock").isTrue();
        assertThat(Files.exists(file.resolveSibling("db.lock.db"))).as("this process serves the database").isTrue();

        Process child = H2ChildMigrator.start(ds.getURL(), "filesystem:" + dir);
        try {
            boolean childWaits = false;
            for (int i = 0; i < 600 && !childWaits && child.isAlive(); i++) {
                // The child's session rolls back an attempt on the lock table every few hundred ms at most.
                childWaits = Db.count(ds, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS"
                        + " WHERE CLIENT_ADDR IS NOT NULL") > 0;
                Thread.sleep(50);
            }
            assertThat(childWaits).as("the child connects through this process's server").isTrue();
            Thread.sleep(1000);
            assertThat(child.isAlive()).as("the child waits for the lock").isTrue();

            release.countDown();

            assertThatThrownBy(() -> failing.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(RevisionException.class);
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as("the child migrated").isZero();
        } finally {
            child.destroyForcibly();
        }
        assertThat(H2Db.versionRows(ds)).containsExactly("r1");
        assertThat(H2Db.tableExists(ds, "MADE_BY_R1")).isTrue();
        assertThat(Db.count(ds, "SELECT COUNT(*) FROM \"alembic_version_lock\"")).isEqualTo(1);
    }

    /** A listener that holds the run, and so the lock, until released. */
    private static MigrationListener pauseOnLock(CountDownLatch holding, CountDownLatch release) {
        return new MigrationListener() {
            @Override
            public void lockAcquired(Duration waited) {
                holding.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }
}
