package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.dialect.h2.H2Dialect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Offline scripts for H2, rendered without a connection, run by H2 itself ({@code RUNSCRIPT}) and
 * give the tables and version rows of the online commands. As H2's DDL is not transactional, they
 * have no BEGIN/COMMIT; a revision's own timeouts are set and reset around it.
 */
class H2OfflineSqlTest {

    private static void writeGraph(Path dir) {
        Rev.writeAll(dir,
                Rev.of("a1", "").message("Accounts")
                        .up("CREATE TABLE accounts (id BIGINT PRIMARY KEY, name VARCHAR(100) DEFAULT 'it''s');\n"
                                + "INSERT INTO accounts VALUES (1, 'first; not a separator') -- trailing comment")
                        .down("DROP TABLE accounts;"),
                Rev.of("b1", "a1").labels("orders").header("Lock Timeout", "3s")
                        .up("CREATE TABLE orders (id BIGINT PRIMARY KEY, account_id BIGINT REFERENCES accounts (id));")
                        .down("DROP TABLE orders;"),
                Rev.of("b2", "a1").labels("billing").up("CREATE TABLE invoices (id INT);").down("DROP TABLE invoices;"),
                Rev.of("c1", "b1, b2").up("ALTER TABLE invoices ADD COLUMN order_id BIGINT;")
                        .down("ALTER TABLE invoices DROP COLUMN order_id;"));
    }

    private static List<String> tables(DataSource ds) {
        return Db.strings(ds, "SELECT TABLE_NAME || ' ' || COLUMN_NAME || ' ' || DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME NOT LIKE 'samokoder%' AND TABLE_NAME NOT LIKE '%_lock'"
                + " ORDER BY TABLE_NAME, ORDINAL_POSITION");
    }

    private static void runScript(DataSource ds, Path dir, String name, String sql) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, sql, StandardCharsets.UTF_8);
        Db.exec(ds, "RUNSCRIPT FROM '" + file.toAbsolutePath() + "' CHARSET 'UTF-8'");
    }

    @Test
    void offlineScriptsRunOnH2AndMatchTheOnlineCommands(@TempDir Path dir) throws Exception {
        Path scripts = dir.resolve("scripts");
        writeGraph(scripts);
        Migrations offline = new Migrations(MigrationsConfig.builder().dialect(H2Dialect.INSTANCE)
                .locations("filesystem:" + scripts).build());

        String up = offline.sql(Command.UPGRADE, "heads");

        assertThat(up).doesNotContain("BEGIN;").doesNotContain("COMMIT;")
                .contains("CREATE TABLE \"alembic_version\" (\n    version_num VARCHAR(32) NOT NULL, \n"
                        + "    CONSTRAINT \"alembic_version_pkc\" PRIMARY KEY (version_num)\n);")
                .contains("SET LOCK_TIMEOUT 3000;\n\nSET QUERY_TIMEOUT 0;")
                .contains("SET LOCK_TIMEOUT 2000;\n\nSET QUERY_TIMEOUT 0;")
                .contains("UPDATE \"alembic_version\" SET version_num='c1' WHERE \"alembic_version\".version_num = 'b2'");
        DataSource byScript = H2Db.memory();
        runScript(byScript, dir, "up.sql", up);

        DataSource online = H2Db.memory();
        new Migrations(H2Db.config(online, scripts).build()).upgrade("heads");

        assertThat(tables(byScript)).isEqualTo(tables(online)).contains("ACCOUNTS ID BIGINT");
        assertThat(H2Db.versionRows(byScript)).containsExactly("c1").isEqualTo(H2Db.versionRows(online));
        assertThat(Db.strings(byScript, "SELECT name FROM accounts")).containsExactly("first; not a separator");

        runScript(byScript, dir, "down.sql", offline.sql(Command.DOWNGRADE, "c1:base"));

        assertThat(tables(byScript)).containsExactly("alembic_version VERSION_NUM CHARACTER VARYING");
        assertThat(H2Db.versionRows(byScript)).isEmpty();
    }
}
