package io.samokoder.migrations.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.Command;
import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestMariaDb;
import io.samokoder.migrations.testsupport.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README.md's Java revision on each database: it runs up and down, and the statements sent online are
 * the offline script's, in its order.
 */
class ReadmeJavaRevisionDatabasesTest {

    @TempDir
    Path empty;

    @Test
    void onPostgresql() throws Exception {
        try (TestDatabase db = TestPostgres.createDatabase("readme")) {
            check(db.dataSource());
        }
    }

    @Test
    void onMariaDb() throws Exception {
        try (TestDatabase db = TestMariaDb.createDatabase("readme")) {
            check(db.dataSource());
        }
    }

    @Test
    void onH2() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        check(h2);
    }

    private void check(DataSource dataSource) throws SQLException {
        StatementLog log = new StatementLog(dataSource);
        Migrations migrations = new Migrations(MigrationsConfig.builder().dataSource(log.dataSource())
                .locations("filesystem:" + this.empty).fastStart(false)
                .javaRevisions(new M0041_AddUsers(), new M0042_AddOrders()).build());

        migrations.upgrade("heads");

        assertThat(migrations.current()).containsExactly("8b2e4c6d1f3a");
        assertThat(log.sent()).containsSubsequence(body(migrations.offline(Command.UPGRADE, "base:heads").sql()));
        UUID user = UUID.randomUUID();
        exec(dataSource, "INSERT INTO users (id, email) VALUES ('" + user + "', 'ada@example.com')",
                "INSERT INTO orders (user_id, total) VALUES ('" + user + "', 12.50)");
        assertThat(count(dataSource, "SELECT COUNT(*) FROM orders WHERE status = 'new'")).isEqualTo(1);
        int before = log.sent().size();

        migrations.downgrade("base");

        assertThat(migrations.current()).isEmpty();
        assertThat(log.sent().subList(before, log.sent().size()))
                .containsSubsequence(body(migrations.offline(Command.DOWNGRADE, "heads:base").sql()));
    }

    /** The revisions' statements of an offline script: without comments and version-table statements. */
    private static List<String> body(String script) {
        List<String> statements = new ArrayList<>();
        for (String chunk : script.split(";\n\n")) {
            String sql = chunk.strip();
            if (!sql.isEmpty() && !sql.startsWith("--") && !sql.contains("alembic_version") && !sql.equals("BEGIN")
                    && !sql.equals("COMMIT")) {
                statements.add(sql);
            }
        }
        assertThat(statements).isNotEmpty();
        return statements;
    }

    private static void exec(DataSource ds, String... sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    private static long count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
