package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.graph.RevisionException;
import io.samokoder.migrations.script.ScriptFormatException;
import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Offline scripts, rendered without any connection, applied to an empty schema give the same
 * schema and version rows as the online commands.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class OfflineSqlTest {

    private static void writeMap(Path dir) {
        Rev.writeAll(dir,
                Rev.of("a0", "").message("Accounts")
                        .up("CREATE TABLE accounts (id bigint PRIMARY KEY, name text NOT NULL DEFAULT 'it''s');\n"
                                + "INSERT INTO accounts VALUES (1, 'first; not a separator') -- trailing comment")
                        .down("DROP TABLE accounts;"),
                Rev.of("b0", "a0").message("Orders")
                        .up("CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint REFERENCES accounts (id));\n"
                                + "CREATE INDEX ix_orders_account ON orders (account_id);")
                        .down("DROP TABLE orders;"),
                Rev.of("c1", "b0").labels("audit").message("Audit function")
                        .up("CREATE FUNCTION audit_stamp() RETURNS text LANGUAGE plpgsql AS $$\nBEGIN\n"
                                + "  RETURN 'x;y';\nEND;\n$$;\nCREATE TABLE audit (at timestamptz, what text);")
                        .down("DROP TABLE audit;\nDROP FUNCTION audit_stamp();"),
                Rev.of("c2", "b0").labels("billing").message("Invoices")
                        .up("CREATE TABLE invoices (id int);\nDO $body$ BEGIN\n"
                                + "  EXECUTE 'ALTER TABLE invoices ADD COLUMN total numeric(10,2)';\nEND $body$;")
                        .down("DROP TABLE invoices;"),
                Rev.of("d0", "c1, c2").message("Merge audit and billing")
                        .up("ALTER TABLE invoices ADD COLUMN audited boolean NOT NULL DEFAULT false;")
                        .down("ALTER TABLE invoices DROP COLUMN audited;"),
                Rev.of("x0", "").labels("reports").dependsOn("b0").message("Reports")
                        .header("Lock Timeout", "2s")
                        .up("CREATE VIEW order_counts AS SELECT account_id, count(*) AS n FROM orders GROUP BY 1;")
                        .down("DROP VIEW order_counts;"));
    }

    private static List<String> schemaOf(DataSource ds, String schema) {
        List<String> out = new ArrayList<>();
        out.addAll(Db.strings(ds, "SELECT table_name, column_name, data_type, is_nullable, coalesce(column_default, '')"
                + " FROM information_schema.columns WHERE table_schema = '" + schema + "'"
                + " AND table_name <> 'samokoder_migrations_log' ORDER BY 1, 2"));
        out.addAll(Db.strings(ds, "SELECT tablename, indexname, replace(indexdef, '" + schema + ".', '')"
                + " FROM pg_indexes WHERE schemaname = '" + schema + "' AND tablename <> 'samokoder_migrations_log'"
                + " ORDER BY 1, 2"));
        out.addAll(Db.strings(ds, "SELECT c.relname, con.conname, pg_get_constraintdef(con.oid)"
                + " FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '" + schema + "'"
                + " AND c.relname <> 'samokoder_migrations_log' ORDER BY 1, 2"));
        out.addAll(Db.strings(ds, "SELECT p.proname, pg_get_function_result(p.oid) FROM pg_proc p"
                + " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = '" + schema + "' ORDER BY 1"));
        out.addAll(Db.strings(ds, "SELECT table_name FROM information_schema.views WHERE table_schema = '" + schema
                + "' ORDER BY 1"));
        out.add("rows: " + Db.versionRows(ds));
        return out;
    }

    private static boolean psqlOnPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "psql"))) {
                return true;
            }
        }
        return false;
    }

    /** Applies a script with psql (stopping at the first error) in the given schema. */
    private static void applyWithPsql(TestDatabase db, String schema, String sql, Path dir)
            throws IOException, InterruptedException {
        Path file = Files.writeString(dir.resolve(schema + "-" + System.nanoTime() + ".sql"), sql, StandardCharsets.UTF_8);
        String url = db.jdbcUrl().substring("jdbc:".length());
        int query = url.indexOf('?');
        if (query >= 0) {
            url = url.substring(0, query);
        }
        ProcessBuilder pb = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-f",
                file.toString()).redirectErrorStream(true);
        pb.environment().put("PGUSER", db.user());
        pb.environment().put("PGPASSWORD", db.password());
        pb.environment().put("PGOPTIONS", "-c search_path=" + schema);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("psql output: %s", output).isZero();
    }

    /** Applies a script through JDBC as one multi-statement string. */
    private static void applyWithJdbc(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Test
    void offlineUpgradeAndDowngradeMatchOnline(TestDatabase db, @TempDir Path dir, @TempDir Path work) throws Exception {
        writeMap(dir);
        DataSource online = Db.schema(db, "online");
        DataSource offline = Db.schema(db, "offline");
        Migrations onlineEngine = new Migrations(Db.config(online, dir).build());
        Migrations renderer = new Migrations(MigrationsConfig.builder().locations("filesystem:" + dir).build());

        onlineEngine.upgrade("heads");
        String upgrade = renderer.sql(Command.UPGRADE, "base:heads");
        if (psqlOnPath()) {
            applyWithPsql(db, "offline", upgrade, work);
        } else {
            applyWithJdbc(offline, upgrade);
        }
        assertThat(schemaOf(offline, "offline")).isEqualTo(schemaOf(online, "online"));
        assertThat(Db.strings(offline, "SELECT name FROM accounts")).containsExactly("first; not a separator");

        // An offline range starts from one revision, as Alembic resolves it: the merge's branch alone.
        onlineEngine.downgrade("c1");
        applyWithJdbc(offline, renderer.sql(Command.DOWNGRADE, "d0:c1"));
        assertThat(schemaOf(offline, "offline")).isEqualTo(schemaOf(online, "online"));
        assertThat(Db.versionRows(offline)).isEqualTo(Db.versionRows(online)).isNotEmpty();
    }

    @Test
    void rendersAlembicsShape(@TempDir Path dir) {
        writeMap(dir);
        Migrations renderer = new Migrations(MigrationsConfig.builder().locations("filesystem:" + dir).build());

        String sql = renderer.sql(Command.UPGRADE, "b0");

        // Alembic's text with transaction_per_migration=True (what the default per-revision mode is).
        assertThat(sql).isEqualTo("""
                BEGIN;

                CREATE TABLE alembic_version (
                    version_num VARCHAR(32) NOT NULL,\s
                    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
                );

                -- Running upgrade  -> a0

                CREATE TABLE accounts (id bigint PRIMARY KEY, name text NOT NULL DEFAULT 'it''s');

                INSERT INTO accounts VALUES (1, 'first; not a separator');

                INSERT INTO alembic_version (version_num) VALUES ('a0');

                COMMIT;

                BEGIN;

                -- Running upgrade a0 -> b0

                CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint REFERENCES accounts (id));

                CREATE INDEX ix_orders_account ON orders (account_id);

                UPDATE alembic_version SET version_num='b0' WHERE alembic_version.version_num = 'a0';

                COMMIT;

                """);
        assertThat(sql.split("BEGIN;", -1)).hasSize(3);
        // A script's own timeout header is the one addition to Alembic's text.
        assertThat(renderer.sql(Command.UPGRADE, "b0:x0")).doesNotContain("CREATE TABLE alembic")
                .contains("SET LOCAL lock_timeout = '2000ms'").contains("SET version_num='x0'");
        assertThat(renderer.sql(Command.DOWNGRADE, "b0:base")).contains("-- Running downgrade b0 -> a0")
                .contains("-- Running downgrade a0 -> \n")
                .contains("DELETE FROM alembic_version WHERE alembic_version.version_num = 'a0';")
                .doesNotContain("DROP TABLE alembic_version");
        assertThat(renderer.sql(Command.STAMP, "a0:b0")).contains("-- Running stamp_revision a0 -> b0")
                .doesNotContain("CREATE TABLE orders");

        String single = new Migrations(renderer.config().toBuilder().transactionMode(TransactionMode.SINGLE).build())
                .sql(Command.UPGRADE, "b0");
        assertThat(single.split("BEGIN;", -1)).hasSize(2);
        assertThat(single.split("COMMIT;", -1)).hasSize(2);
    }

    @Test
    void aTransactionalRevisionMustNotEndTheScriptsTransactionEither(@TempDir Path dir) {
        Rev.writeAll(dir, Rev.of("a1", "").up("CREATE TABLE s (id int);\nCOMMIT;").down("DROP TABLE s;"),
                Rev.of("b2", "a1").nonTransactional().up("COMMIT;").down(""));
        Migrations renderer = new Migrations(MigrationsConfig.builder().locations("filesystem:" + dir).build());

        assertThatThrownBy(() -> renderer.sql(Command.UPGRADE, "base:a1")).isInstanceOf(ScriptFormatException.class)
                .hasMessageContaining("a1.sql:").hasMessageContaining("statement 2 is COMMIT, but the revision runs in"
                        + " a transaction of the engine's");
        assertThat(renderer.sql(Command.UPGRADE, "a1:b2")).as("in autocommit, its own to manage").contains("COMMIT;");
    }

    @Test
    void namesAreQuotedOnlyWherePostgresNeedsIt(@TempDir Path dir) {
        writeMap(dir);
        MigrationsConfig base = MigrationsConfig.builder().locations("filesystem:" + dir).build();
        String sql = new Migrations(base.toBuilder().schema("app").build()).sql(Command.UPGRADE, "a0");
        assertThat(sql).contains("CREATE TABLE app.alembic_version (")
                .contains("INSERT INTO app.alembic_version (version_num) VALUES ('a0');");
        String quoted = new Migrations(base.toBuilder().schema("user").versionTable("Versions").build())
                .sql(Command.UPGRADE, "a0:b0");
        assertThat(quoted).contains("UPDATE \"user\".\"Versions\" SET version_num='b0' WHERE"
                + " \"user\".\"Versions\".version_num = 'a0';");
    }

    @Test
    void theOfflineScriptSaysWhatItDoes(@TempDir Path dir) {
        writeMap(dir);
        Migrations renderer = new Migrations(MigrationsConfig.builder().locations("filesystem:" + dir).build());
        OfflineScript script = renderer.offline(Command.UPGRADE, "a0:d0");
        assertThat(script.rowsBefore()).containsExactly("a0");
        assertThat(script.steps()).extracting(PlannedStep::revision).containsExactly("b0", "c2", "c1", "d0");
        assertThat(script.steps().get(0).message()).isEqualTo("Orders");
        assertThat(script.rowsAfter()).containsExactly("d0");
        assertThat(script.sql()).isEqualTo(renderer.sql(Command.UPGRADE, "a0:d0"));
    }

    @Test
    void offlineErrorsUseAlembicsTexts(@TempDir Path dir) {
        writeMap(dir);
        Migrations renderer = new Migrations(MigrationsConfig.builder().locations("filesystem:" + dir).build());
        assertThatThrownBy(() -> renderer.sql(Command.DOWNGRADE, "base")).isInstanceOf(RevisionException.class)
                .hasMessage("downgrade with --sql requires <fromrev>:<torev>");
        assertThatThrownBy(() -> renderer.sql(Command.STAMP, "a0:b0 b0:c1")).isInstanceOf(RevisionException.class)
                .hasMessage("Stamp operation with --sql only supports a single starting revision at a time");
        assertThatThrownBy(() -> renderer.upgrade("heads")).isInstanceOf(MigrationException.class)
                .hasMessageContaining("No DataSource is configured");
        String multiple = "Multiple head revisions are present for given argument 'heads'; please specify a specific"
                + " target revision, '<branchname>@heads' to narrow to a specific head, or 'heads' for all heads";
        assertThatThrownBy(() -> renderer.sql(Command.DOWNGRADE, "heads:base")).hasMessage(multiple);
        assertThatThrownBy(() -> renderer.sql(Command.UPGRADE, "heads:heads")).hasMessage(multiple);
        assertThatThrownBy(() -> renderer.sql(Command.STAMP, "heads:base")).hasMessage(multiple);
    }
}
