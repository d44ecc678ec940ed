package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.Revision;
import io.samokoder.migrations.ops.Operations;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What mysqldump writes, run as the mysql client would run it. Session settings, and triggers, views and
 * events, wrapped in MySQL executable comments ({@code /*!50003 CREATE*}{@code /}): MariaDB runs what they
 * hold. The client's {@code DELIMITER} lines are followed as the client follows them.
 */
class MariaDbDumpTest {

    @Test
    void executableCommentsRunAsTheMysqlClientRunsThem(@TempDir Path dir) throws Exception {
        Rev.writeAll(dir, Rev.of("r1", "").up("""
                /*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
                CREATE TABLE t (id INT) /*!50100 COMMENT 'kept' */;
                /*!50003 CREATE*/ /*!50017 DEFINER=CURRENT_USER*/
                /*!50003 TRIGGER trg BEFORE INSERT ON t FOR EACH ROW BEGIN
                  IF NEW.id > 5 THEN SET NEW.id = 5; END IF;
                END */;;
                """).down("DROP TABLE t;"));
        try (TestDatabase db = MariaDb.fresh("vc"); LoggedWarnings logged = new LoggedWarnings()) {
            MigrationResult result = new Migrations(MariaDb.config(db.dataSource(), dir).build()).upgrade("heads");

            assertThat(result.steps()).hasSize(1);
            assertThat(MariaDb.count(db.dataSource(), "SELECT count(*) FROM information_schema.triggers"
                    + " WHERE trigger_schema = DATABASE() AND trigger_name = 'trg'")).isEqualTo(1);
            assertThat(MariaDb.count(db.dataSource(), "SELECT count(*) FROM information_schema.tables"
                    + " WHERE table_schema = DATABASE() AND table_name = 't' AND table_comment = 'kept'")).isEqualTo(1);
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.execute("INSERT INTO t VALUES (9)");
            }
            assertThat(MariaDb.count(db.dataSource(), "SELECT max(id) FROM t")).as("the trigger ran").isEqualTo(5);
            assertThat(logged.messages()).noneMatch(message -> message.contains("comment"));
        }
    }

    @Revision(id = "j1", message = "Pasted from the mysql client")
    public static class SendsADelimiter implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            op.execute("DELIMITER ;;");
        }
    }

    @Test
    void aDelimiterInAJavaRevisionIsToldToGo(@TempDir Path dir) {
        try (TestDatabase db = MariaDb.fresh("delim_java")) {
            MigrationExecutionException e = catchThrowableOfType(MigrationExecutionException.class,
                    () -> new Migrations(MariaDb.config(db.dataSource(), dir).javaRevisions(new SendsADelimiter())
                            .build()).upgrade("heads"));

            assertThat(e.statementNumber()).isEqualTo(1);
            assertThat(e.getMessage()).contains("DELIMITER is a command of the mysql client, not SQL, and a Java"
                    + " revision's statements are sent as they are: leave it out");
        }
    }

    @Test
    void theMysqlClientsDelimiterLinesAreFollowed(@TempDir Path dir) throws Exception {
        // As mysqldump --routines writes a procedure and a trigger.
        Rev.writeAll(dir, Rev.of("r1", "").up("""
                CREATE TABLE t (id INT);
                DELIMITER ;;
                CREATE PROCEDURE p() BEGIN INSERT INTO t VALUES (1); INSERT INTO t VALUES (2); END
                ;;
                /*!50003 CREATE*/ /*!50003 TRIGGER trg BEFORE INSERT ON t FOR EACH ROW SET NEW.id = NEW.id * 10 */;;
                DELIMITER ;
                CALL p();
                """).down("DROP PROCEDURE p;\nDROP TABLE t;"));
        try (TestDatabase db = MariaDb.fresh("delim")) {
            MigrationResult result = new Migrations(MariaDb.config(db.dataSource(), dir).build()).upgrade("heads");

            assertThat(result.steps()).hasSize(1);
            assertThat(MariaDb.count(db.dataSource(), "SELECT sum(id) FROM t")).as("p ran, through trg").isEqualTo(30);
        }
    }
}
