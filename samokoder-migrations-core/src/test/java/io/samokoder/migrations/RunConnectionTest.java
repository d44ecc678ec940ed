package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.samokoder.migrations.dialect.postgresql.PostgresDialect;
import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * On PostgreSQL a run with steps executes on the connection that holds the migration lock: one
 * connection per run, so a pool of one is enough, and the pool gets that connection back as it was.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class RunConnectionTest {

    private static final String HELD_HERE = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
            + " AND pid = pg_backend_pid()";

    private static HikariDataSource pool(TestDatabase db, String schema, Duration connectionTimeout) {
        return pool(db, schema, connectionTimeout, true);
    }

    private static HikariDataSource pool(TestDatabase db, String schema, Duration connectionTimeout,
            boolean autoCommit) {
        Db.schema(db, schema);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setSchema(schema);
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(connectionTimeout.toMillis());
        config.setAutoCommit(autoCommit);
        return new HikariDataSource(config);
    }

    private static List<String> settings(Connection c, String... names) throws Exception {
        List<String> values = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            for (String name : names) {
                try (ResultSet rs = st.executeQuery("SELECT current_setting('" + name + "')")) {
                    rs.next();
                    values.add(name + "=" + rs.getString(1));
                }
            }
        }
        return values;
    }

    private static long single(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void theRevisionsRunInTheSessionThatHoldsTheLock(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "session");
        AtomicInteger connections = new AtomicInteger();
        DataSource counting = Db.counting(ds, connections);
        Rev.writeAll(dir,
                Rev.of("r1", "").up("CREATE TABLE lock_seen AS " + HELD_HERE + ";").down("DROP TABLE lock_seen;"),
                Rev.of("r2", "r1").up("INSERT INTO lock_seen " + HELD_HERE + ";").down("SELECT 1;"));

        MigrationResult result = new Migrations(Db.config(counting, dir).build()).upgrade("heads");

        assertThat(result.steps()).extracting(StepResult::revision).containsExactly("r1", "r2");
        assertThat(Db.strings(ds, "SELECT count FROM lock_seen")).as("the lock, seen by each revision's session")
                .containsExactly("1", "1");
        assertThat(connections).as("one connection for the fast start's query, the lock and the run").hasValue(1);
        assertThat(Db.count(ds, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")).isZero();
    }

    @Test
    void aRevisionThatReleasesTheSessionsLocksIsReportedWhenTheRunEnds(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "released_by_revision");
        Rev r1 = Rev.of("r1", "").up("CREATE TABLE accounts (id int);").down("DROP TABLE accounts;");
        Rev.writeAll(dir, r1);
        try (LoggedWarnings warnings = new LoggedWarnings()) {
            new Migrations(Db.config(ds, dir).build()).upgrade("heads");
            assertThat(warnings.messages()).as("a run that kept its lock").isEmpty();

            Rev.writeAll(dir, r1, Rev.of("r2", "r1").up("SELECT pg_advisory_unlock_all();").down("SELECT 1;"));
            assertThat(new Migrations(Db.config(ds, dir).build()).upgrade("heads").steps())
                    .extracting(StepResult::revision).containsExactly("r2");

            assertThat(warnings.messages()).singleElement().asString()
                    .contains("The migration lock (advisory lock", "released_by_revision.alembic_version")
                    .contains("was no longer held by this run's session when the run ended: a revision's statement"
                            + " released it, or it reached another session; no session holds it now")
                    .contains("pg_advisory_unlock_all()");
        }
        assertThat(Db.versionRows(ds)).containsExactly("r2");
    }

    @Test
    void aLostLockThatAnotherSessionTookMeanwhileIsReportedWithThatSession(TestDatabase db, @TempDir Path dir)
            throws Exception {
        PGSimpleDataSource ds = Db.schema(db, "taken_meanwhile");
        Rev.writeAll(dir, Rev.of("r1", "").up("SELECT pg_advisory_unlock_all();\nSELECT pg_sleep(1.5);")
                .down("SELECT 1;"));
        PGSimpleDataSource nextDs = Db.schema(db, "taken_meanwhile");
        nextDs.setApplicationName("the-next-instance");
        long key = PostgresDialect.INSTANCE.lockKey("taken_meanwhile", "alembic_version");
        try (LoggedWarnings warnings = new LoggedWarnings(); Connection next = nextDs.getConnection();
                PreparedStatement tryLock = next.prepareStatement("SELECT pg_try_advisory_lock(?), pg_backend_pid()")) {
            CompletableFuture<MigrationResult> run = CompletableFuture.supplyAsync(
                    () -> new Migrations(Db.config(ds, dir).build()).upgrade("heads"));
            long sleeping = 0;
            for (int i = 0; i < 1000 && sleeping == 0; i++) {
                sleeping = Db.count(ds, "SELECT count(*) FROM pg_stat_activity WHERE state = 'active'"
                        + " AND query LIKE '%pg_sleep(1.5)%' AND pid <> pg_backend_pid()");
                Thread.sleep(5);
            }
            assertThat(sleeping).as("the revision, after it released the lock").isEqualTo(1);
            tryLock.setLong(1, key);
            int nextPid;
            try (ResultSet rs = tryLock.executeQuery()) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("the lock, which the revision released").isTrue();
                nextPid = rs.getInt(2);
            }

            assertThat(run.get(30, TimeUnit.SECONDS).steps()).hasSize(1);
            assertThat(warnings.messages()).singleElement().asString()
                    .contains("was no longer held by this run's session when the run ended")
                    .contains("it is held by pid " + nextPid + ", application_name 'the-next-instance'")
                    .contains("Another instance could have migrated at the same time");
        }
    }

    @Test
    void theFastStartsConnectionServesTheFullPathUnlessItsQueryFailed(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "reuse");
        AtomicInteger connections = new AtomicInteger();
        DataSource counting = Db.counting(ds, connections);
        Rev r1 = Rev.of("r1", "").up("CREATE TABLE accounts (id int);").down("DROP TABLE accounts;");
        Rev.writeAll(dir, r1);
        new Migrations(Db.config(counting, dir).build()).upgrade("heads");
        assertThat(connections).as("a new database").hasValue(1);

        connections.set(0);
        Rev.writeAll(dir, r1, Rev.of("r2", "r1").up("INSERT INTO accounts VALUES (1);").down("DELETE FROM accounts;"));
        assertThat(new Migrations(Db.config(counting, dir).build()).upgrade("heads").steps())
                .extracting(StepResult::revision).containsExactly("r2");
        assertThat(connections).as("a new revision on a database with rows").hasValue(1);

        // A query that fails for another reason than a missing table: the connection is not trusted.
        Db.exec(ds, "DROP TABLE IF EXISTS samokoder_migrations_log_state", "CREATE VIEW samokoder_migrations_log_state AS"
                + " SELECT (1 / 0)::text AS fingerprint, ''::text AS heads, 0::bigint AS log_rows,"
                + " NULL::bigint AS log_last_id, now() AS verified_at");
        connections.set(0);
        Rev.writeAll(dir, r1, Rev.of("r2", "r1").up("INSERT INTO accounts VALUES (1);").down("DELETE FROM accounts;"),
                Rev.of("r3", "r2").up("INSERT INTO accounts VALUES (2);").down("DELETE FROM accounts WHERE id = 2;"));
        assertThat(new Migrations(Db.config(counting, dir).build()).upgrade("heads").steps())
                .extracting(StepResult::revision).containsExactly("r3");
        assertThat(connections).as("the fast start's, then the lock's").hasValue(2);
        assertThat(Db.versionRows(ds)).containsExactly("r3");
    }

    @Test
    void endingTheLockHoldersSessionEndsItsWorkToo(TestDatabase db, @TempDir Path dir) throws Exception {
        DataSource ds = Db.schema(db, "terminated");
        Rev.writeAll(dir,
                Rev.of("r1", "").up("CREATE TABLE accounts (id int);").down("DROP TABLE accounts;"),
                Rev.of("r2", "r1").up("CREATE TABLE made_by_r2 (id int);\nSELECT pg_sleep(60);")
                        .down("DROP TABLE made_by_r2;"));
        Migrations migrations = new Migrations(Db.config(ds, dir).build());
        migrations.upgrade("r1");
        CompletableFuture<MigrationResult> upgrade = CompletableFuture.supplyAsync(() -> migrations.upgrade("heads"));
        String sleeping = "SELECT pid FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%pg_sleep(60)%'"
                + " AND pid <> pg_backend_pid()";
        List<String> pids = List.of();
        for (int i = 0; i < 600 && pids.isEmpty(); i++) {
            pids = Db.strings(ds, sleeping);
            Thread.sleep(20);
        }
        assertThat(pids).as("the slow revision running").hasSize(1);
        assertThat(Db.strings(ds, "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted"
                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"))
                .as("the session that holds the migration lock").isEqualTo(pids);

        Db.exec(ds, "SELECT pg_terminate_backend(" + pids.get(0) + ")");

        Throwable failure = upgrade.handle((r, e) -> e).get(30, TimeUnit.SECONDS);
        assertThat(failure).hasCauseInstanceOf(MigrationException.class);
        assertThat(failure.getCause().getMessage()).contains("r2");
        assertThat(Db.versionRows(ds)).containsExactly("r1");
        assertThat(Db.tableExists(ds, "terminated", "made_by_r2")).isFalse();
        assertThat(new Migrations(Db.config(ds, dir).build()).upgrade("r1").steps()).isEmpty();
    }

    @Test
    void whileARevisionRunsTheServerLooksForAKilledClientFourTimesASecond(TestDatabase db, @TempDir Path dir) {
        // So that a killed migrator's lock goes to the next instance within a quarter of a second (PostgreSQL 14+).
        DataSource ds = Db.schema(db, "dead_client_check");
        Rev.writeAll(dir, Rev.of("r1", "").up("CREATE TABLE seen AS SELECT"
                + " current_setting('client_connection_check_interval') AS every;").down("DROP TABLE seen;"));

        new Migrations(Db.config(ds, dir).build()).upgrade("heads");

        assertThat(Db.strings(ds, "SELECT every FROM seen")).containsExactly("250ms");
    }

    @Test
    void aPoolOfOneConnectionIsEnoughAndGetsItBackAsItWas(TestDatabase db, @TempDir Path dir) throws Exception {
        Rev.writeAll(dir,
                Rev.of("r1", "").up("CREATE TABLE accounts (id int);").down("DROP TABLE accounts;"),
                Rev.of("r2", "r1").up("INSERT INTO accounts VALUES (1);").down("DELETE FROM accounts;"));
        try (HikariDataSource pool = pool(db, "pool_of_one", Duration.ofSeconds(2))) {
            List<String> before;
            try (Connection c = pool.getConnection()) {
                before = settings(c, "lock_timeout", "statement_timeout", "client_connection_check_interval",
                        "tcp_keepalives_idle", "tcp_keepalives_interval", "tcp_keepalives_count", "tcp_user_timeout");
            }

            MigrationResult result = new Migrations(Db.config(pool, dir).lockTimeout(Duration.ofSeconds(7))
                    .statementTimeout(Duration.ofSeconds(9)).build()).upgrade("heads");

            assertThat(result.steps()).extracting(StepResult::revision).containsExactly("r1", "r2");
            assertThat(Db.versionRows(pool)).containsExactly("r2");
            try (Connection c = pool.getConnection()) {
                assertThat(settings(c, "lock_timeout", "statement_timeout", "client_connection_check_interval",
                        "tcp_keepalives_idle", "tcp_keepalives_interval", "tcp_keepalives_count", "tcp_user_timeout"))
                        .isEqualTo(before);
                assertThat(single(c, HELD_HERE)).as("advisory locks left on the pooled connection").isZero();
                assertThat(c.getAutoCommit()).isTrue();
            }
        }
    }

    @Test
    void theLockHoldersSessionGivesUpAHostThatStopsAnsweringAfterTheDeadHolderTimeout(TestDatabase db,
            @TempDir Path dir) throws Exception {
        // What the server would do about this host going silent, as the revision's own session sees it.
        Rev.writeAll(dir, Rev.of("r1", "").up("INSERT INTO seen (idle, every, probes, unacknowledged)"
                + " SELECT current_setting('tcp_keepalives_idle'), current_setting('tcp_keepalives_interval'),"
                + " current_setting('tcp_keepalives_count'), current_setting('tcp_user_timeout');").down("SELECT 1;"));
        String[] tcp = {"tcp_keepalives_idle", "tcp_keepalives_interval", "tcp_keepalives_count", "tcp_user_timeout"};
        try (HikariDataSource pool = pool(db, "dead_holder", Duration.ofSeconds(2))) {
            List<String> serversOwn;
            try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE seen (n serial, idle text, every text, probes text, unacknowledged text)");
                serversOwn = settings(c, tcp);
            }

            for (Duration timeout : List.of(MigrationsConfig.DEFAULT_DEAD_HOLDER_TIMEOUT, Duration.ofSeconds(12),
                    Duration.ZERO)) {
                Migrations migrations = new Migrations(Db.config(pool, dir).deadHolderTimeout(timeout).build());
                migrations.upgrade("heads");
                migrations.downgrade("base");
            }

            List<String> rows = new ArrayList<>();
            try (Connection c = pool.getConnection(); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT idle, every, probes, unacknowledged FROM seen ORDER BY n")) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
                }
                // After each run, the pooled connection has the server's own settings back.
                assertThat(settings(c, tcp)).isEqualTo(serversOwn);
            }
            // Seconds, seconds, probes, milliseconds: one minute by default, 12 s, and zero leaves the server's.
            assertThat(rows).containsExactly("30 10 3 60000", "6 2 3 12000",
                    serversOwn.stream().map(v -> v.substring(v.indexOf('=') + 1)).reduce((a, b) -> a + " " + b).get());
            assertThat(rows.get(2)).as("the server's own settings (a TCP connection)").isNotEqualTo("0 0 0 0");
        }
    }

    @Test
    void aRevisionThatChangesTheSearchPathLeavesThePooledConnectionAsItWas(TestDatabase db, @TempDir Path dir)
            throws Exception {
        Rev.writeAll(dir,
                Rev.of("r1", "").up("CREATE TABLE accounts (id int);\nINSERT INTO accounts VALUES (1);")
                        .down("DROP TABLE accounts;"),
                // A session-level SET, as pg_dump's output and hand-written scripts have.
                Rev.of("r2", "r1").up("CREATE SCHEMA keep_other;\nCREATE TABLE keep_other.accounts (id int);\n"
                        + "SET search_path TO keep_other, pool_keep;")
                        .down("DROP SCHEMA keep_other CASCADE;"));
        try (HikariDataSource pool = pool(db, "pool_keep", Duration.ofSeconds(2))) {
            List<String> before;
            try (Connection c = pool.getConnection()) {
                before = settings(c, "search_path", "role");
            }

            new Migrations(Db.config(pool, dir).build()).upgrade("heads");

            try (Connection c = pool.getConnection()) {
                assertThat(settings(c, "search_path", "role")).isEqualTo(before);
                assertThat(single(c, "SELECT count(*) FROM accounts")).as("the application's table").isEqualTo(1);
            }
        }
    }

    @Test
    void aPoolWithoutAutoCommitGetsItsConnectionBackWithout(TestDatabase db, @TempDir Path dir) throws Exception {
        Rev.writeAll(dir,
                Rev.of("r1", "").up("CREATE TABLE accounts (id int);").down("DROP TABLE accounts;"),
                Rev.of("r2", "r1").up("INSERT INTO accounts VALUES (1);").down("DELETE FROM accounts;"));
        try (HikariDataSource pool = pool(db, "no_autocommit", Duration.ofSeconds(2), false)) {
            MigrationResult result = new Migrations(Db.config(pool, dir).build()).upgrade("heads");

            assertThat(result.steps()).extracting(StepResult::revision).containsExactly("r1", "r2");
            try (Connection c = pool.getConnection()) {
                assertThat(c.getAutoCommit()).isFalse();
                assertThat(single(c, "SELECT count(*) FROM accounts")).as("committed").isEqualTo(1);
                assertThat(single(c, HELD_HERE)).as("advisory locks left on the pooled connection").isZero();
                c.rollback();
            }
        }
        assertThat(Db.versionRows(Db.schema(db, "no_autocommit"))).containsExactly("r2");
    }

    @Test
    void aLockRetryOverAPoolOfOneEndsInTimeAndLeavesTheDatabaseAsItWas(TestDatabase db, @TempDir Path dir)
            throws Exception {
        Rev.writeAll(dir,
                Rev.of("r1", "").up("CREATE TABLE accounts (id int);").down("DROP TABLE accounts;"),
                Rev.of("r2", "r1").up("ALTER TABLE accounts ADD COLUMN note text;")
                        .down("ALTER TABLE accounts DROP COLUMN note;"));
        // The pool's wait for a connection (30 s) is far longer than the run: the lock-wait probe,
        // which cannot get a second connection, must not hold the run up.
        try (HikariDataSource pool = pool(db, "retry_pool", Duration.ofSeconds(30))) {
            Migrations migrations = new Migrations(Db.config(pool, dir).lockTimeout(Duration.ofMillis(300))
                    .lockRetries(2).build());
            migrations.upgrade("r1");
            DataSource direct = Db.schema(db, "retry_pool");
            try (Connection reader = direct.getConnection()) {
                reader.setAutoCommit(false);
                single(reader, "SELECT count(*) FROM accounts");

                long start = System.nanoTime();
                MigrationExecutionException e = catchThrowableOfType(MigrationExecutionException.class,
                        () -> migrations.upgrade("heads"));
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                assertThat(e.sqlState()).isEqualTo("55P03");
                assertThat(e.getMessage()).contains("lock_timeout (300ms) 3 times").contains("unchanged at [r1]");
                assertThat(took).isLessThan(Duration.ofSeconds(8));
                reader.rollback();
            }
            assertThat(Db.versionRows(pool)).containsExactly("r1");
            try (Connection c = pool.getConnection()) {
                assertThat(single(c, HELD_HERE)).as("advisory locks left on the pooled connection").isZero();
            }
        }
    }
}
