package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariDataSource;
import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.Revision;
import io.samokoder.migrations.ops.Operations;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * The lock holder's host goes silent on MariaDB (no FIN, no RST: a proxy between it and the server stops
 * passing bytes and closes nothing). The run's session has {@code wait_timeout} set to the dead-holder timeout,
 * so the server ends it that long after its statement ended, which frees the lock; with {@code 0} the server's
 * eight hours apply. A Java revision's own code may leave the connection idle for longer.
 */
class MariaDbSilentHolderTest {

    private static final Duration DEAD_HOLDER = Duration.ofSeconds(5);

    private static void writeScripts(Path dir) {
        Rev.writeAll(dir,
                Rev.of("r1", "").up("INSERT INTO side_effect VALUES ('r1');").down("DELETE FROM side_effect;"),
                Rev.of("r2", "r1").message("Slow while doom has a row")
                        .up("SELECT SLEEP(2) FROM doom;\nCREATE TABLE made_by_r2 (id INT);\n"
                                + "INSERT INTO side_effect VALUES ('r2');")
                        .down("DROP TABLE made_by_r2;"),
                Rev.of("r3", "r2").up("INSERT INTO side_effect VALUES ('r3');").down("SELECT 1;"));
    }

    /** Starts a run through the proxy that holds the lock in r2's slow statement, then silences the proxy. */
    private static Thread silentHolder(TestDatabase db, RoundTripProxy proxy, Path dir, Duration deadHolder,
            AtomicReference<Throwable> outcome) throws Exception {
        DataSource ds = db.dataSource();
        MariaDb.exec(ds, "CREATE TABLE side_effect (revision VARCHAR(32))", "CREATE TABLE doom (id INT)",
                "INSERT INTO doom VALUES (1)");
        MariaDbDataSource proxied = new MariaDbDataSource(proxy.url(db.jdbcUrl()).replaceFirst("^jdbc:mysql:",
                "jdbc:mariadb:"));
        proxied.setUser(db.user());
        proxied.setPassword(db.password());
        Thread holder = new Thread(() -> {
            try {
                new Migrations(MariaDb.config(proxied, dir).deadHolderTimeout(deadHolder).build()).upgrade("heads");
            } catch (Throwable t) {
                outcome.set(t);
            }
        }, "silent-holder");
        holder.setDaemon(true);
        holder.start();
        boolean sleeping = false;
        for (int i = 0; i < 600 && !sleeping; i++) {
            sleeping = MariaDb.count(ds, "SELECT count(*) FROM information_schema.PROCESSLIST WHERE DB = '"
                    + db.name() + "' AND INFO LIKE 'SELECT SLEEP(2)%'") == 1;
            Thread.sleep(20);
        }
        assertThat(sleeping).as("the holder reached the slow revision (%s)", outcome.get()).isTrue();
        proxy.silence();
        return holder;
    }

    /** Closes every socket of the proxy, which the holder's run then fails on, and waits for it to end. */
    private static void endSilence(RoundTripProxy proxy, Thread holder) throws Exception {
        proxy.close();
        holder.join(30_000);
        assertThat(holder.isAlive()).isFalse();
    }

    @Test
    void theServerEndsTheSilentHoldersSessionAfterTheTimeoutAndTheNextEngineIsToldWhatWasLeft(@TempDir Path dir)
            throws Exception {
        writeScripts(dir);
        AtomicReference<Throwable> holderOutcome = new AtomicReference<>();
        try (TestDatabase db = MariaDb.fresh("silent"); RoundTripProxy proxy = new RoundTripProxy(db.jdbcUrl())) {
            DataSource ds = db.dataSource();
            Thread holder = silentHolder(db, proxy, dir, DEAD_HOLDER, holderOutcome);
            long cut = System.nanoTime();

            // Its wait for the lock would run out after 30 s; the lock is free well before.
            PartialRevisionException refusal = catchThrowableOfType(PartialRevisionException.class,
                    () -> new Migrations(MariaDb.config(ds, dir).lockWaitTimeout(Duration.ofSeconds(30)).build())
                            .upgrade("heads"));
            Duration took = Duration.ofNanos(System.nanoTime() - cut);

            // The rest of the two-second statement, then the five seconds of wait_timeout.
            assertThat(took).isBetween(DEAD_HOLDER.minusSeconds(1), Duration.ofSeconds(20));
            assertThat(refusal.revision()).isEqualTo("r2");
            assertThat(refusal.getMessage()).contains("its upgrade was started by a run that ended");
            assertThat(MariaDb.versionRows(ds)).containsExactly("r1");

            // The way out the message names: r2 got no further than its first statement, so it may run again.
            MariaDb.exec(ds, "DELETE FROM doom");
            MigrationResult result = new Migrations(MariaDb.config(ds, dir).retryPartial(true).build())
                    .upgrade("heads");
            assertThat(result.steps()).extracting(StepResult::revision).containsExactly("r2", "r3");
            assertThat(MariaDb.strings(ds, "SELECT revision, count(*) FROM side_effect GROUP BY revision"
                    + " ORDER BY 1")).containsExactly("r1|1", "r2|1", "r3|1");

            endSilence(proxy, holder);
            assertThat(holderOutcome.get()).as("the silenced holder's run failed").isNotNull();
        }
    }

