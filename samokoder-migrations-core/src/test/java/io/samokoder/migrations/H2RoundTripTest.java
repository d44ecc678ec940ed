package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.dialect.h2.H2Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The H2 dialect on an in-memory database: a branched graph with a merge goes up to the heads and
 * down to base, with Alembic's version table, the log, the fast start and per-revision timeouts; on a
 * file database, without an error for H2's trace file.
 */
class H2RoundTripTest {

    private static void writeGraph(Path dir) {
        Rev.writeAll(dir,
                Rev.of("a1", "").message("Accounts")
                        .up("CREATE TABLE accounts (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL DEFAULT 'it''s');\n"
                                + "INSERT INTO accounts VALUES (1, 'first; not a separator'); -- a comment")
                        .down("DROP TABLE accounts;"),
                Rev.of("b1", "a1").labels("orders").message("Orders")
                        .up("CREATE TABLE orders (id BIGINT PRIMARY KEY, account_id BIGINT REFERENCES accounts (id));\n"
                                + "CREATE INDEX ix_orders_account ON orders (account_id);")
                        .down("DROP TABLE orders;"),
                Rev.of("b2", "a1").labels("billing").message("Invoices").header("Lock Timeout", "750ms")
                        .header("Statement Timeout", "5s")
                        .up("CREATE TABLE invoices (id INT, total DECIMAL(10, 2));")
                        .down("DROP TABLE invoices;"),
                Rev.of("c1", "b1, b2").message("Merge orders and billing")
                        .up("ALTER TABLE invoices ADD COLUMN order_id BIGINT;")
                        .down("ALTER TABLE invoices DROP COLUMN order_id;"),
                Rev.of("d1", "c1").nonTransactional().message("Index outside a transaction")
                        .up("CREATE INDEX ix_invoices_order ON invoices (order_id);")
                        .down("DROP INDEX ix_invoices_order;"));
    }

    @Test
    void aFileDatabaseGetsNoTraceFileOfErrors(@TempDir Path dir) throws Exception {
        Path scripts = dir.resolve("scripts");
        writeGraph(scripts);
        Thread.sleep(2100);
        // H2 writes every error of a file database's connections to <name>.trace.db: a new database's missing
        // tables are looked up, not queried. The database is kept open between connections (closing and
        // opening it again, with assertions on, trips one of H2's own).
        DataSource ds = H2Db.url("jdbc:h2:file:" + dir.resolve("app").toAbsolutePath() + ";DB_CLOSE_DELAY=-1");
        Migrations migrations = new Migrations(H2Db.config(ds, scripts).build());

        assertThat(migrations.current()).isEmpty();
        assertThat(migrations.validate("heads").pending()).hasSize(5);
        assertThat(migrations.upgrade("b2").steps()).hasSize(2);
        assertThat(migrations.upgrade("heads").steps()).hasSize(3);
        assertThat(migrations.upgrade("heads").fastStart()).isTrue();
        assertThat(migrations.downgrade("base").steps()).hasSize(5);

        assertThat(H2Db.versionRows(ds)).isEmpty();
        Db.exec(ds, "SHUTDOWN");
        Path trace = dir.resolve("app.trace.db");
        assertThat(Files.exists(trace) ? Files.readString(trace) : "").isEmpty();
    }

    @Test
    void whereH2ComparesNamesWithoutCaseTheLookupFindsAVersionTableOfAnotherCase(@TempDir Path dir) {
        writeGraph(dir);
        DataSource ds = H2Db.memory();
        String url = ((org.h2.jdbcx.JdbcDataSource) ds).getURL() + ";CASE_INSENSITIVE_IDENTIFIERS=TRUE";
        ds = H2Db.url(url);
        // Made by hand, bare, so H2 keeps it upper-case: the statements' "alembic_version" finds it all the same.
        Db.exec(ds, "CREATE TABLE ALEMBIC_VERSION (VERSION_NUM VARCHAR(32) PRIMARY KEY)",
                "CREATE TABLE accounts (id BIGINT PRIMARY KEY)", "INSERT INTO ALEMBIC_VERSION VALUES ('a1')");

        MigrationResult up = new Migrations(H2Db.config(ds, dir).build()).upgrade("heads");

        assertThat(up.steps()).extracting(StepResult::revision).containsExactly("b2", "b1", "c1", "d1");
    }

