package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.samokoder.migrations.dialect.postgresql.PostgresDialect;
import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** The migration lock: keyed by schema and version table, bounded waits that name the holder. */
@ExtendWith(PostgresDatabaseExtension.class)
class MigrationLockTest {

    private static int pid(Connection c) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void lock(Connection c, long key) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_lock(?)")) {
            ps.setLong(1, key);
            ps.executeQuery().close();
        }
    }

    private static void unlock(Connection c, long key) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, key);
            ps.executeQuery().close();
        }
    }

    @Test
    void aTimedOutWaiterNamesTheHolderAndChangesNothing(TestDatabase db, @TempDir Path dir) throws Exception {
        PGSimpleDataSource ds = Db.schema(db, "held");
        Rev.writeAll(dir, Rev.of("a1", "").up("CREATE TABLE first (id int);").down("DROP TABLE first;"));
        PGSimpleDataSource holderDs = Db.schema(db, "held");
        holderDs.setApplicationName("the-holder");
        try (Connection holder = holderDs.getConnection()) {
            lock(holder, PostgresDialect.INSTANCE.lockKey("held", "alembic_version"));
            int holderPid = pid(holder);

            Migrations waiting = new Migrations(Db.config(ds, dir).lockWaitTimeout(Duration.ofMillis(700)).build());
            LockTimeoutException e = catchThrowableOfType(LockTimeoutException.class, () -> waiting.upgrade("heads"));

            assertThat(e.holderPid()).isEqualTo(holderPid);
            assertThat(e.applicationName()).isEqualTo("the-holder");
            assertThat(e.since()).isNotNull();
            assertThat(e.getMessage()).contains("pid " + holderPid).contains("application_name 'the-holder'")
                    .contains("held.alembic_version").contains("lockWaitTimeout")
                    .contains("if the holder is gone, end its session with SELECT pg_terminate_backend(" + holderPid
                            + ")");
            assertThat(Db.tableExists(ds, "held", "alembic_version")).isFalse();
        }
    }

    @Test
    void aSessionThatHoldsTheLockAlreadyIsRefusedAndKeepsItOnce(TestDatabase db, @TempDir Path dir) throws Exception {
        PGSimpleDataSource ds = Db.schema(db, "shared");
        Rev.writeAll(dir, Rev.of("a1", "").up("CREATE TABLE first (id int);").down("DROP TABLE first;"));
        long key = PostgresDialect.INSTANCE.lockKey("shared", "alembic_version");
        try (Connection session = ds.getConnection()) {
            // Another client's run took the lock in this session, which a transaction pooler now gives to this run.
            lock(session, key);
            Migrations sharing = new Migrations(Db.config(Db.shared(session), dir).build());

            SharedSessionException e = catchThrowableOfType(SharedSessionException.class,
                    () -> sharing.upgrade("heads"));

            assertThat(e.lockName()).isEqualTo("advisory lock " + key + " for shared.alembic_version");
            assertThat(e.getMessage()).contains("holds the migration lock (advisory lock " + key)
                    .contains("pool_mode = transaction").contains("Nothing was changed")
                    .contains("samokoder.migrations.url");
            assertThat(Db.tableExists(ds, "shared", "alembic_version")).isFalse();
            assertThat(Db.tableExists(ds, "shared", "first")).isFalse();
            // Held once, as the other client took it: its own unlock at its end releases it.
            unlock(session, key);
            assertThat(Db.count(ds, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                    + " AND objid::bigint = (" + key + " & 4294967295)")).isZero();
        }
        assertThat(new Migrations(Db.config(ds, dir).build()).upgrade("heads").steps()).hasSize(1);
    }

    @Test
    void aRunWhoseStatementsReachAnotherSessionThanTheLocksIsRefusedBeforeItsFirstRevision(TestDatabase db,
            @TempDir Path dir) throws Exception {
        PGSimpleDataSource ds = Db.schema(db, "switched");
        Rev.writeAll(dir, Rev.of("a1", "").up("CREATE TABLE first (id int);").down("DROP TABLE first;"));
        try (Connection first = ds.getConnection(); Connection second = ds.getConnection();
                LoggedWarnings warnings = new LoggedWarnings()) {
            List<String> before = settings(second);
            Migrations pooled = new Migrations(Db.config(Db.switchingAfterLock(first, second), dir).build());

            SharedSessionException e = catchThrowableOfType(SharedSessionException.class,
                    () -> pooled.upgrade("heads"));

            assertThat(e.getMessage()).contains("reach another database session (" + pid(second) + ")")
                    .contains("switched.alembic_version, session " + pid(first) + ")")
                    .contains("pool_mode = transaction").contains("No revision was run");
            assertThat(Db.tableExists(ds, "switched", "first")).isFalse();
            assertThat(settings(second)).as("the run's settings, put back").isEqualTo(before);
            // The release reached the other session too: the lock stays with the first, and the run says so.
            assertThat(warnings.messages()).singleElement().asString()
                    .contains("it is held by pid " + pid(first));
        }
        assertThat(new Migrations(Db.config(ds, dir).build()).upgrade("heads").steps()).hasSize(1);
    }

    private static List<String> settings(Connection c) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT"
                + " current_setting('lock_timeout'), current_setting('statement_timeout'),"
                + " current_setting('tcp_keepalives_idle')")) {
            rs.next();
            return List.of(rs.getString(1), rs.getString(2), rs.getString(3));
        }
    }

    @Test
    void theKeyFollowsTheCurrentSchemaWhenNoneIsConfigured(TestDatabase db, @TempDir Path dir) throws Exception {
        PGSimpleDataSource ds = Db.schema(db, "implicit");
        Rev.writeAll(dir, Rev.of("a1", "").up("CREATE TABLE first (id int);").down("DROP TABLE first;"));
        try (Connection holder = ds.getConnection()) {
            lock(holder, PostgresDialect.INSTANCE.lockKey("implicit", "alembic_version"));
            Migrations explicit = new Migrations(Db.config(ds, dir).schema("implicit")
                    .lockWaitTimeout(Duration.ofMillis(200)).build());
            catchThrowableOfType(LockTimeoutException.class, () -> explicit.upgrade("heads"));
            Migrations otherTable = new Migrations(Db.config(ds, dir).versionTable("other_version")
                    .logTable("other_log").lockWaitTimeout(Duration.ofMillis(200)).build());
            assertThat(otherTable.upgrade("heads").steps()).hasSize(1);
        }
    }

    @Test
    void aWaiterProceedsWhenTheHolderLetsGoAndHoldsNoTransactionMeanwhile(TestDatabase db, @TempDir Path dir)
            throws Exception {
        PGSimpleDataSource ds = Db.schema(db, "released");
        Rev.writeAll(dir, Rev.of("a1", "").up("CREATE TABLE first (id int);").down("DROP TABLE first;"));
        PGSimpleDataSource waiterDs = Db.schema(db, "released");
        waiterDs.setApplicationName("the-waiter");
        try (Connection holder = ds.getConnection()) {
            lock(holder, PostgresDialect.INSTANCE.lockKey("released", "alembic_version"));
            Migrations waiting = new Migrations(Db.config(waiterDs, dir).build());
            CompletableFuture<MigrationResult> run = CompletableFuture.supplyAsync(() -> waiting.upgrade("heads"));
            // While it waits, the waiter's session holds no transaction (no xact_start, no snapshot).
            long waiterSessions = 0;
            for (int i = 0; i < 200 && waiterSessions == 0; i++) {
                waiterSessions = Db.count(ds, "SELECT count(*) FROM pg_stat_activity WHERE application_name ="
                        + " 'the-waiter'");
                Thread.sleep(10);
            }
            assertThat(waiterSessions).isEqualTo(1);
            for (int i = 0; i < 20; i++) {
                assertThat(Db.count(ds, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'the-waiter'"
                        + " AND (state = 'idle in transaction' OR backend_xmin IS NOT NULL AND state <> 'active')"))
                        .isZero();
                Thread.sleep(15);
            }
            assertThat(run).isNotDone();
            unlock(holder, PostgresDialect.INSTANCE.lockKey("released", "alembic_version"));
            MigrationResult result = run.get(30, TimeUnit.SECONDS);
            assertThat(result.steps()).hasSize(1);
            assertThat(result.lockWait()).isPositive();
        }
    }
}
