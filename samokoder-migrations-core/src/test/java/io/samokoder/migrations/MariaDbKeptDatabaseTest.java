package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A revision's {@code USE} on MariaDB (mysqldump's {@code --databases} output has one), and the session
 * variables that mysqldump's executable comments set, do not stay on the application's pooled connection
 * that the run used: the run puts the current database and those variables back.
 */
class MariaDbKeptDatabaseTest {

    @Test
    void aRevisionThatChangesTheDatabaseLeavesThePooledConnectionOnItsOwn(@TempDir Path dir) throws Exception {
        try (TestDatabase db = MariaDb.fresh("keep"); TestDatabase other = MariaDb.fresh("keep_other")) {
            Rev.writeAll(dir,
                    Rev.of("r1", "").up("CREATE TABLE accounts (id INT);\nINSERT INTO accounts VALUES (1);")
                            .down("DROP TABLE accounts;"),
                    Rev.of("r2", "r1").up("USE `" + other.name() + "`;\nCREATE TABLE accounts (id INT);")
                            .down("DROP TABLE `" + other.name() + "`.accounts;"));
            try (HikariDataSource pool = MariaDb.onePool(db)) {
                // The engine's tables named with their database, so that r2's bookkeeping finds them after its USE.
                new Migrations(MariaDb.config(pool, dir).schema(db.name()).build()).upgrade("heads");

                try (Connection c = pool.getConnection()) {
                    assertThat(Db.first(c, "SELECT DATABASE()")).isEqualTo(db.name());
                    assertThat(Db.first(c, "SELECT count(*) FROM accounts")).as("the application's table")
                            .isEqualTo("1");
                }
                assertThat(MariaDb.count(other.dataSource(), "SELECT count(*) FROM accounts"))
                        .as("r2's table, made where it said").isZero();
            }
        }
    }

    @Test
    void theSessionVariablesOfADumpWithoutItsClosingLinesAreSetBack(@TempDir Path dir) throws Exception {
        // mysqldump's opening lines; a dump cut before its closing lines leaves them set.
        Rev.writeAll(dir, Rev.of("r1", "").up("""
                /*!40101 SET NAMES latin1 */;
                /*!40103 SET TIME_ZONE='+03:00' */;
                /*!40014 SET UNIQUE_CHECKS=0, FOREIGN_KEY_CHECKS=0 */;
                /*!40101 SET SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;
                CREATE TABLE accounts (id INT);
                """).down("DROP TABLE accounts;"));
        try (TestDatabase db = MariaDb.fresh("keep_vars")) {
            try (HikariDataSource pool = MariaDb.onePool(db)) {
                String variables = "SELECT CONCAT_WS('|', @@SESSION.time_zone, @@SESSION.foreign_key_checks,"
                        + " @@SESSION.unique_checks, @@SESSION.sql_mode, @@SESSION.character_set_client,"
                        + " @@SESSION.collation_connection)";
                String before;
                try (Connection c = pool.getConnection()) {
                    before = Db.first(c, variables);
                }

                new Migrations(MariaDb.config(pool, dir).build()).upgrade("heads");

                try (Connection c = pool.getConnection()) {
                    assertThat(Db.first(c, variables)).isEqualTo(before).doesNotContain("+03:00");
                }
            }
        }
    }
}
