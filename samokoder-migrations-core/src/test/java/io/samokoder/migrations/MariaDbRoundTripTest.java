package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.dialect.mariadb.MariaDbDialect;
import io.samokoder.migrations.dialect.postgresql.PostgresDialect;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQL revisions on MariaDB, the dialect detected from the connection: upgrade to all heads through a
 * branch and a merge, the engine's tables, the fast start, one branch at a time, and down to base.
 */
class MariaDbRoundTripTest {

    private static Rev rev(String id, String revises) {
        return Rev.of(id, revises);
    }

    static void writeMap(Path dir) {
        Rev.writeAll(dir,
                rev("r1", "").up("CREATE TABLE t_r1 (id BIGINT PRIMARY KEY, name VARCHAR(50) NOT NULL);\n"
                        + "CREATE INDEX ix_t_r1_name ON t_r1 (name);\nINSERT INTO t_r1 VALUES (1, 'it''s');")
                        .down("DROP TABLE t_r1;"),
                rev("r2", "r1").up("ALTER TABLE t_r1 ADD COLUMN note TEXT;").down("ALTER TABLE t_r1 DROP COLUMN note;"),
                rev("b1", "r1").labels("side").up("CREATE TABLE `side table` (id INT);").down("DROP TABLE `side table`;"),
                rev("m3", "r2, b1").up("").down(""),
                rev("r4", "m3").up("CREATE TABLE t_r4 (id INT);\nINSERT INTO t_r4 SELECT id FROM t_r1;")
                        .down("DROP TABLE t_r4;"));
    }

    @Test
    void upgradesThroughABranchAndAMergeAndDowngradesToBase(@TempDir Path dir) throws InterruptedException {
        writeMap(dir);
        // The fast start trusts only files that were not changed within the last two seconds.
        Thread.sleep(2100);
        try (TestDatabase db = MariaDb.fresh("rt")) {
            DataSource ds = db.dataSource();
            Migrations migrations = new Migrations(MariaDb.config(ds, dir).build());

            MigrationResult up = migrations.upgrade("heads");

            assertThat(up.steps()).extracting(StepResult::revision).containsExactly("r1", "b1", "r2", "m3", "r4");
            assertThat(MariaDb.versionRows(ds)).containsExactly("r4");
            assertThat(MariaDb.tables(ds)).containsExactly("alembic_version", "samokoder_migrations_log",
                    "samokoder_migrations_log_state", "side table", "t_r1", "t_r4");
            assertThat(MariaDb.strings(ds, "SELECT name FROM t_r1")).containsExactly("it's");
            assertThat(MariaDb.strings(ds, "SELECT column_name, is_nullable, character_maximum_length, column_key"
                    + " FROM information_schema.columns WHERE table_schema = DATABASE()"
                    + " AND table_name = 'alembic_version'")).containsExactly("version_num|NO|32|PRI");
            assertThat(MariaDb.strings(ds, "SELECT revision, direction, outcome FROM samokoder_migrations_log"
                    + " ORDER BY id")).containsExactly("r1|up|success", "b1|up|success", "r2|up|success",
                            "m3|up|success", "r4|up|success");
            assertThat(MariaDb.count(ds, "SELECT count(*) FROM samokoder_migrations_log WHERE db_user IS NOT NULL"
                    + " AND started_at BETWEEN UTC_TIMESTAMP(6) - INTERVAL 1 HOUR AND UTC_TIMESTAMP(6)"))
                    .as("started_at holds UTC, whatever the JVM's time zone").isEqualTo(5);
            assertThat(migrations.current()).containsExactly("r4");

            MigrationResult again = migrations.upgrade("heads");
            assertThat(again.steps()).isEmpty();
            MigrationResult fast = new Migrations(MariaDb.config(ds, dir).build()).upgrade("heads");
            assertThat(fast.fastStart()).as("the second no-op start is answered by the fast start").isTrue();
            assertThat(MariaDb.count(ds, "SELECT count(*) FROM samokoder_migrations_log_state")).isEqualTo(1);
            ValidationResult validation = migrations.validate("heads");
            assertThat(validation.drift()).isEmpty();
            assertThat(validation.pending()).isEmpty();

            MigrationResult down = migrations.downgrade("base");
            assertThat(down.steps()).extracting(StepResult::revision).hasSize(5).startsWith("r4", "m3").endsWith("r1")
                    .contains("b1", "r2");
            assertThat(MariaDb.versionRows(ds)).isEmpty();
            assertThat(MariaDb.tables(ds)).containsExactly("alembic_version", "samokoder_migrations_log",
                    "samokoder_migrations_log_state");
        }
    }

