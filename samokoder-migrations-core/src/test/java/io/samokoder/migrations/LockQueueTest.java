package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.Revision;
import io.samokoder.migrations.ops.Operations;
import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long reader holds a table; a revision that ALTERs it gives up after its retries, within about
 * lock_timeout × attempts, and meanwhile other readers of the table are never queued behind the
 * ALTER for longer than lock_timeout.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class LockQueueTest {

    private static final Duration LOCK_TIMEOUT = Duration.ofMillis(300);

    private static Path scripts(Path dir, String lockTimeoutHeader) {
        Rev alter = Rev.of("r2", "r1").message("Add a note column").up("ALTER TABLE accounts ADD COLUMN note text;")
                .down("ALTER TABLE accounts DROP COLUMN note;");
        if (lockTimeoutHeader != null) {
            alter.header("Lock Timeout", lockTimeoutHeader);
        }
        return Rev.writeAll(dir, Rev.of("r1", "").up("CREATE TABLE accounts (id int);\n"
                + "INSERT INTO accounts VALUES (1), (2), (3);").down("DROP TABLE accounts;"), alter);
    }

    /** A listener that notes each step's start, finish and failure. */
    private static MigrationListener recording(List<String> events) {
        return new MigrationListener() {
            @Override
            public void stepStarting(PlannedStep step) {
                events.add("start " + step.revision());
            }

            @Override
            public void stepFinished(StepResult result) {
                events.add("finish " + result.revision());
            }

            @Override
            public void stepFailed(PlannedStep step, MigrationException error) {
                events.add("failed " + step.revision());
            }
        };
    }

    private static int pid(Connection c) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void alterGivesUpAfterRetriesAndReadersAreNotHeldLongerThanLockTimeout(TestDatabase db, @TempDir Path dir)
            throws Exception {
        DataSource ds = Db.schema(db, "queue");
        List<String> calls = new CopyOnWriteArrayList<>();
        Migrations migrations = new Migrations(Db.config(ds, scripts(dir, null)).lockTimeout(LOCK_TIMEOUT)
                .lockRetries(3).listener(recording(calls)).build());
        migrations.upgrade("r1");
        calls.clear();

        try (Connection longReader = ds.getConnection(); Connection reader = ds.getConnection()) {
            longReader.setAutoCommit(false);
            try (Statement st = longReader.createStatement()) {
                st.executeQuery("SELECT count(*) FROM accounts").close();
            }
            int longReaderPid = pid(longReader);

            long start = System.nanoTime();
            CompletableFuture<MigrationResult> upgrade = CompletableFuture.supplyAsync(() -> migrations.upgrade("heads"));
            long slowestRead = 0;
            try (Statement st = reader.createStatement()) {
                while (!upgrade.isDone()) {
                    long t = System.nanoTime();
                    st.executeQuery("SELECT count(*) FROM accounts").close();
                    slowestRead = Math.max(slowestRead, System.nanoTime() - t);
                    Thread.sleep(5);
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            Throwable failure = upgrade.handle((r, e) -> e).get(10, TimeUnit.SECONDS);

            assertThat(failure).isNotNull();
            MigrationExecutionException e = (MigrationExecutionException) failure.getCause();
            assertThat(e.sqlState()).isEqualTo("55P03");
            assertThat(e.revision()).isEqualTo("r2");
            assertThat(e.getMessage()).contains("lock_timeout (300ms) 4 times")
                    .contains("AccessExclusiveLock on table accounts").contains("held by pid " + longReaderPid)
                    .contains("unchanged at [r1]");
            // 4 attempts of 300 ms plus 100 + 200 + 400 ms of backoff, with generous slack for a busy machine.
            assertThat(took).isGreaterThanOrEqualTo(LOCK_TIMEOUT.multipliedBy(4)).isLessThan(Duration.ofSeconds(8));
            assertThat(Duration.ofNanos(slowestRead)).as("readers queued behind the ALTER")
                    .isGreaterThan(Duration.ofMillis(50)).isLessThan(LOCK_TIMEOUT.plusMillis(500));
            assertThat(migrations.current()).containsExactly("r1");
            assertThat(Db.strings(ds, "SELECT revision || ' ' || outcome FROM samokoder_migrations_log ORDER BY id"))
                    .containsExactly("r1 success", "r2 failed");
            // One announcement for the four attempts (a progress line each would repeat "Running upgrade").
            assertThat(calls).containsExactly("start r2", "failed r2");

            longReader.commit();
        }
        MigrationResult retried = migrations.upgrade("heads");
        assertThat(retried.steps()).extracting(StepResult::revision).containsExactly("r2");
        assertThat(retried.steps().get(0).attempts()).isEqualTo(1);
    }

    @Test
    void aStepOfOneTransactionFirstReachedOnARetryIsAnnouncedOnce(TestDatabase db, @TempDir Path dir)
            throws Exception {
        DataSource ds = Db.schema(db, "single_retry");
        Rev.writeAll(dir, Rev.of("a1", "").up("CREATE TABLE accounts (id int);").down("DROP TABLE accounts;"),
                Rev.of("b2", "a1").up("ALTER TABLE accounts ADD COLUMN note text;")
                        .down("ALTER TABLE accounts DROP COLUMN note;"),
                Rev.of("c3", "b2").up("CREATE TABLE other (id int);").down("DROP TABLE other;"));
        List<String> events = new CopyOnWriteArrayList<>();
        Migrations migrations = new Migrations(Db.config(ds, dir).transactionMode(TransactionMode.SINGLE)
                .lockTimeout(LOCK_TIMEOUT).lockRetries(3).listener(recording(events)).build());
        migrations.upgrade("a1");
        events.clear();
        try (Connection holder = ds.getConnection(); LoggedWarnings warnings = new LoggedWarnings()) {
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement()) {
                st.execute("LOCK TABLE accounts IN ACCESS SHARE MODE");
            }
            CompletableFuture<MigrationResult> upgrade = CompletableFuture.supplyAsync(() -> migrations.upgrade("heads"));
            // The first attempt stops at b2, before c3 is reached; the lock is released during its backoff.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (warnings.messages().stream().noneMatch((m) -> m.contains("could not get a lock"))) {
                assertThat(System.nanoTime()).as("a lock-timeout retry").isLessThan(deadline);
                Thread.sleep(5);
            }
            holder.rollback();
            assertThat(upgrade.get(20, TimeUnit.SECONDS).steps()).extracting(StepResult::attempts)
                    .hasSize(2).allSatisfy((attempts) -> assertThat(attempts).isGreaterThan(1));
        }
        assertThat(events).containsExactly("start b2", "start c3", "finish b2", "finish c3");
    }

    /** The ALTER of {@link #scripts} as a Java revision with a lock timeout of its own. */
    @Revision(id = "r2", revises = "r1", message = "Add a note column", lockTimeout = "150ms")
    static class M002_AddNote implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            op.execute("ALTER TABLE accounts ADD COLUMN note text");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("ALTER TABLE accounts DROP COLUMN note");
        }
    }

    @Test
    void theRevisionHeaderOverridesTheLockTimeout(TestDatabase db, @TempDir Path dir) throws Exception {
        DataSource ds = Db.schema(db, "header");
        failsAfterItsOwnLockTimeout(ds, new Migrations(Db.config(ds, scripts(dir, "150ms"))
                .lockTimeout(Duration.ofSeconds(30)).lockRetries(0).build()));
    }

    @Test
    void aJavaRevisionsLockTimeoutOverridesTheConfiguredOne(TestDatabase db, @TempDir Path dir) throws Exception {
        DataSource ds = Db.schema(db, "java_timeout");
        Path root = Rev.writeAll(dir, Rev.of("r1", "").up("CREATE TABLE accounts (id int);\n"
                + "INSERT INTO accounts VALUES (1), (2), (3);").down("DROP TABLE accounts;"));
        failsAfterItsOwnLockTimeout(ds, new Migrations(Db.config(ds, root).javaRevisions(new M002_AddNote())
                .lockTimeout(Duration.ofSeconds(30)).lockRetries(0).build()));
    }

    /** r2 waits behind a reader of its table for its own 150 ms, not the configured 30 s, and fails. */
    private static void failsAfterItsOwnLockTimeout(DataSource ds, Migrations migrations) throws Exception {
        migrations.upgrade("r1");
        try (Connection longReader = ds.getConnection()) {
            longReader.setAutoCommit(false);
            try (Statement st = longReader.createStatement()) {
                st.executeQuery("SELECT count(*) FROM accounts").close();
            }
            long start = System.nanoTime();
            MigrationExecutionException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                    MigrationExecutionException.class, () -> migrations.upgrade("heads"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(e.sqlState()).isEqualTo("55P03");
            assertThat(e.getMessage()).contains("lock_timeout (150ms) 1 time ");
            longReader.rollback();
        }
    }
}
