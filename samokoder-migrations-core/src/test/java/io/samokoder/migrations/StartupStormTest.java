package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * 10 engines in threads (each with its own connections) and 4 in separate JVMs upgrade the same
 * database at once: every revision's upgrade runs exactly once (counted by a side-effect table
 * without constraints) and every engine succeeds; so does the threads' repeatable script, which is not
 * idempotent.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class StartupStormTest {

    private static final int THREADS = 10;
    private static final int PROCESSES = 4;

    private static Rev rev(String id, String revises) {
        return Rev.of(id, revises).message("Step " + id)
                .up("CREATE TABLE t_" + id + " (id int);\nINSERT INTO side_effect VALUES ('" + id + "');\n"
                        + "SELECT pg_sleep(0.05);")
                .down("DROP TABLE t_" + id + ";");
    }

    private static void writeMap(Path dir) {
        Rev.writeAll(dir, rev("r1", ""), rev("r2", "r1"), rev("r3", "r2"), rev("b1", "r2").labels("side"),
                rev("r4", "r3"), rev("m5", "r4, b1").message("Merge"), rev("r6", "m5"), rev("r7", "r6"));
    }

    /** A repeatable script that is not idempotent: it must run once in the whole storm. */
    private static Path writeRepeatable(Path dir) {
        Rev.write(dir, "R__side_effect.sql", "INSERT INTO side_effect VALUES ('repeatable');\n");
        return dir;
    }

    private static void storm(TestDatabase db, String schema, Path dir, Path repeatable) throws Exception {
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            processes.add(ChildMigrator.start(db, schema, "filesystem:" + dir, "heads", "storm-child-" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MigrationResult>> runs = new ArrayList<>();
        try {
            for (int i = 0; i < THREADS; i++) {
                DataSource ds = Db.schema(db, schema);
                runs.add(pool.submit(() -> {
                    start.await();
                    // The threads apply the repeatable script; the child processes are not given it.
                    return new Migrations(Db.config(ds, dir).repeatableLocations("filesystem:" + repeatable).build())
                            .upgrade("heads");
                }));
            }
            start.countDown();
            for (Future<MigrationResult> run : runs) {
                assertThat(run.get(120, TimeUnit.SECONDS).rowsAfter()).containsExactly("r7");
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
    }

    private static void assertEachRanOnce(DataSource ds) {
        assertThat(Db.strings(ds, "SELECT revision || ' ' || count(*) FROM side_effect GROUP BY revision ORDER BY 1"))
                .containsExactly("b1 1", "m5 1", "r1 1", "r2 1", "r3 1", "r4 1", "r6 1", "r7 1", "repeatable 1");
        assertThat(Db.strings(ds, "SELECT message || ' ' || count(*) FROM samokoder_migrations_log"
                + " WHERE direction = 'repeatable' GROUP BY message")).containsExactly("R__side_effect.sql 1");
        assertThat(Db.strings(ds, "SELECT revision || ' ' || count(*) FROM samokoder_migrations_log"
                + " WHERE direction = 'up' GROUP BY revision ORDER BY 1"))
                .containsExactly("b1 1", "m5 1", "r1 1", "r2 1", "r3 1", "r4 1", "r6 1", "r7 1");
        assertThat(Db.versionRows(ds)).containsExactly("r7");
    }

    @Test
    void onAnEmptyDatabase(TestDatabase db, @TempDir Path dir, @TempDir Path repeatable) throws Exception {
        writeMap(dir);
        DataSource ds = Db.schema(db, "storm_empty");
        Db.exec(ds, "CREATE TABLE side_effect (revision text)");

        storm(db, "storm_empty", dir, writeRepeatable(repeatable));

        assertEachRanOnce(ds);
    }

    @Test
    void onAHalfMigratedDatabase(TestDatabase db, @TempDir Path dir, @TempDir Path repeatable) throws Exception {
        writeMap(dir);
        DataSource ds = Db.schema(db, "storm_half");
        Db.exec(ds, "CREATE TABLE side_effect (revision text)");
        new Migrations(Db.config(ds, dir).build()).upgrade("r3");
        assertThat(Db.count(ds, "SELECT count(*) FROM side_effect")).isEqualTo(3);

        storm(db, "storm_half", dir, writeRepeatable(repeatable));

        assertEachRanOnce(ds);
    }
}
