package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.Revision;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.Operations;
import io.samokoder.migrations.ops.Type;
import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestMariaDb;
import io.samokoder.migrations.testsupport.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pool whose connections come with autocommit off, as Spring services often configure Hikari for JPA
 * ({@code spring.datasource.hikari.auto-commit=false}): SQL and Java revisions run, commit and go down on
 * PostgreSQL and MariaDB with a pool of one and on H2 with a pool of two (its lock holds one), and the
 * connections go back to the pool with autocommit off.
 */
class ManualCommitPoolTest {

    @Revision(id = "j2", revises = "s1", message = "Rows")
    static class Rows implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            op.createTable("rows_t", Column.of("id", Type.INTEGER).primaryKey(), Column.of("v", Type.string(10)));
            op.bulkInsert("rows_t", List.of(Map.of("id", 1, "v", "a"), Map.of("id", 2, "v", "b")));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("rows_t");
        }
    }

    private static HikariDataSource pool(String url, String user, String password, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setAutoCommit(false);
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }

    private static void scenario(DataSource ds, Path dir) throws Exception {
        Rev.writeAll(dir,
                Rev.of("s1", "").up("CREATE TABLE books (id INT PRIMARY KEY);\nINSERT INTO books VALUES (1);")
                        .down("DROP TABLE books;"),
                Rev.of("s3", "j2").up("INSERT INTO books VALUES (3);").down("DELETE FROM books WHERE id = 3;"));
        Migrations m = new Migrations(MigrationsConfig.builder().dataSource(ds).locations("filesystem:" + dir)
                .javaRevisions(new Rows()).build());
        assertThat(m.upgrade("heads").steps()).hasSize(3);
        assertThat(m.current()).containsExactly("s3");
        assertThat(m.upgrade("heads").steps()).isEmpty();
        assertThat(m.downgrade("s1").steps()).hasSize(2);
        assertThat(m.current()).containsExactly("s1");
        assertThat(m.upgrade("heads").steps()).hasSize(2);
        try (Connection c = ds.getConnection()) {
            assertThat(c.getAutoCommit()).isFalse();
            assertThat(Db.first(c, "SELECT count(*) FROM books")).isEqualTo("2");
            assertThat(Db.first(c, "SELECT count(*) FROM rows_t")).isEqualTo("2");
            c.rollback();
        }
        assertThat(new Migrations(MigrationsConfig.builder().dataSource(ds).locations("filesystem:" + dir)
                .javaRevisions(new Rows()).build()).validate("heads").upToDate()).isTrue();
    }

    @Test
    void postgresWithAPoolOfOne(@TempDir Path dir) throws Exception {
        try (TestDatabase db = TestPostgres.createDatabase("manual");
                HikariDataSource ds = pool(db.jdbcUrl(), db.user(), db.password(), 1)) {
            scenario(ds, dir);
        }
    }

    @Test
    void mariaDbWithAPoolOfOne(@TempDir Path dir) throws Exception {
        try (TestDatabase db = TestMariaDb.createDatabase("manual");
                HikariDataSource ds = pool(db.jdbcUrl(), db.user(), db.password(), 1)) {
            scenario(ds, dir);
        }
    }

    @Test
    void h2WithAPoolOfTwo(@TempDir Path dir) throws Exception {
        try (HikariDataSource ds = pool("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 2)) {
            scenario(ds, dir);
        }
    }
}
