package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.samokoder.migrations.dialect.mariadb.MariaDbDialect;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
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
 * A reader without the lock (validate, status, the dry run) takes a {@code running} log row for a revision
 * being applied while another session holds the migration lock, and for one left part-way once nobody does.
 */
class MariaDbRunningRowTest {

    static final String LOG = "samokoder_migrations_log";
    /**
     * What a reader without the lock sees while another session applies r2 (its log row running):
     * r2 pending, in validation, status and the plan, and nothing left part-way.
     */
    static void assertPendingNotPartial(Migrations reader) {
        ValidationResult validation = reader.validate("heads");
        assertThat(validation.partial()).isEmpty();
        assertThat(validation.pending()).containsExactly("r2");
        assertThat(reader.status("heads").partial()).isEmpty();
        assertThat(reader.plan(Command.UPGRADE, "heads").steps()).extracting(PlannedStep::revision)
                .containsExactly("r2");
    }

    static final String COPY_AS_RUNNING = "INSERT INTO %s (revision, direction, message, file, revises, checksum,"
            + " content_hash, rows_before, rows_after, started_at, duration_ms, outcome, error) SELECT revision,"
            + " direction, message, file, revises, checksum, content_hash, rows_before, rows_after, started_at, 0,"
            + " '%s', %s FROM %s WHERE revision = 'r2' AND outcome = 'success'";

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        this.threads.shutdownNow();
    }

    private static void write(Path dir) {
        Rev.writeAll(dir, Rev.of("r1", "").up("CREATE TABLE gate (id INT);\nINSERT INTO gate VALUES (1);")
                .down("DROP TABLE gate;"),
                Rev.of("r2", "r1").up("CREATE TABLE r2_a (id INT);\nUPDATE gate SET id = id + 1;\n"
                        + "CREATE TABLE r2_b (id INT);").down("DROP TABLE r2_b;\nDROP TABLE r2_a;"));
    }

    @Test
    void aRevisionBeingAppliedIsPendingNotPartialUntilItsRunIsGone(@TempDir Path dir) throws Exception {
        write(dir);
        try (TestDatabase db = MariaDb.fresh("liverun")) {
            DataSource ds = db.dataSource();
            new Migrations(MariaDb.config(ds, dir).build()).upgrade("r1");
            Migrations reader = new Migrations(MariaDb.config(ds, dir).build());
            Future<MigrationResult> run;
            try (Connection gate = ds.getConnection(); Statement st = gate.createStatement()) {
                gate.setAutoCommit(false);
                st.execute("SELECT id FROM gate FOR UPDATE");
                run = this.threads.submit(() -> new Migrations(MariaDb.config(ds, dir).build()).upgrade("heads"));
                boolean waiting = false;
                for (int i = 0; i < 600 && !waiting; i++) {
                    waiting = MariaDb.count(ds, "SELECT count(*) FROM information_schema.PROCESSLIST WHERE DB = '"
                            + db.name() + "' AND INFO LIKE 'UPDATE gate%'") == 1;
                    Thread.sleep(20);
                }
                assertThat(waiting).as("the run reached r2's second statement").isTrue();
                assertThat(MariaDb.strings(ds, "SELECT revision, outcome FROM " + LOG + " ORDER BY id"))
                        .containsExactly("r1|success", "r2|running");

                assertPendingNotPartial(reader);
                gate.rollback();
            }
            assertThat(run.get(60, TimeUnit.SECONDS).steps()).extracting(StepResult::revision).containsExactly("r2");
            assertThat(reader.validate("heads").upToDate()).isTrue();

            // A running row that no session's lock stands behind: its run ended part-way, as before.
            MariaDb.exec(ds, String.format(COPY_AS_RUNNING, LOG, "running", "NULL", LOG));
            assertThat(reader.validate("heads").partial()).extracting(PartialAttempt::revision,
                    PartialAttempt::applied).containsExactly(tuple("r2", -1));
        }
    }

    @Test
    void aFailedPartialRowStaysPartialWhileTheLockIsHeld(@TempDir Path dir) throws Exception {
        write(dir);
        try (TestDatabase db = MariaDb.fresh("heldfailed")) {
            DataSource ds = db.dataSource();
            Migrations migrations = new Migrations(MariaDb.config(ds, dir).build());
            migrations.upgrade("heads");
            // r2 failed part-way, then a retry of it started: its running row is the latest.
            MariaDb.exec(ds, String.format(COPY_AS_RUNNING, LOG, "failed",
                    "'Partial: applied 1 of 3 statements. Revision r2 failed at statement 2'", LOG),
                    String.format(COPY_AS_RUNNING, LOG, "running", "NULL", LOG));
            long key = MariaDbDialect.INSTANCE.lock().lockKey(db.name(), "alembic_version");
            try (Connection holder = ds.getConnection(); Statement st = holder.createStatement();
                    ResultSet rs = st.executeQuery("SELECT GET_LOCK('samokoder:" + key + "', 0)")) {
                assertThat(rs.next() && rs.getInt(1) == 1).isTrue();
                assertThat(migrations.validate("heads").partial()).extracting(PartialAttempt::revision,
                        PartialAttempt::applied).containsExactly(tuple("r2", 1));
            }
            assertThat(migrations.validate("heads").partial()).extracting(PartialAttempt::revision,
                    PartialAttempt::applied).containsExactly(tuple("r2", -1));
        }
    }
}
