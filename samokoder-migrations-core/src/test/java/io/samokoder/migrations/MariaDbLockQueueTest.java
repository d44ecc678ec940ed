package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.samokoder.migrations.testsupport.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MariaDB counterpart of {@link LockQueueTest}: a long reader's transaction holds a table's metadata
 * lock; a revision whose first statement ALTERs the table waits for it at most {@code lock_wait_timeout}
 * per attempt, is retried having changed nothing, then fails. Meanwhile other readers of the table, which
 * queue behind the waiting ALTER, are never held longer than that lock timeout.
 */
class MariaDbLockQueueTest {

    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(1);

    /** What a session's state reads while its statement waits in the metadata lock queue. */
    private static final String WAITING = "Waiting for table metadata lock";

    private static Path scripts(Path dir) {
        return Rev.writeAll(dir, Rev.of("r1", "").up("CREATE TABLE accounts (id INT);\n"
                + "INSERT INTO accounts VALUES (1), (2), (3);").down("DROP TABLE accounts;"),
                Rev.of("r2", "r1").message("Add a note column").up("ALTER TABLE accounts ADD COLUMN note TEXT;")
                        .down("ALTER TABLE accounts DROP COLUMN note;"));
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

    /** Whether a session of this database runs the ALTER and waits in the metadata lock queue. */
    private static boolean alterWaiting(Statement monitor) throws Exception {
        try (ResultSet rs = monitor.executeQuery("SELECT count(*) FROM information_schema.PROCESSLIST"
                + " WHERE DB = DATABASE() AND STATE = '" + WAITING + "' AND INFO LIKE 'ALTER TABLE accounts%'")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    @Test
    void alterGivesUpAfterRetriesAndReadersAreNotHeldLongerThanLockTimeout(@TempDir Path dir) throws Exception {
        ExecutorService background = Executors.newSingleThreadExecutor();
        try (TestDatabase db = MariaDb.fresh("lock_queue"); LoggedWarnings warnings = new LoggedWarnings()) {
            DataSource ds = db.dataSource();
            List<String> calls = new CopyOnWriteArrayList<>();
            Migrations migrations = new Migrations(MariaDb.config(ds, scripts(dir)).lockTimeout(LOCK_TIMEOUT)
                    .lockRetries(1).listener(recording(calls)).build());
            migrations.upgrade("r1");
            calls.clear();

            try (Connection longReader = ds.getConnection(); Connection reader = ds.getConnection();
                    Connection watcher = ds.getConnection(); Statement monitor = watcher.createStatement()) {
                longReader.setAutoCommit(false);
                try (Statement st = longReader.createStatement()) {
                    st.executeQuery("SELECT count(*) FROM accounts").close();
                }

                long start = System.nanoTime();
                Future<MigrationResult> upgrade = background.submit(() -> migrations.upgrade("heads"));
                // Measure only once the ALTER is queued for the metadata lock (the first attempt's wait).
                long deadline = start + TimeUnit.SECONDS.toNanos(10);
                while (!alterWaiting(monitor)) {
                    if (upgrade.isDone() || System.nanoTime() - deadline > 0) {
                        fail("The ALTER was not seen waiting for the metadata lock (upgrade done: %s)",
                                upgrade.isDone());
                    }
                    Thread.sleep(5);
                }
                long slowestRead = 0;
                try (Statement st = reader.createStatement()) {
                    // A reader's own wait is bounded too, should the ALTER not give up.
                    st.execute("SET SESSION lock_wait_timeout = 20");
                    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    while (!upgrade.isDone()) {
                        assertThat(System.nanoTime() - deadline).as("the upgrade ends").isNegative();
                        long t = System.nanoTime();
                        st.executeQuery("SELECT count(*) FROM accounts").close();
                        slowestRead = Math.max(slowestRead, System.nanoTime() - t);
                        Thread.sleep(5);
                    }
                }
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                Throwable failure = null;
                try {
                    upgrade.get(10, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    failure = e.getCause();
                }

                assertThat(failure).isInstanceOf(MigrationExecutionException.class);
                MigrationExecutionException e = (MigrationExecutionException) failure;
                assertThat(e.revision()).isEqualTo("r2");
                assertThat(e.statementNumber()).isEqualTo(1);
                assertThat(e.leftPartial()).isFalse();
                // No holder is named on MariaDB (README, Safety): the server's message, and what was left.
                assertThat(e.getMessage()).contains("Revision r2 failed at statement 1", "Lock wait timeout exceeded")
                        .contains("none of its statements had completed, so nothing was changed")
                        .contains("unchanged at [r1]");
                // Two attempts of 1 s each plus 100 ms of backoff, with generous slack for a busy machine.
                assertThat(took).isGreaterThanOrEqualTo(LOCK_TIMEOUT.multipliedBy(2))
                        .isLessThan(Duration.ofSeconds(15));
                // Held behind the ALTER, but at most one attempt's lock timeout: below the ~2.1 s of both
                // attempts and their backoff, so readers also got through between the attempts.
                assertThat(Duration.ofNanos(slowestRead)).as("readers queued behind the ALTER")
                        .isGreaterThan(Duration.ofMillis(50)).isLessThan(LOCK_TIMEOUT.plusMillis(900));
                assertThat(MariaDb.versionRows(ds)).containsExactly("r1");
                assertThat(MariaDb.strings(ds, "SELECT CONCAT(revision, ' ', outcome) FROM samokoder_migrations_log"
                        + " ORDER BY id")).containsExactly("r1 success", "r2 failed");
                assertThat(MariaDb.strings(ds, "SELECT error FROM samokoder_migrations_log WHERE outcome = 'failed'"))
                        .singleElement().asString().endsWith(" [2 attempts]");
                assertThat(warnings.messages()).filteredOn((m) -> m.contains("could not get a lock"))
                        .singleElement().asString()
                        .contains("Revision r2 could not get a lock within lock_timeout at its first statement")
                        .contains("nothing was changed", "(attempt 2 of 2)");
                // One announcement for the two attempts.
                assertThat(calls).containsExactly("start r2", "failed r2");
                assertThat(MariaDb.count(ds, "SELECT count(*) FROM information_schema.COLUMNS"
                        + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'accounts'")).isEqualTo(1);

                longReader.commit();
            }
            MigrationResult retried = migrations.upgrade("heads");
            assertThat(retried.steps()).extracting(StepResult::revision).containsExactly("r2");
            assertThat(retried.steps().get(0).attempts()).isEqualTo(1);
            assertThat(MariaDb.versionRows(ds)).containsExactly("r2");
        } finally {
            background.shutdownNow();
            background.awaitTermination(20, TimeUnit.SECONDS);
        }
    }
}
