package io.samokoder.migrations.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestMariaDb;
import io.samokoder.migrations.testsupport.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A step that takes long is logged as still running, with the lock it waits for and the session that holds it, so
 * that a migration queued behind another session's transaction does not look hung; quick steps log nothing more,
 * and the notices end with the step.
 */
class StillRunningTest {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger("io.samokoder.migrations");

    @BeforeEach
    void capture() {
        StillRunning.every = Duration.ofMillis(200);
        this.appender.start();
        this.logger.addAppender(this.appender);
    }

    @AfterEach
    void release() {
        this.logger.detachAppender(this.appender);
        this.appender.stop();
        StillRunning.every = StillRunning.EVERY;
    }

    private static void script(Path dir, String id, String revises, String headers, String up) throws IOException {
        Files.writeString(dir.resolve(id + ".sql"), "-- Revision " + id + "\n--\n-- Revision ID: " + id
                + "\n-- Revises: " + revises + "\n" + headers + "\n-- migrate:upgrade\n" + up + "\n");
    }

    private List<String> notices() {
        List<String> notices = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(this.appender.list)) {
            if (event.getLevel() == Level.INFO && event.getFormattedMessage().startsWith("Still running")) {
                notices.add(event.getFormattedMessage());
            }
        }
        return notices;
    }

    private static Migrations engine(TestDatabase db, Path dir) {
        return new Migrations(MigrationsConfig.builder().dataSource(db.dataSource()).locations("filesystem:" + dir)
            .lockTimeout(Duration.ofSeconds(30)).build());
    }

    @Test
    void aStepQueuedBehindAnotherSessionsLockIsReportedWithTheHolder(@TempDir Path dir) throws Exception {
        try (TestDatabase db = TestPostgres.createDatabase("still_running_held")) {
            queuedBehindALock(db, dir);
        }
    }

    private void queuedBehindALock(TestDatabase db, Path dir) throws Exception {
        script(dir, "r1", "", "", "CREATE TABLE accounts (id int);");
        engine(db, dir).upgrade("heads");
        assertThat(notices()).as("quick steps").isEmpty();

        script(dir, "r2", "r1", "", "ALTER TABLE accounts ADD COLUMN note text;");
        try (Connection holder = db.connect(); Statement st = holder.createStatement()) {
            holder.setAutoCommit(false);
            st.execute("SELECT set_config('application_name', 'long-report', false)");
            st.execute("LOCK TABLE accounts IN ACCESS SHARE MODE");
            int holderPid;
            try (ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                holderPid = rs.getInt(1);
            }
            CompletableFuture<Void> run = upgradeInBackground(db, dir);
            awaitNotices(2);
            assertThat(notices()).allSatisfy((notice) -> assertThat(notice).matches("Still running after \\d+ s:"
                    + " upgrade r1 -> r2, Revision r2; waiting for AccessExclusiveLock on table accounts, held by pid "
                    + holderPid + " \\(application_name 'long-report', state 'idle in transaction', transaction"
                    + " since .*\\)"));
            holder.commit();
            run.get(30, TimeUnit.SECONDS);
        }
        assertNoMoreNotices();
    }

    @Test
    void aLongStepThatWaitsForNothingIsReportedWithoutAHolder(@TempDir Path dir) throws Exception {
        script(dir, "r1", "", "", "CREATE TABLE accounts (id int);\nSELECT pg_sleep(1);");
        try (TestDatabase db = TestPostgres.createDatabase("still_running_sleep")) {
            engine(db, dir).upgrade("heads");
        }
        assertThat(notices()).isNotEmpty()
            .allSatisfy((notice) -> assertThat(notice).matches("Still running after \\d+ s: upgrade  -> r1,"
                    + " Revision r1"));
        assertNoMoreNotices();
    }

    @Test
    void aLongRepeatableScriptIsReportedToo(@TempDir Path dir, @TempDir Path views) throws Exception {
        script(dir, "r1", "", "", "CREATE TABLE accounts (id int);");
        Files.writeString(views.resolve("R__slow_view.sql"), "SELECT pg_sleep(1);\n"
                + "CREATE OR REPLACE VIEW v AS SELECT id FROM accounts;\n");
        try (TestDatabase db = TestPostgres.createDatabase("still_running_view")) {
            new Migrations(MigrationsConfig.builder().dataSource(db.dataSource()).locations("filesystem:" + dir)
                .repeatableLocations("filesystem:" + views).build()).upgrade("heads");
        }
        assertThat(notices()).isNotEmpty().allSatisfy((notice) -> assertThat(notice)
            .matches("Still running after \\d+ s: repeatable script .*R__slow_view\\.sql"));
        assertNoMoreNotices();
    }

    @Test
    void onMariaDbTheMetadataLockItWaitsForIsNamed(@TempDir Path dir) throws Exception {
        try (TestDatabase db = TestMariaDb.createDatabase("still_running")) {
            script(dir, "r1", "", "", "CREATE TABLE accounts (id int);");
            engine(db, dir).upgrade("heads");
            script(dir, "r2", "r1", "", "ALTER TABLE accounts ADD COLUMN note text;");
            try (Connection holder = db.connect(); Statement st = holder.createStatement()) {
                holder.setAutoCommit(false);
                st.executeQuery("SELECT * FROM accounts").close();
                CompletableFuture<Void> run = upgradeInBackground(db, dir);
                awaitNotices(2);
                assertThat(notices()).allSatisfy((notice) -> assertThat(notice).startsWith("Still running after")
                    .contains("upgrade r1 -> r2, Revision r2; waiting for Waiting for table metadata lock"));
                holder.commit();
                run.get(30, TimeUnit.SECONDS);
            }
            assertNoMoreNotices();
        }
    }

    private static CompletableFuture<Void> upgradeInBackground(TestDatabase db, Path dir) {
        Migrations migrations = engine(db, dir);
        return CompletableFuture.runAsync(() -> migrations.upgrade("heads"));
    }

    /** The notices end with the step: none comes in three intervals after the run. */
    private void assertNoMoreNotices() throws InterruptedException {
        int after = notices().size();
        Thread.sleep(3 * StillRunning.every.toMillis());
        assertThat(notices()).as("no notice once the step ended").hasSize(after);
    }

    private void awaitNotices(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (notices().size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no notice of the waiting step: " + notices());
            }
            Thread.sleep(20);
        }
    }
}
