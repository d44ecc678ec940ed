package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the executor sends per revision: the script's statements that return no rows as one batch,
 * any other statement on its own, then one round trip for the version row, the log row and the
 * commit; timeouts only when a revision's headers change them.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class RoundTripTest {

    private static final String THREE = "CREATE TABLE t_%1$s (id bigint primary key, name text not null);\n"
            + "CREATE INDEX ix_t_%1$s_name ON t_%1$s(name);\nINSERT INTO t_%1$s(id, name) VALUES (1, 'x');";

    private static Path chain(Path dir, int n) {
        List<Rev> revs = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            revs.add(Rev.of("r" + i, i == 1 ? "" : "r" + (i - 1)).up(String.format(THREE, i))
                    .down("DROP TABLE t_" + i + ";"));
        }
        return Rev.writeAll(dir, revs.toArray(new Rev[0]));
    }

    private static int executesForUpgrade(TestDatabase db, String schema, Path scripts) {
        return executesForUpgrade(db, schema, scripts, false);
    }

    private static int executesForUpgrade(TestDatabase db, String schema, Path scripts, boolean refuseBatches) {
        AtomicInteger executes = new AtomicInteger();
        DataSource counting = counting(Db.schema(db, schema), executes, refuseBatches);
        new Migrations(Db.config(counting, scripts).build()).upgrade("heads");
        return executes.get();
    }

    @Test
    void eachRevisionCostsOneBatchPlusOneRoundTrip(TestDatabase db, @TempDir Path dir) {
        int three = executesForUpgrade(db, "rt_three", chain(dir.resolve("three"), 3));
        int six = executesForUpgrade(db, "rt_six", chain(dir.resolve("six"), 6));

        assertThat((six - three) / 3.0).isEqualTo(2.0);
        DataSource ds = Db.schema(db, "rt_six");
        assertThat(Db.strings(ds, "SELECT version_num FROM alembic_version")).containsExactly("r6");
        assertThat(Db.strings(ds, "SELECT revision || ':' || direction || ':' || outcome || ':' || rows_before"
                + " || '>' || rows_after FROM samokoder_migrations_log ORDER BY id"))
                .containsExactly("r1:up:success:>r1", "r2:up:success:r1>r2", "r3:up:success:r2>r3",
                        "r4:up:success:r3>r4", "r5:up:success:r4>r5", "r6:up:success:r5>r6");
        assertThat(Db.count(ds, "SELECT count(*) FROM t_6")).isEqualTo(1);
    }

    @Test
    void aRunCostsNineRoundTripsBesidesItsRevisions(TestDatabase db, @TempDir Path dir) throws Exception {
        Rev first = Rev.of("r1", "").up(String.format(THREE, 1)).down("DROP TABLE t_1;");
        Rev second = Rev.of("r2", "r1").up(String.format(THREE, 2)).down("DROP TABLE t_2;");
        // In a jar, whose entries' stamps (unlike a just-written file's) let the run record them as verified.
        Path jar = Rev.writeJar(dir.resolve("one.jar"), first);
        // A new database: the fast start's query (the tables are missing), the current schema, the lock,
        // the version table's read, the two tables created, the session's settings read and set, the
        // revision (2), the settings put back, the verified scripts recorded, the unlock.
        assertThat(executesForUpgradeFromJar(db, "rt_fixed", jar)).isEqualTo(9 + 2);
        jar = Rev.writeJar(dir.resolve("two.jar"), first, second);
        // A migrated database: the same, with the log read where the tables were created.
        assertThat(executesForUpgradeFromJar(db, "rt_fixed", jar)).isEqualTo(9 + 2);
        // Nothing to do: the fast start's query alone.
        assertThat(executesForUpgradeFromJar(db, "rt_fixed", jar)).isEqualTo(1);
        assertThat(Db.strings(Db.schema(db, "rt_fixed"), "SELECT heads FROM samokoder_migrations_log_state"
                + " ORDER BY verified_at")).containsExactly("r1", "r2");
    }

    @Test
    void aNewDatabaseRefusesNoQueryButTheFastStarts(TestDatabase db, @TempDir Path dir) {
        Path scripts = chain(dir, 2);
        List<String> failed = new ArrayList<>();
        new Migrations(Db.config(counting(Db.schema(db, "rt_new"), new AtomicInteger(), false, failed), scripts)
                .build()).upgrade("heads");
        // The fast start's one query finds the tables missing; the read under the lock looks them up instead.
        assertThat(failed).singleElement().asString()
                .startsWith("42P01 ERROR: relation \"alembic_version\" does not exist");
        failed.clear();
        // Without the fast start (upgrade head; fast-start off), and the commands that read: the tables are looked up.
        Migrations migrations = new Migrations(Db.config(counting(Db.schema(db, "rt_new_cli"), new AtomicInteger(),
                false, failed), scripts).fastStart(false).build());
        assertThat(migrations.current()).isEmpty();
        assertThat(migrations.history("base:heads")).hasSize(2);
        migrations.upgrade("head");
        assertThat(failed).isEmpty();
        assertThat(Db.strings(Db.schema(db, "rt_new_cli"), "SELECT version_num FROM alembic_version"))
                .containsExactly("r2");
    }

    @Test
    void currentReadsTheVersionRowsAloneWhateverTheHistory(TestDatabase db, @TempDir Path dir) {
        Path scripts = chain(dir, 6);
        new Migrations(Db.config(Db.schema(db, "rt_current"), scripts).build()).upgrade("heads");
        AtomicInteger executes = new AtomicInteger();
        Migrations migrations = new Migrations(Db.config(counting(Db.schema(db, "rt_current"), executes, false),
                scripts).build());

        // The tables looked up, then the version rows: the log, which grows with the history, is not read (a
        // report's check for another instance's run, and a health check, make this call on every request).
        assertThat(migrations.current()).containsExactly("r6");
        assertThat(executes.get()).isEqualTo(2);
        executes.set(0);
        assertThat(migrations.history(null)).hasSize(6);
        assertThat(executes.get()).as("history reads the log as well").isEqualTo(3);
    }

    /** {@link #executesForUpgrade} with the scripts in {@code db/migrations} of a jar. */
    private static int executesForUpgradeFromJar(TestDatabase db, String schema, Path jar) throws IOException {
        AtomicInteger executes = new AtomicInteger();
        DataSource counting = counting(Db.schema(db, schema), executes, false);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            new Migrations(MigrationsConfig.builder().dataSource(counting).locations("classpath:db/migrations")
                    .classLoader(loader).build()).upgrade("heads");
        }
        return executes.get();
    }

    @Test
    void aStatementThatReturnsRowsGoesOnItsOwnBetweenBatches(TestDatabase db, @TempDir Path dir) {
        Rev first = Rev.of("r1", "").up(String.format(THREE, 1)).down("DROP TABLE t_1;");
        int one = executesForUpgrade(db, "rt_one", Rev.writeAll(dir.resolve("one"), first));
        // batch of 2, the SELECT, batch of 2, the version/log/commit
        int mixed = executesForUpgrade(db, "rt_mixed", Rev.writeAll(dir.resolve("mixed"), first,
                Rev.of("r2", "r1").up("CREATE TABLE seen (n int);\nCREATE SEQUENCE seen_seq;\n"
                        + "SELECT nextval('seen_seq') FROM generate_series(1, 3);\n"
                        + "INSERT INTO seen SELECT last_value FROM seen_seq;\nINSERT INTO seen VALUES (0);")
                        .down("DROP TABLE seen;\nDROP SEQUENCE seen_seq;")));

        assertThat(mixed - one).isEqualTo(4);
        assertThat(Db.strings(Db.schema(db, "rt_mixed"), "SELECT string_agg(n::text, ',' ORDER BY n) FROM seen"))
                .containsExactly("0,3");
    }

    @Test
    void whenTheDriverRefusesABatchEntryTheStatementsGoOneByOne(TestDatabase db, @TempDir Path dir) {
        int three = executesForUpgrade(db, "rt_refused_three", chain(dir.resolve("three"), 3), true);
        int six = executesForUpgrade(db, "rt_refused_six", chain(dir.resolve("six"), 6), true);

        assertThat((six - three) / 3.0).isEqualTo(4.0);
        DataSource ds = Db.schema(db, "rt_refused_six");
        assertThat(Db.strings(ds, "SELECT version_num FROM alembic_version")).containsExactly("r6");
        assertThat(Db.count(ds, "SELECT count(*) FROM t_6")).isEqualTo(1);
    }

    private static Path timeoutScripts(Path dir, boolean nonTransactionalOverride) {
        Rev first = Rev.of("a1", "").header("Lock Timeout", "1234ms")
                .up("CREATE TABLE seen (rev text, lock_timeout text, statement_timeout text);\n"
                        + "INSERT INTO seen VALUES ('a1', current_setting('lock_timeout'),"
                        + " current_setting('statement_timeout'));")
                .down("DROP TABLE seen;");
        if (nonTransactionalOverride) {
            first.nonTransactional();
        }
        return Rev.writeAll(dir, first,
                Rev.of("b2", "a1").up("INSERT INTO seen VALUES ('b2', current_setting('lock_timeout'),"
                        + " current_setting('statement_timeout'));").down("DELETE FROM seen WHERE rev = 'b2';"),
                Rev.of("c3", "b2").header("Statement Timeout", "4321ms").up("INSERT INTO seen VALUES ('c3',"
                        + " current_setting('lock_timeout'), current_setting('statement_timeout'));")
                        .down("DELETE FROM seen WHERE rev = 'c3';"),
                Rev.of("d4", "c3").up("INSERT INTO seen VALUES ('d4', current_setting('lock_timeout'),"
                        + " current_setting('statement_timeout'));").down("DELETE FROM seen WHERE rev = 'd4';"));
    }

    private static List<String> seenWith(DataSource ds, Path scripts, TransactionMode mode) {
        new Migrations(Db.config(ds, scripts).lockTimeout(Duration.ofSeconds(7))
                .statementTimeout(Duration.ofSeconds(9)).transactionMode(mode).build()).upgrade("heads");
        return Db.strings(ds, "SELECT rev || ' ' || lock_timeout || ' ' || statement_timeout FROM seen ORDER BY rev");
    }

    @Test
    void headerTimeoutsApplyToTheirRevisionOnlyPerRevision(TestDatabase db, @TempDir Path dir) {
        assertThat(seenWith(Db.schema(db, "to_per_revision"), timeoutScripts(dir, false), TransactionMode.PER_REVISION))
                .containsExactly("a1 1234ms 9s", "b2 7s 9s", "c3 7s 4321ms", "d4 7s 9s");
    }

    @Test
    void headerTimeoutsApplyToTheirRevisionOnlyInOneTransaction(TestDatabase db, @TempDir Path dir) {
        assertThat(seenWith(Db.schema(db, "to_single"), timeoutScripts(dir, false), TransactionMode.SINGLE))
                .containsExactly("a1 1234ms 9s", "b2 7s 9s", "c3 7s 4321ms", "d4 7s 9s");
    }

    @Test
    void headerTimeoutsOfANonTransactionalRevisionDoNotLeak(TestDatabase db, @TempDir Path dir) {
        assertThat(seenWith(Db.schema(db, "to_autocommit"), timeoutScripts(dir, true), TransactionMode.PER_REVISION))
                .containsExactly("a1 1234ms 9s", "b2 7s 9s", "c3 7s 4321ms", "d4 7s 9s");
    }

    @Test
    void theSessionGetsItsTimeoutsBackAfterTheRun(TestDatabase db, @TempDir Path dir) throws SQLException {
        DataSource ds = Db.schema(db, "to_restored");
        try (Connection shared = ds.getConnection()) {
            try (Statement st = shared.createStatement()) {
                st.execute("SET lock_timeout = '111ms'");
                st.execute("SET statement_timeout = '222ms'");
            }
            new Migrations(Db.config(keptOpen(shared), timeoutScripts(dir, false)).lockTimeout(Duration.ofSeconds(7))
                    .build()).upgrade("b2");
            try (Statement st = shared.createStatement();
                    var rs = st.executeQuery("SELECT current_setting('lock_timeout') || ' '"
                            + " || current_setting('statement_timeout')")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("111ms 222ms");
            }
        }
        assertThat(Db.strings(ds, "SELECT rev || ' ' || lock_timeout FROM seen ORDER BY rev"))
                .containsExactly("a1 1234ms", "b2 7s");
    }

    /** Counts the statements sent (each execute is one round trip) on every connection it hands out. */
    private static DataSource counting(DataSource target, AtomicInteger executes, boolean refuseBatches) {
        return counting(target, executes, refuseBatches, new ArrayList<>());
    }

    /** {@link #counting(DataSource, AtomicInteger, boolean)}, adding each statement refused to {@code failed}. */
    private static DataSource counting(DataSource target, AtomicInteger executes, boolean refuseBatches,
            List<String> failed) {
        InvocationHandler connections = (proxy, method, args) -> {
            Connection c = target.getConnection();
            return Proxy.newProxyInstance(RoundTripTest.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (cp, cm, ca) -> {
                        Object result = invoke(c, cm, ca);
                        if (result instanceof Statement s) {
                            return countingStatement(s, executes, refuseBatches, failed);
                        }
                        return result;
                    });
        };
        return dataSource(connections, target);
    }

    /** A DataSource that always hands out the same connection and leaves it open. */
    private static DataSource keptOpen(Connection shared) {
        Connection unclosable = (Connection) Proxy.newProxyInstance(RoundTripTest.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (p, m, a) -> m.getName().equals("close") ? null : invoke(shared, m, a));
        return dataSource((p, m, a) -> unclosable, null);
    }

    private static DataSource dataSource(InvocationHandler getConnection, DataSource target) {
        return (DataSource) Proxy.newProxyInstance(RoundTripTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (p, m, a) -> {
                    switch (m.getName()) {
                        case "getConnection":
                            return getConnection.invoke(p, m, a);
                        case "getLogWriter":
                            return (PrintWriter) null;
                        case "getParentLogger":
                            return Logger.getGlobal();
                        case "hashCode":
                            return System.identityHashCode(p);
                        case "equals":
                            return p == a[0];
                        case "toString":
                            return "test DataSource";
                        default:
                            return target == null ? null : invoke(target, m, a);
                    }
                });
    }

    /** Counts executes; with {@code refuseBatches}, {@code addBatch} fails as pgjdbc's does for several statements. */
    private static Object countingStatement(Statement s, AtomicInteger executes, boolean refuseBatches,
            List<String> failed) {
        List<Class<?>> types = new ArrayList<>();
        for (Class<?> type : s.getClass().getInterfaces()) {
            if (type.getName().startsWith("java.sql.")) {
                types.add(type);
            }
        }
        types.add(Statement.class);
        if (s instanceof java.sql.CallableStatement) {
            types.add(java.sql.CallableStatement.class);
        } else if (s instanceof java.sql.PreparedStatement) {
            types.add(java.sql.PreparedStatement.class);
        }
        return Proxy.newProxyInstance(RoundTripTest.class.getClassLoader(),
                types.stream().distinct().toArray(Class<?>[]::new), (p, m, a) -> {
                    if (refuseBatches && m.getName().equals("addBatch")) {
                        throw new SQLException("Multi-statement SQL is not supported in Statement.addBatch()", "0A000");
                    }
                    if (!m.getName().startsWith("execute")) {
                        return invoke(s, m, a);
                    }
                    executes.incrementAndGet();
                    try {
                        return invoke(s, m, a);
                    } catch (SQLException e) {
                        failed.add(e.getSQLState() + " " + e.getMessage());
                        throw e;
                    }
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
