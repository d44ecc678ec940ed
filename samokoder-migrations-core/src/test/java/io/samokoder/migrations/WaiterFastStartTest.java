package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An instance that waited for the migration lock while another migrated asks the fast start's query again once it
 * holds the lock: when the other run was of the same build (it recorded these scripts as verified at the heads), the
 * waiter is done without reading a script; a waiter of another build takes the full path and applies what it has
 * more.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class WaiterFastStartTest {

    private static final Rev A = Rev.of("a1", "").up("CREATE TABLE t_first (id int);").down("DROP TABLE t_first;");
    private static final Rev B = Rev.of("b2", "a1").up("CREATE TABLE t_second (id int);")
            .down("DROP TABLE t_second;");
    private static final Rev C = Rev.of("c3", "b2").up("CREATE TABLE t_third (id int);").down("DROP TABLE t_third;");

    /** Holds the first step it sees until released. */
    private static final class HeldRun implements MigrationListener {
        final CountDownLatch inside = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void stepStarting(PlannedStep step) {
            this.inside.countDown();
            try {
                this.release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** upgrade("heads") of the scripts in the jar's {@code db/migrations}, as an instance of that build starts. */
    private static MigrationResult start(DataSource ds, Path jar, MigrationListener listener) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            return new Migrations(MigrationsConfig.builder().dataSource(ds).locations("classpath:db/migrations")
                    .classLoader(loader).listener(listener).build()).upgrade("heads");
        }
    }

    /**
     * Starts the holder, waits until it runs its first step, then starts the waiter and waits until it has found the
     * lock taken, releases the holder, and returns the waiter's result.
     */
    private static MigrationResult waitBehind(DataSource ds, Path holderJar, HeldRun holder, Path waiterJar,
            Runs waiter) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (LoggedWarnings log = new LoggedWarnings()) {
            Future<MigrationResult> first = pool.submit(() -> start(ds, holderJar, holder));
            assertThat(holder.inside.await(60, TimeUnit.SECONDS)).isTrue();
            Future<MigrationResult> second = pool.submit(() -> start(ds, waiterJar, waiter));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (log.messages(Level.INFO).stream().noneMatch(m -> m.startsWith("Waiting for the migration lock"))) {
                assertThat(System.nanoTime() - deadline).as("the waiter finds the lock taken").isNegative();
                Thread.sleep(5);
            }
            holder.release.countDown();
            assertThat(first.get(60, TimeUnit.SECONDS).steps()).extracting(StepResult::revision)
                    .containsExactly("a1", "b2", "c3");
            return second.get(60, TimeUnit.SECONDS);
        } finally {
            holder.release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aWaiterOfTheSameBuildReadsNoScriptOnceTheLockIsFree(TestDatabase db, @TempDir Path dir) throws Exception {
        DataSource ds = Db.schema(db, "waiter_same");
        Path jar = Rev.writeJar(dir.resolve("app.jar"), A, B, C);
        HeldRun holder = new HeldRun();
        Runs waiter = new Runs();

        MigrationResult waited;
        try (LoggedWarnings log = new LoggedWarnings()) {
            waited = waitBehind(ds, jar, holder, jar, waiter);
            assertThat(log.messages(Level.INFO)).anyMatch(m -> m.startsWith("Nothing to upgrade: database at c3")
                    && m.contains("; scripts unchanged since verified by the run it waited "));
        }

        assertThat(waiter.locks).as("it took the lock after waiting").isEqualTo(1);
        assertThat(waited.fastStart()).as("answered by the fast start's query, no script read").isTrue();
        assertThat(waited.steps()).isEmpty();
        assertThat(waited.rowsBefore()).containsExactly("c3");
        assertThat(waited.rowsAfter()).containsExactly("c3");
        assertThat(waited.lockWait()).isPositive();
        assertThat(waiter.results).containsExactly(waited);
        assertThat(Db.versionRows(ds)).containsExactly("c3");
        assertThat(Db.strings(ds, "SELECT count(*) FROM samokoder_migrations_log WHERE direction = 'up'"))
                .containsExactly("3");
    }

    /** The same on MariaDB (the lock of a session) and H2 (held in a transaction, the query on another connection). */
    @Test
    void onMariaDbAndH2AsWell(@TempDir Path dir) throws Exception {
        Path jar = Rev.writeJar(dir.resolve("app.jar"), A, B, C);
        try (TestDatabase maria = MariaDb.fresh("waiter")) {
            Runs waiter = new Runs();
            MigrationResult waited = waitBehind(maria.dataSource(), jar, new HeldRun(), jar, waiter);
            assertThat(waited.fastStart()).as("MariaDB").isTrue();
            assertThat(waited.steps()).isEmpty();
            assertThat(waiter.locks).isEqualTo(1);
            assertThat(MariaDb.versionRows(maria.dataSource())).containsExactly("c3");
        }
        DataSource h2 = H2Db.memory();
        Runs waiter = new Runs();
        MigrationResult waited = waitBehind(h2, jar, new HeldRun(), jar, waiter);
        assertThat(waited.fastStart()).as("H2").isTrue();
        assertThat(waited.steps()).isEmpty();
        assertThat(waiter.locks).isEqualTo(1);
        assertThat(H2Db.versionRows(h2)).containsExactly("c3");
    }

    @Test
    void aWaiterOfANewerBuildAppliesWhatItHasMore(TestDatabase db, @TempDir Path dir) throws Exception {
        DataSource ds = Db.schema(db, "waiter_newer");
        Path older = Rev.writeJar(dir.resolve("older.jar"), A, B, C);
        Path newer = Rev.writeJar(dir.resolve("newer.jar"), A, B, C,
                Rev.of("d4", "c3").up("CREATE TABLE t_fourth (id int);").down("DROP TABLE t_fourth;"));
        HeldRun holder = new HeldRun();
        Runs waiter = new Runs();

        MigrationResult waited = waitBehind(ds, older, holder, newer, waiter);

        assertThat(waited.fastStart()).isFalse();
        assertThat(waited.rowsBefore()).containsExactly("c3");
        assertThat(waited.steps()).extracting(StepResult::revision).containsExactly("d4");
        assertThat(Db.versionRows(ds)).containsExactly("d4");
    }
}