    @Test
    void upgradesToTheHeadsAndDowngradesToBase(@TempDir Path dir) throws Exception {
        writeGraph(dir);
        // Stamps of files changed within the last two seconds are not trusted by the fast start.
        Thread.sleep(2100);
        DataSource ds = H2Db.memory();
        Migrations migrations = new Migrations(H2Db.config(ds, dir).build());

        MigrationResult up = migrations.upgrade("heads");

        assertThat(up.steps()).extracting(StepResult::revision).containsExactly("a1", "b2", "b1", "c1", "d1");
        assertThat(H2Db.versionRows(ds)).containsExactly("d1");
        assertThat(migrations.current()).containsExactly("d1");
        assertThat(Db.strings(ds, "SELECT name FROM accounts")).containsExactly("first; not a separator");
        assertThat(Db.count(ds, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES"
                + " WHERE INDEX_NAME = 'IX_INVOICES_ORDER'")).isEqualTo(1);
        assertThat(Db.strings(ds, "SELECT revision || ' ' || direction || ' ' || outcome || ' ' || db_user"
                + " FROM \"samokoder_migrations_log\" ORDER BY id"))
                .containsExactly("a1 up success SA", "b2 up success SA", "b1 up success SA", "c1 up success SA",
                        "d1 up success SA");
        assertThat(Db.strings(ds, "SELECT rows_before || ' -> ' || rows_after FROM \"samokoder_migrations_log\""
                + " WHERE revision = 'c1'")).containsExactly("b2,b1 -> c1");
        assertThat(Db.strings(ds, "SELECT COLUMN_NAME || ' ' || DATA_TYPE || ' ' || IS_NULLABLE"
                + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'alembic_version'"))
                .containsExactly("VERSION_NUM CHARACTER VARYING NO");
        // The revision's own timeouts were restored to the run's after it.
        assertThat(Db.strings(ds, "SELECT LOCK_TIMEOUT()")).hasSize(1);

        MigrationResult again = migrations.upgrade("heads");
        assertThat(again.steps()).isEmpty();
        assertThat(again.fastStart()).as("the second start is answered by the fast start's query").isTrue();
        assertThat(Db.strings(ds, "SELECT heads || ' ' || log_rows FROM \"samokoder_migrations_log_state\""))
                .containsExactly("d1 5");

        MigrationResult down = migrations.downgrade("base");

        assertThat(down.steps()).extracting(StepResult::revision).containsExactly("d1", "c1", "b1", "b2", "a1");
        assertThat(H2Db.versionRows(ds)).isEmpty();
        assertThat(H2Db.tableExists(ds, "ACCOUNTS")).isFalse();
        assertThat(H2Db.tableExists(ds, "INVOICES")).isFalse();
        assertThat(H2Db.tableExists(ds, "alembic_version")).isTrue();
        assertThat(H2Db.tableExists(ds, "alembic_version_lock")).isTrue();
        assertThat(Db.count(ds, "SELECT COUNT(*) FROM \"samokoder_migrations_log\" WHERE direction = 'down'"
                + " AND outcome = 'success'")).isEqualTo(5);
    }

    @Test
    void movesBranchesAndStamps(@TempDir Path dir) {
        writeGraph(dir);
        DataSource ds = H2Db.memory();
        Migrations migrations = new Migrations(H2Db.config(ds, dir).build());

        migrations.upgrade("b2");
        assertThat(H2Db.versionRows(ds)).containsExactly("b2");
        migrations.upgrade("b1");
        assertThat(H2Db.versionRows(ds)).containsExactly("b1", "b2");
        migrations.downgrade("billing@-1");
        assertThat(H2Db.versionRows(ds)).containsExactly("b1");
        migrations.stamp(java.util.List.of("heads"), false);
        assertThat(H2Db.versionRows(ds)).containsExactly("d1");
        assertThat(migrations.validate("heads").drift()).isEmpty();
    }

    @Test
    void aFailedRevisionLeavesTheVersionTableAtTheLastGoodOne(@TempDir Path dir) {
        Rev.writeAll(dir,
                Rev.of("a1", "").up("CREATE TABLE t (id INT PRIMARY KEY);").down("DROP TABLE t;"),
                Rev.of("a2", "a1").up("INSERT INTO missing_table VALUES (1);").down("SELECT 1;"));
        DataSource ds = H2Db.memory();
        Migrations migrations = new Migrations(H2Db.config(ds, dir).build());

        assertThatThrownBy(() -> migrations.upgrade("heads")).isInstanceOf(MigrationExecutionException.class)
                .hasMessageContaining("a2").hasMessageContaining("Table \"MISSING_TABLE\" not found. Revision a2 ran")
                .hasMessageNotContaining("SQL statement:");

        assertThat(H2Db.versionRows(ds)).containsExactly("a1");
        assertThat(Db.strings(ds, "SELECT revision || ' ' || outcome FROM \"samokoder_migrations_log\" ORDER BY id"))
                .containsExactly("a1 success", "a2 failed");
    }

    /** Why {@link H2Dialect#transactionalDdl()} is false: H2 commits the open transaction before DDL. */
    @Test
    void h2CommitsTheOpenTransactionBeforeDdl() throws SQLException {
        DataSource ds = H2Db.memory();
        Db.exec(ds, "CREATE TABLE t (id INT)");
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("INSERT INTO t VALUES (1)");
            st.execute("CREATE TABLE u (id INT)");
            c.rollback();
        }
        assertThat(Db.count(ds, "SELECT COUNT(*) FROM t")).isEqualTo(1);
        assertThat(H2Db.tableExists(ds, "U")).isTrue();
        assertThat(H2Dialect.INSTANCE.transactionalDdl()).isFalse();
    }
}
