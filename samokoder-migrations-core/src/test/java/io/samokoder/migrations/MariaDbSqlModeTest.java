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
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A MariaDB session whose SQL mode changes how it reads SQL, set where services set it (the pool's
 * initialisation SQL here; the server's configuration or the URL's session variables alike): a run reads
 * the session's {@code sql_mode} when it takes the lock, splits its scripts as that session reads them and
 * writes the operations' literals so that the values stored are those the revision gave.
 */
class MariaDbSqlModeTest {

    @Revision(id = "j2", revises = "s1", message = "More paths")
    static class MorePaths implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            op.bulkInsert("paths", List.of(Map.of("id", 3, "p", "E:\\x")));
            op.execute("INSERT INTO paths VALUES (:id, :p) # :p is a bind, :q is not", Map.of("id", 4, "p", "F:\\'y"));
            op.createTable("notes", Column.of("id", Type.INTEGER).primaryKey(),
                    Column.of("note", Type.string(20)).serverDefault("'n\\a'").comment("a\\b"));
            op.execute("INSERT INTO notes (id) VALUES (1)");
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("notes");
            op.execute("DELETE FROM paths WHERE id IN (3, 4)");
        }
    }

    private static HikariDataSource pool(TestDatabase db, String mode) {
        return pool(db, mode, false);
    }

    /** A pool whose sessions are in the server's SQL mode plus {@code mode}; through MySQL Connector/J if asked. */
    private static HikariDataSource pool(TestDatabase db, String mode, boolean connectorJ) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(connectorJ ? db.jdbcUrl().replaceFirst("^jdbc:mariadb:", "jdbc:mysql:") : db.jdbcUrl());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(2);
        config.setConnectionInitSql("SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, '," + mode + "')");
        return new HikariDataSource(config);
    }

    private static Migrations migrations(HikariDataSource ds, Path dir, boolean fastStart) {
        return new Migrations(MariaDb.config(ds, dir).javaRevisions(new MorePaths()).fastStart(fastStart).build());
    }

    @ParameterizedTest(name = "through MySQL Connector/J: {0}")
    @ValueSource(booleans = {false, true})
    void withNoBackslashEscapesScriptsAndOperationsKeepBackslashesAsWritten(boolean connectorJ, @TempDir Path dir) {
        Rev.writeAll(dir, Rev.of("s1", "").message("Paths")
                .up("CREATE TABLE paths (id INT PRIMARY KEY, p VARCHAR(20));\n"
                        + "INSERT INTO paths VALUES (1, 'C:\\');\nINSERT INTO paths VALUES (2, \"D:\\\");")
                .down("DROP TABLE paths;"));
        try (TestDatabase db = MariaDb.fresh("nobackslash");
                HikariDataSource ds = pool(db, "NO_BACKSLASH_ESCAPES", connectorJ)) {
            // The dry run reads the scripts as the run will.
            assertThat(migrations(ds, dir, true).plan(Command.UPGRADE, "heads").steps()).hasSize(2);

            MigrationResult result = migrations(ds, dir, true).upgrade("heads");

            assertThat(result.steps()).extracting(StepResult::revision).containsExactly("s1", "j2");
            assertThat(MariaDb.strings(ds, "SELECT CONCAT(id, ' ', p) FROM paths ORDER BY id"))
                .containsExactly("1 C:\\", "2 D:\\", "3 E:\\x", "4 F:\\'y");
            assertThat(MariaDb.strings(ds, "SELECT note FROM notes")).containsExactly("n\\a");
            assertThat(MariaDb.strings(ds, "SELECT column_comment FROM information_schema.columns"
                    + " WHERE table_schema = DATABASE() AND table_name = 'notes' AND column_name = 'note'"))
                .containsExactly("a\\b");
            // Every script checked again against its recorded checksum: found unchanged.
            assertThat(migrations(ds, dir, false).upgrade("heads").steps()).isEmpty();

            assertThat(migrations(ds, dir, true).downgrade("base").steps()).hasSize(2);
            assertThat(MariaDb.tables(ds)).doesNotContain("paths", "notes");
        }
    }

    @Test
    void withNoBackslashEscapesTheOperationsStoreTheValuesTheyWereGiven(@TempDir Path dir) {
        Rev.writeAll(dir, Rev.of("s1", "").message("Paths")
                .up("CREATE TABLE paths (id INT PRIMARY KEY, p VARCHAR(20));").down("DROP TABLE paths;"));
        try (TestDatabase db = MariaDb.fresh("nobackslashops");
                HikariDataSource ds = pool(db, "NO_BACKSLASH_ESCAPES")) {
            migrations(ds, dir, true).upgrade("heads");

            // Written for MariaDB's default mode, a backslash would have been stored twice.
            assertThat(MariaDb.strings(ds, "SELECT CONCAT(id, ' ', p) FROM paths ORDER BY id"))
                .containsExactly("3 E:\\x", "4 F:\\'y");
            assertThat(MariaDb.strings(ds, "SELECT column_comment FROM information_schema.columns"
                    + " WHERE table_schema = DATABASE() AND table_name = 'notes' AND column_name = 'note'"))
                .containsExactly("a\\b");
        }
    }

    @Test
    void aMysqldumpBaselineSetsItsOwnModeAndIsSplitSoAndTheRevisionsAfterItInTheSessionsMode(@TempDir Path dir) {
        Rev.writeAll(dir,
                Rev.of("d1", "").message("Baseline from mysqldump")
                        .up("/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;\n"
                                + "CREATE TABLE `t` (\n  `v` varchar(20) DEFAULT 'it\\'s' COMMENT 'a\\\\b'\n);\n"
                                + "/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;")
                        .down("DROP TABLE `t`;"),
                Rev.of("d2", "d1").message("A path").up("INSERT INTO t VALUES ('C:\\');")
                        .down("DELETE FROM t;"));
        try (TestDatabase db = MariaDb.fresh("dumpmode"); HikariDataSource ds = pool(db, "NO_BACKSLASH_ESCAPES")) {
            Migrations m = new Migrations(MariaDb.config(ds, dir).build());

            assertThat(m.upgrade("heads").steps()).extracting(StepResult::revision).containsExactly("d1", "d2");
            assertThat(MariaDb.strings(ds, "SELECT v FROM t")).containsExactly("C:\\");
            assertThat(MariaDb.strings(ds, "SELECT CONCAT(column_default, ' ', column_comment)"
                    + " FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 't'"))
                .containsExactly("'it''s' a\\b");
            assertThat(new Migrations(MariaDb.config(ds, dir).fastStart(false).build()).upgrade("heads").steps())
                .isEmpty();
        }
    }

    /** MariaDB's ORACLE mode (ANSI_QUOTES among much else): SQL and Java revisions up, checked, and down. */
    @Test
    void inMariaDbsOracleModeRevisionsRunAndGoDown(@TempDir Path dir) {
        Rev.writeAll(dir, Rev.of("s1", "").message("Paths")
                .up("CREATE TABLE \"paths\" (id INT PRIMARY KEY, p VARCHAR(20));\n"
                        + "INSERT INTO paths VALUES (1, 'a' || 'b');")
                .down("DROP TABLE paths;"));
        try (TestDatabase db = MariaDb.fresh("oracle"); HikariDataSource ds = pool(db, "ORACLE")) {
            Migrations m = migrations(ds, dir, true);
            assertThat(m.upgrade("heads").steps()).hasSize(2);
            assertThat(MariaDb.strings(ds, "SELECT CONCAT(id, ' ', p) FROM paths ORDER BY id"))
                .containsExactly("1 ab", "3 E:\\x", "4 F:\\'y");
            assertThat(migrations(ds, dir, false).upgrade("heads").steps()).isEmpty();
            assertThat(m.downgrade("base").steps()).hasSize(2);
        }
    }

    @Test
    void withAnsiQuotesADoubleQuotedNameIsANameAndStringsKeepTheirEscapes(@TempDir Path dir) {
        Rev.writeAll(dir, Rev.of("a1", "").message("Odd names")
                .up("CREATE TABLE \"odd\\\" (v INT);\nINSERT INTO \"odd\\\" VALUES (LENGTH('a\\'b'));")
                .down("DROP TABLE \"odd\\\";"));
        try (TestDatabase db = MariaDb.fresh("ansiquotes"); HikariDataSource ds = pool(db, "ANSI_QUOTES")) {
            Migrations m = new Migrations(MariaDb.config(ds, dir).build());

            assertThat(m.upgrade("heads").steps()).extracting(StepResult::revision).containsExactly("a1");
            assertThat(MariaDb.tables(ds)).contains("odd\\");
            assertThat(MariaDb.strings(ds, "SELECT v FROM `odd\\`")).containsExactly("3");

            m.downgrade("base");
            assertThat(MariaDb.tables(ds)).doesNotContain("odd\\");
        }
    }
}
