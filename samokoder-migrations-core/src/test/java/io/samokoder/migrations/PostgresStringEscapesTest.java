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
import io.samokoder.migrations.testsupport.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The values a Java revision's operations write on PostgreSQL are stored as given whether the session has
 * {@code standard_conforming_strings} on (the default) or off (a legacy setting, under which a backslash in a
 * plain string literal is an escape).
 */
class PostgresStringEscapesTest {

    @Revision(id = "j1", message = "Paths")
    static class Paths implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            op.createTable("paths", Column.of("id", Type.INTEGER).primaryKey(),
                    Column.of("p", Type.string(20)).comment("a\\b"), Column.of("b", Type.BYTES));
            op.bulkInsert("paths", List.of(Map.of("id", 1, "p", "C:\\x", "b", new byte[] {(byte) 0xde, 0x5c})));
            op.execute("INSERT INTO paths (id, p) VALUES (:id, :p)", Map.of("id", 2, "p", "D:\\'y"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("paths");
        }
    }

    @ParameterizedTest(name = "standard_conforming_strings = {0}")
    @ValueSource(strings = {"on", "off"})
    void backslashesAreStoredAsGiven(String conforming, @TempDir Path dir) {
        try (TestDatabase db = TestPostgres.createDatabase("escapes"); HikariDataSource ds = pool(db, conforming)) {
            Migrations m = new Migrations(Db.config(ds, dir).javaRevisions(new Paths()).build());

            assertThat(m.upgrade("heads").steps()).hasSize(1);
            assertThat(Db.strings(ds, "SELECT id || ' ' || p || ' ' || COALESCE(encode(b, 'hex'), '-') FROM paths"
                    + " ORDER BY id")).containsExactly("1 C:\\x de5c", "2 D:\\'y -");
            assertThat(Db.strings(ds, "SELECT col_description('paths'::regclass, 2)")).containsExactly("a\\b");
            assertThat(m.downgrade("base").steps()).hasSize(1);
        }
    }

    private static HikariDataSource pool(TestDatabase db, String conforming) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(2);
        config.setConnectionInitSql("SET standard_conforming_strings = " + conforming);
        return new HikariDataSource(config);
    }
}
