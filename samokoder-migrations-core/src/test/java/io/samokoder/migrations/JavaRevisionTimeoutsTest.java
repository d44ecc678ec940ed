package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.dialect.h2.H2Dialect;
import io.samokoder.migrations.dialect.mariadb.MariaDbDialect;
import io.samokoder.migrations.dialect.postgresql.PostgresDialect;
import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.Revision;
import io.samokoder.migrations.ops.Operations;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A Java revision's own timeouts ({@code @Revision(lockTimeout, statementTimeout)}) are set around it as a
 * script's {@code Lock Timeout:} and {@code Statement Timeout:} headers are: its offline script on each
 * database is the one of the same revision written in SQL.
 */
class JavaRevisionTimeoutsTest {

    @Revision(id = "b2", revises = "a1", message = "Index things", lockTimeout = "1500ms", statementTimeout = "2min")
    static class M002_IndexThings implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE INDEX ix_things ON things (id)");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DROP INDEX ix_things");
        }
    }

    static Stream<Dialect> dialects() {
        return Stream.of(PostgresDialect.INSTANCE, MariaDbDialect.INSTANCE, MariaDbDialect.MYSQL, H2Dialect.INSTANCE);
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void theOfflineScriptIsTheOneOfTheSameRevisionInSql(Dialect dialect, @TempDir Path dir) {
        Rev root = Rev.of("a1", "").message("Things").up("CREATE TABLE things (id int);").down("DROP TABLE things;");
        Rev.writeAll(dir.resolve("sql"), root, Rev.of("b2", "a1").message("Index things")
                .header("Lock Timeout", "1500ms").header("Statement Timeout", "2min")
                .up("CREATE INDEX ix_things ON things (id);").down("DROP INDEX ix_things;"));
        Rev.writeAll(dir.resolve("java"), root);
        Migrations sql = new Migrations(MigrationsConfig.builder().dialect(dialect)
                .locations("filesystem:" + dir.resolve("sql")).build());
        Migrations java = new Migrations(MigrationsConfig.builder().dialect(dialect)
                .locations("filesystem:" + dir.resolve("java")).javaRevisions(new M002_IndexThings()).build());

        String upgrade = java.sql(Command.UPGRADE, "a1:b2");

        assertThat(upgrade).contains("CREATE INDEX ix_things ON things (id)").isEqualTo(sql.sql(Command.UPGRADE, "a1:b2"));
        assertThat(upgrade.lines().filter(line -> line.startsWith("SET ")).count()).as("timeouts set")
            .isGreaterThanOrEqualTo(2);
        assertThat(java.sql(Command.DOWNGRADE, "b2:a1")).isEqualTo(sql.sql(Command.DOWNGRADE, "b2:a1"));
    }
}
