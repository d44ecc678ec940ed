package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On H2, as on MariaDB ({@link MariaDbRunningRowTest}): a {@code running} log row is a revision being applied
 * while another session holds the lock's row, and one left part-way once nobody does.
 */
class H2RunningRowTest {

    private static final String LOG = "\"samokoder_migrations_log\"";

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        H2Pause.release();
        this.threads.shutdownNow();
    }

    private static void write(Path dir) {
        Rev.writeAll(dir, Rev.of("r1", "").up("CREATE TABLE t1 (id INT);").down("DROP TABLE t1;"),
                Rev.of("r2", "r1").up("CREATE TABLE r2_a (id INT);\nCALL PAUSE();\nCREATE TABLE r2_b (id INT);")
                        .down("DROP TABLE r2_b;\nDROP TABLE r2_a;"));
    }

    @Test
    void aRevisionBeingAppliedIsPendingNotPartialUntilItsRunIsGone(@TempDir Path dir) throws Exception {
        applyWhileAnotherReads(H2Db.memory(), dir.resolve("scripts"));
    }

    @Test
    void soOnAFileDatabase(@TempDir Path dir) throws Exception {
        applyWhileAnotherReads(H2Db.autoServer(dir.resolve("db")), dir.resolve("scripts"));
    }

    private void applyWhileAnotherReads(DataSource ds, Path dir) throws Exception {
        H2Pause.reset();
        write(dir);
        Db.exec(ds, "CREATE ALIAS PAUSE FOR '" + H2Pause.class.getName() + ".pause'");
        new Migrations(H2Db.config(ds, dir).build()).upgrade("r1");
        Migrations reader = new Migrations(H2Db.config(ds, dir).build());
        Future<MigrationResult> run = this.threads.submit(() -> new Migrations(H2Db.config(ds, dir).build())
                .upgrade("heads"));
        assertThat(H2Pause.awaitEntered(30)).as("the run reached r2's second statement").isTrue();
        assertThat(Db.strings(ds, "SELECT revision, outcome FROM " + LOG + " ORDER BY id"))
                .containsExactly("r1|success", "r2|running");

        MariaDbRunningRowTest.assertPendingNotPartial(reader);

        H2Pause.release();
        assertThat(run.get(60, TimeUnit.SECONDS).steps()).extracting(StepResult::revision).containsExactly("r2");
        assertThat(reader.validate("heads").upToDate()).isTrue();

        // A running row that no session's lock stands behind: its run ended part-way, as before.
        Db.exec(ds, String.format(MariaDbRunningRowTest.COPY_AS_RUNNING, LOG, "running", "NULL", LOG));
        assertThat(reader.validate("heads").partial()).extracting(PartialAttempt::revision,
                PartialAttempt::applied).containsExactly(tuple("r2", -1));
    }

    @Test
    void aFailedPartialRowStaysPartialWhileTheLockIsHeld(@TempDir Path dir) throws Exception {
        write(dir);
        DataSource ds = H2Db.memory();
        H2Pause.reset();
        H2Pause.release(); // r2 runs through
        Db.exec(ds, "CREATE ALIAS PAUSE FOR '" + H2Pause.class.getName() + ".pause'");
        Migrations migrations = new Migrations(H2Db.config(ds, dir).build());
        migrations.upgrade("heads");
        // r2 failed part-way, then a retry of it started: its running row is the latest.
        Db.exec(ds, String.format(MariaDbRunningRowTest.COPY_AS_RUNNING, LOG, "failed",
                "'Partial: applied 1 of 3 statements. Revision r2 failed at statement 2'", LOG),
                String.format(MariaDbRunningRowTest.COPY_AS_RUNNING, LOG, "running", "NULL", LOG));
        try (Connection holder = ds.getConnection(); Statement st = holder.createStatement()) {
            holder.setAutoCommit(false);
            assertThat(st.executeUpdate("UPDATE \"alembic_version_lock\" SET locked_at = CURRENT_TIMESTAMP"))
                    .isEqualTo(1);
            assertThat(migrations.validate("heads").partial()).extracting(PartialAttempt::revision,
                    PartialAttempt::applied).containsExactly(tuple("r2", 1));
            holder.rollback();
        }
        assertThat(migrations.validate("heads").partial()).extracting(PartialAttempt::revision,
                PartialAttempt::applied).containsExactly(tuple("r2", -1));
    }
}
