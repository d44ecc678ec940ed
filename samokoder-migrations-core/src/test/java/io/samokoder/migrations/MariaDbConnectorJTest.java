package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mysql.cj.jdbc.MysqlDataSource;
import io.samokoder.migrations.dialect.Dialects;
import io.samokoder.migrations.dialect.mariadb.MariaDbDialect;
import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.Revision;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.Operations;
import io.samokoder.migrations.ops.Type;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A MariaDB server reached through MySQL Connector/J ({@code jdbc:mysql:}), as many Spring services on
 * MariaDB are configured: the driver names every server "MySQL", and the run must still take MariaDB's
 * dialect (its statement timeout is {@code max_statement_time}; MySQL's {@code max_execution_time} does
 * not exist there), lock, record partial attempts and run Java revisions as with MariaDB's own driver.
 */
class MariaDbConnectorJTest {

    /** Connector/J's DataSource for the test database. */
    private static DataSource connectorJ(TestDatabase db) {
        MysqlDataSource ds = new MysqlDataSource();
        ds.setURL(db.jdbcUrl().replaceFirst("^jdbc:mariadb:", "jdbc:mysql:"));
        ds.setUser(db.user());
        ds.setPassword(db.password() == null ? "" : db.password());
        return ds;
    }

    @Revision(id = "j2", revises = "s1", message = "Shelves and their first rows")
    static class Shelves implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            op.createTable("shelves", Column.of("id", Type.INTEGER).primaryKey(),
                    Column.of("label", Type.string(40)).notNull(), Column.of("since", Type.DATE));
            op.bulkInsert("shelves", List.of(Map.of("id", 1, "label", "it's \\ first", "since",
                    LocalDate.of(2024, 2, 29)), Map.of("id", 2, "label", "second")));
            op.execute("INSERT INTO shelves (id, label) VALUES (:id, :label)", Map.of("id", 3, "label", "third"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("shelves");
        }
    }