    @Test
    void triggersAndRoutinesWithCompoundBodiesRunAsWritten(@TempDir Path dir) {
        Rev.writeAll(dir, rev("c1", "").up("""
                CREATE TABLE counted (id INT PRIMARY KEY, n INT);
                CREATE TRIGGER counted_n BEFORE INSERT ON counted FOR EACH ROW BEGIN
                  IF NEW.n IS NULL THEN
                    SET NEW.n = 0;
                  END IF;
                  SET NEW.n = NEW.n + 1;
                END;
                CREATE PROCEDURE fill(IN k INT) BEGIN
                  DECLARE i INT DEFAULT 0;
                  WHILE i < k DO
                    SET i = i + 1;
                    INSERT INTO counted (id) VALUES (i);
                  END WHILE;
                END;
                CALL fill(3);
                """).down("DROP PROCEDURE fill;\nDROP TABLE counted;"));
        try (TestDatabase db = MariaDb.fresh("compound")) {
            Migrations migrations = new Migrations(MariaDb.config(db.dataSource(), dir).build());
            assertThat(migrations.upgrade("heads").steps()).hasSize(1);
            assertThat(MariaDb.strings(db.dataSource(), "SELECT CONCAT(id, ':', n) FROM counted ORDER BY id"))
                    .containsExactly("1:1", "2:1", "3:1");
            migrations.downgrade("base");
            assertThat(MariaDb.tables(db.dataSource())).doesNotContain("counted");
        }
    }

    @Test
    void aBranchMovesOnItsOwn(@TempDir Path dir) {
        writeMap(dir);
        try (TestDatabase db = MariaDb.fresh("rtb")) {
            DataSource ds = db.dataSource();
            Migrations migrations = new Migrations(MariaDb.config(ds, dir).dialect(MariaDbDialect.INSTANCE).build());
            migrations.upgrade("r2");
            migrations.upgrade("b1");
            assertThat(MariaDb.versionRows(ds)).containsExactly("b1", "r2");
            assertThat(MariaDb.tables(ds)).contains("side table").doesNotContain("t_r4");
            assertThat(migrations.upgrade("heads").steps()).extracting(StepResult::revision)
                    .containsExactly("m3", "r4");
        }
    }

    @Test
    void aConfiguredDialectOfAnotherDatabaseIsRefusedAndSingleTransactionIsRefused(@TempDir Path dir) {
        writeMap(dir);
        try (TestDatabase db = MariaDb.fresh("rtx")) {
            DataSource ds = db.dataSource();
            assertThatThrownBy(() -> new Migrations(MariaDb.config(ds, dir).dialect(PostgresDialect.INSTANCE).build())
                    .upgrade("heads")).isInstanceOf(MigrationConfigurationException.class)
                    .hasMessageStartingWith("The database is MariaDB ")
                    .hasMessageContaining("but the configured dialect is postgresql");
            assertThatThrownBy(() -> new Migrations(MariaDb.config(ds, dir).transactionMode(TransactionMode.SINGLE)
                    .build()).upgrade("heads")).isInstanceOf(MigrationConfigurationException.class)
                    .hasMessageContaining("transaction-mode single (TransactionMode.SINGLE) needs transactional DDL,"
                            + " which mariadb does not have")
                    .hasMessageContaining("nothing was run or created");
            assertThat(MariaDb.tables(ds)).isEmpty();
        }
    }

    @Test
    void detectingTheDialectCostsNoConnectionOfItsOwn(@TempDir Path dir) {
        writeMap(dir);
        try (TestDatabase db = MariaDb.fresh("rtc")) {
            AtomicInteger connections = new AtomicInteger();
            DataSource counting = Db.counting(db.dataSource(), connections);
            Migrations migrations = new Migrations(MariaDb.config(counting, dir).fastStart(false).build());

            migrations.upgrade("r2");

            assertThat(connections).as("the lock's, on which the run executes too").hasValue(1);
            assertThat(MariaDb.versionRows(db.dataSource())).containsExactly("r2");
        }
    }
}