    @Test
    void withZeroTheServersOwnIdleLimitKeepsTheLockAndTheWaitRunsOut(@TempDir Path dir) throws Exception {
        writeScripts(dir);
        AtomicReference<Throwable> holderOutcome = new AtomicReference<>();
        try (TestDatabase db = MariaDb.fresh("silent0"); RoundTripProxy proxy = new RoundTripProxy(db.jdbcUrl())) {
            DataSource ds = db.dataSource();
            Thread holder = silentHolder(db, proxy, dir, Duration.ZERO, holderOutcome);

            LockTimeoutException timeout = catchThrowableOfType(LockTimeoutException.class,
                    () -> new Migrations(MariaDb.config(ds, dir).lockWaitTimeout(Duration.ofSeconds(8)).build())
                            .upgrade("heads"));

            // Long after the two-second statement ended, the silent session still holds the lock, sleeping.
            assertThat(timeout.applicationName()).contains(", Sleep for ");
            assertThat(timeout.getMessage()).contains("KILL " + timeout.holderPid());
            assertThat(MariaDb.versionRows(ds)).containsExactly("r1");

            endSilence(proxy, holder);
        }
    }

    @Test
    void aJavaRevisionsOwnCodeMayLeaveTheConnectionIdleAndThePooledSessionGetsItsOwnLimitBack(@TempDir Path dir)
            throws Exception {
        Rev.writeAll(dir,
                Rev.of("r1", "").up("CREATE TABLE seen (step VARCHAR(8), idle_limit BIGINT);\n"
                        + "INSERT INTO seen SELECT 'r1', @@SESSION.wait_timeout;").down("DROP TABLE seen;"),
                Rev.of("r3", "j2").up("INSERT INTO seen SELECT 'r3', @@SESSION.wait_timeout;").down("SELECT 1;"));
        try (TestDatabase db = MariaDb.fresh("idle"); HikariDataSource pool = MariaDb.onePool(db)) {
            String own;
            try (Connection c = pool.getConnection()) {
                own = Db.first(c, "SELECT @@SESSION.wait_timeout");
            }
            assertThat(own).isNotEqualTo("5");

            new Migrations(MariaDb.config(pool, dir).deadHolderTimeout(Duration.ofSeconds(5))
                    .javaRevisions(new WaitsBetweenItsStatements()).build()).upgrade("heads");

            // The SQL revisions ran under the run's five seconds; the Java revision, idle for six, under the
            // session's own limit, and its second statement found the session there.
            assertThat(MariaDb.strings(db.dataSource(), "SELECT step, idle_limit FROM seen ORDER BY step"))
                    .containsExactly("j2|" + own, "j2 later|" + own, "r1|5", "r3|5");
            try (Connection c = pool.getConnection()) {
                assertThat(Db.first(c, "SELECT @@SESSION.wait_timeout")).isEqualTo(own);
            }
        }
    }

    @Test
    void aListenerThatBlocksLongerThanTheLimitIsToldWhyTheConnectionWasLost(@TempDir Path dir) throws Exception {
        Rev.writeAll(dir, Rev.of("r1", "").up("CREATE TABLE t1 (id INT);").down("DROP TABLE t1;"));
        try (TestDatabase db = MariaDb.fresh("blocked")) {
            MigrationListener blocking = new MigrationListener() {
                @Override
                public void stepStarting(PlannedStep step) {
                    try {
                        Thread.sleep(7000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
            MigrationException failure = catchThrowableOfType(MigrationException.class,
                    () -> new Migrations(MariaDb.config(db.dataSource(), dir).deadHolderTimeout(DEAD_HOLDER)
                            .listener(blocking).build()).upgrade("heads"));

            assertThat(failure.getMessage()).contains("If the run's connection sent nothing for 5 s before this, the"
                    + " server ended its session: wait_timeout is set from samokoder.migrations.dead-holder-timeout");
            assertThat(MariaDb.versionRows(db.dataSource())).isEmpty();
        }
    }


    @Revision(id = "j2", revises = "r1", message = "Waits between its statements", version = "1")
    static class WaitsBetweenItsStatements implements JavaRevision {
        @Override
        public void upgrade(Operations op) throws SQLException, InterruptedException {
            try (Statement st = op.connection().createStatement()) {
                st.executeUpdate("INSERT INTO seen SELECT 'j2', @@SESSION.wait_timeout");
                // Work elsewhere, longer than the run's idle limit.
                Thread.sleep(6000);
                st.executeUpdate("INSERT INTO seen SELECT 'j2 later', @@SESSION.wait_timeout");
            }
        }
    }
}