    @Test
    void theDriverSaysMySqlAndTheVersionSaysMariaDb() throws Exception {
        try (TestDatabase db = MariaDb.fresh("cjproduct"); Connection c = connectorJ(db).getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("MySQL");
            assertThat(c.getMetaData().getDatabaseProductVersion()).containsIgnoringCase("MariaDB");

            assertThat(Dialects.product(c.getMetaData())).isEqualTo("MariaDB");
            assertThat(Dialects.forProduct(Dialects.product(c.getMetaData()))).contains(MariaDbDialect.INSTANCE);
        }
        try (TestDatabase db = MariaDb.fresh("cjown"); Connection c = db.connect()) {
            assertThat(Dialects.product(c.getMetaData())).isEqualTo("MariaDB");
        }
        // A server whose version does not say MariaDB stays MySQL (H2 underneath, reporting the product name).
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:cjmysql");
        try (Connection c = UnsupportedDatabaseTest.reportingProduct(h2, "MySQL").getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductVersion()).doesNotContainIgnoringCase("mariadb");
            assertThat(Dialects.product(c.getMetaData())).isEqualTo("MySQL");
        }
    }

    @Test
    void sqlAndJavaRevisionsRunUpAndDownWithMariaDbsDialect(@TempDir Path dir) {
        Rev.writeAll(dir,
                Rev.of("s1", "").up("CREATE TABLE books (id INT PRIMARY KEY, title VARCHAR(20));\n"
                        + "INSERT INTO books VALUES (1, 'a \\'quoted\\' one');").down("DROP TABLE books;"),
                Rev.of("s3", "j2").up("ALTER TABLE books ADD COLUMN shelf_id INT;").down(
                        "ALTER TABLE books DROP COLUMN shelf_id;"));
        try (TestDatabase db = MariaDb.fresh("cjrun")) {
            DataSource ds = connectorJ(db);
            Migrations migrations = new Migrations(MariaDb.config(ds, dir).statementTimeout(Duration.ofMinutes(1))
                    .javaRevisions(new Shelves()).build());

            MigrationResult up = migrations.upgrade("heads");

            assertThat(up.steps()).extracting(StepResult::revision).containsExactly("s1", "j2", "s3");
            assertThat(MariaDb.versionRows(ds)).containsExactly("s3");
            assertThat(MariaDb.strings(ds, "SELECT title FROM books")).containsExactly("a 'quoted' one");
            assertThat(MariaDb.strings(ds, "SELECT id, label, since FROM shelves ORDER BY id")).containsExactly(
                    "1|it's \\ first|2024-02-29", "2|second|null", "3|third|null");
            assertThat(MariaDb.strings(ds, "SELECT revision, direction, outcome FROM samokoder_migrations_log"
                    + " ORDER BY id")).containsExactly("s1|up|success", "j2|up|success", "s3|up|success");
            assertThat(migrations.validate("heads").upToDate()).isTrue();

            assertThat(migrations.downgrade("base").steps()).extracting(StepResult::revision)
                    .containsExactly("s3", "j2", "s1");
            assertThat(MariaDb.tables(ds)).containsExactly("alembic_version", "samokoder_migrations_log");
        }
    }

    @Test
    void enginesStartingTogetherRunEachRevisionOnce(@TempDir Path dir) throws Exception {
        Rev.writeAll(dir,
                Rev.of("r1", "").up("INSERT INTO side_effect VALUES ('r1');\nDO SLEEP(0.05);").down("SELECT 1;"),
                Rev.of("r2", "r1").up("INSERT INTO side_effect VALUES ('r2');\nDO SLEEP(0.05);").down("SELECT 1;"));
        try (TestDatabase db = MariaDb.fresh("cjstorm")) {
            DataSource ds = connectorJ(db);
            MariaDb.exec(ds, "CREATE TABLE side_effect (revision VARCHAR(32))");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<MigrationResult>> runs = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    runs.add(pool.submit(() -> {
                        start.await();
                        return new Migrations(MariaDb.config(ds, dir).build()).upgrade("heads");
                    }));
                }
                start.countDown();
                for (Future<MigrationResult> run : runs) {
                    assertThat(run.get(120, TimeUnit.SECONDS).rowsAfter()).containsExactly("r2");
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(MariaDb.strings(ds, "SELECT revision, count(*) FROM side_effect GROUP BY revision ORDER BY 1"))
                    .containsExactly("r1|1", "r2|1");
        }
    }

    @Test
    void aBoundedWaitNamesTheHolder(@TempDir Path dir) throws Exception {
        Rev.writeAll(dir, Rev.of("r1", "").up("CREATE TABLE t1 (id INT);").down("DROP TABLE t1;"));
        try (TestDatabase db = MariaDb.fresh("cjheld")) {
            DataSource ds = connectorJ(db);
            long key = MariaDbDialect.INSTANCE.lock().lockKey(db.name(), "alembic_version");
            try (Connection holder = ds.getConnection();
                    PreparedStatement take = holder.prepareStatement(
                            "SELECT GET_LOCK(CONCAT('samokoder:', ?), 0), CONNECTION_ID()")) {
                take.setLong(1, key);
                int holderId;
                try (ResultSet rs = take.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(1);
                    holderId = rs.getInt(2);
                }

                LockTimeoutException e = catchThrowableOfType(LockTimeoutException.class, () -> new Migrations(
                        MariaDb.config(ds, dir).lockWaitTimeout(Duration.ofMillis(300)).build()).upgrade("heads"));

                assertThat(e.holderPid()).isEqualTo(holderId);
                assertThat(e.getMessage()).contains("held by pid " + holderId, "KILL " + holderId);
                assertThat(MariaDb.tables(ds)).isEmpty();
            }
        }
    }

    @Test
    void aFailureInTheMiddleIsRecordedAndTheNextRunRefuses(@TempDir Path dir) {
        Rev.writeAll(dir, Rev.of("p1", "").message("Three statements").up("CREATE TABLE one (id INT);\n"
                + "CREATE TABLE two (id no_such_type);\nCREATE TABLE three (id INT);").down("DROP TABLE one;"));
        try (TestDatabase db = MariaDb.fresh("cjpartial")) {
            DataSource ds = connectorJ(db);
            Migrations migrations = new Migrations(MariaDb.config(ds, dir).build());

            MigrationExecutionException failure = catchThrowableOfType(MigrationExecutionException.class,
                    () -> migrations.upgrade("heads"));

            assertThat(failure.getMessage()).contains("Revision p1 failed at statement 2");
            assertThat(MariaDb.tables(ds)).contains("one").doesNotContain("two", "three");
            assertThat(MariaDb.versionRows(ds)).isEmpty();
            PartialRevisionException refusal = catchThrowableOfType(PartialRevisionException.class,
                    () -> migrations.upgrade("heads"));
            assertThat(refusal.revision()).isEqualTo("p1");
            assertThat(refusal.applied()).isEqualTo(1);
            assertThat(refusal.total()).isEqualTo(3);
        }
    }
}
