package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.dialect.mariadb.MariaDbDialect;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Offline SQL for MariaDB without a connection, compared with what Alembic 1.8 writes for a
 * {@code mysql+pymysql} URL from the same revisions ({@code alembic upgrade b2 --sql},
 * {@code alembic downgrade b2:base --sql}): no BEGIN/COMMIT, the same version-table DDL.
 */
class MariaDbOfflineSqlTest {

    /** {@code alembic upgrade b2 --sql}. */
    private static final String ALEMBIC_UPGRADE = "CREATE TABLE alembic_version (\n"
                + "    version_num VARCHAR(32) NOT NULL, \n"
                + "    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n"
                + ");\n"
                + "\n"
                + "-- Running upgrade  -> a1\n"
                + "\n"
                + "CREATE TABLE t1 (id INT);\n"
                + "\n"
                + "INSERT INTO alembic_version (version_num) VALUES ('a1');\n"
                + "\n"
                + "-- Running upgrade a1 -> b2\n"
                + "\n"
                + "INSERT INTO t1 VALUES ('it''s');\n"
                + "\n"
                + "UPDATE alembic_version SET version_num='b2' WHERE alembic_version.version_num = 'a1';\n"
                + "\n";

    /** {@code alembic downgrade b2:base --sql}. */
    private static final String ALEMBIC_DOWNGRADE = "-- Running downgrade b2 -> a1\n"
                + "\n"
                + "DELETE FROM t1;\n"
                + "\n"
                + "UPDATE alembic_version SET version_num='a1' WHERE alembic_version.version_num = 'b2';\n"
                + "\n"
                + "-- Running downgrade a1 -> \n"
                + "\n"
                + "DROP TABLE t1;\n"
                + "\n"
                + "DELETE FROM alembic_version WHERE alembic_version.version_num = 'a1';\n"
                + "\n"
                + "DROP TABLE alembic_version;\n"
                + "\n";

    private static Migrations offline(Path dir, MigrationsConfig.Builder config) {
        return offline(dir, config, MariaDbDialect.INSTANCE);
    }

    private static Migrations offline(Path dir, MigrationsConfig.Builder config, MariaDbDialect dialect) {
        Rev.writeAll(dir,
                Rev.of("a1", "").up("CREATE TABLE t1 (id INT);").down("DROP TABLE t1;"),
                Rev.of("b2", "a1").up("INSERT INTO t1 VALUES ('it''s');").down("DELETE FROM t1;"));
        return new Migrations(config.locations("filesystem:" + dir).dialect(dialect).build());
    }

    @Test
    void upgradeAndDowngradeAreWrittenAsAlembicWritesThemForMysql(@TempDir Path dir) {
        Migrations migrations = offline(dir, MigrationsConfig.builder());

        assertThat(migrations.sql(Command.UPGRADE, "b2")).isEqualTo(ALEMBIC_UPGRADE);
        // Alembic also drops the version table at base; the engine keeps it, on every database.
        assertThat(migrations.sql(Command.DOWNGRADE, "b2:base") + "DROP TABLE alembic_version;\n\n")
                .isEqualTo(ALEMBIC_DOWNGRADE);
    }

    @Test
    void aScriptWhoseQuotesCloseOnlyInAnotherSqlModeIsWrittenAsThatModeReadsIt(@TempDir Path dir) {
        // Written for a server with NO_BACKSLASH_ESCAPES: offline, no session says so, and the default reading
        // leaves a quote open.
        Rev.writeAll(dir, Rev.of("p1", "").up("INSERT INTO paths VALUES ('C:\\');\nINSERT INTO paths VALUES ('D:\\');")
                .down("DELETE FROM paths;"));
        Migrations migrations = new Migrations(MigrationsConfig.builder().locations("filesystem:" + dir)
                .dialect(MariaDbDialect.INSTANCE).build());

        assertThat(migrations.sql(Command.UPGRADE, "p1"))
            .contains("INSERT INTO paths VALUES ('C:\\');\n\nINSERT INTO paths VALUES ('D:\\');\n\n");

        // A quote that no reading closes fails with the default reading's message.
        Rev.writeAll(dir, Rev.of("p2", "p1").up("SELECT 'abc;"));
        assertThatThrownBy(() -> new Migrations(MigrationsConfig.builder().locations("filesystem:" + dir)
                .dialect(MariaDbDialect.INSTANCE).build()).sql(Command.UPGRADE, "p2"))
            .hasMessageEndingWith("p2.sql:8: Unterminated string literal starting on this line; close it with ' (write"
                    + " a quote inside a string as '')");
    }

    @io.samokoder.migrations.java.Revision(id = "d4", revises = "b2", message = "Documents")
    static class JsonbDocuments implements io.samokoder.migrations.java.JavaRevision {
        @Override
        public void upgrade(io.samokoder.migrations.ops.Operations op) {
            op.createTable("docs", io.samokoder.migrations.ops.Column.of("body", io.samokoder.migrations.ops.Type.JSONB));
        }

        @Override
        public void downgrade(io.samokoder.migrations.ops.Operations op) {
            op.dropTable("docs");
        }
    }

    @Test
    void anOperationTheDatabaseCannotRunNamesItsJavaRevision(@TempDir Path dir) {
        Migrations migrations = offline(dir, MigrationsConfig.builder().javaRevisions(new JsonbDocuments()));

        assertThatThrownBy(() -> migrations.sql(Command.UPGRADE, "b2:d4"))
                .isInstanceOf(io.samokoder.migrations.ops.OperationNotSupportedException.class)
                .hasMessage("Java revision io.samokoder.migrations.MariaDbOfflineSqlTest$JsonbDocuments, its upgrade():"
                        + " Column docs.body is of type jsonb, which MariaDB/MySQL does not have; use Type.JSON"
                        + " (MariaDB/MySQL's JSON)");
    }

    @Test
    void namesAreQuotedWithBackticksOnlyWhereNeededAndTimeoutsAreSessionVariables(@TempDir Path dir) {
        Rev.writeAll(dir, Rev.of("c3", "b2").header("Lock Timeout", "1500ms").header("Statement Timeout", "2min")
                .up("CREATE INDEX ix ON t1 (id);").down("DROP INDEX ix ON t1;"));
        Migrations migrations = offline(dir, MigrationsConfig.builder().schema("Shop").versionTable("order"));

        String sql = migrations.sql(Command.UPGRADE, "b2:c3");

        assertThat(sql).isEqualTo("-- Running upgrade b2 -> c3\n\n"
                + "SET SESSION lock_wait_timeout = 2;\n\n"
                + "SET SESSION max_statement_time = 120;\n\n"
                + "CREATE INDEX ix ON t1 (id);\n\n"
                + "SET SESSION lock_wait_timeout = DEFAULT;\n\n"
                + "SET SESSION max_statement_time = DEFAULT;\n\n"
                + "UPDATE `Shop`.`order` SET version_num='c3' WHERE `Shop`.`order`.version_num = 'b2';\n\n");
        assertThat(offline(dir, MigrationsConfig.builder().versionTable("order"), MariaDbDialect.MYSQL)
                .sql(Command.UPGRADE, "b2:c3")).contains("SET SESSION max_execution_time = 120000;\n\n");
    }
}
