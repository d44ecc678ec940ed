package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.samokoder.migrations.testsupport.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What mysqldump writes and a migration does not run as the mysql client would. Triggers, views and
 * events wrapped in MySQL version comments ({@code /*!50003 CREATE*}{@code /}): MariaDB would run them,
 * but the splitter reads them as comments, so the run says so at WARN, naming the file and line, rather
 * than leaving the trigger out in silence. The client's {@code DELIMITER} lines: the failure says to
 * remove them.
 */
class MariaDbDumpTest {

    @Test
    void aCreateInsideAVersionCommentIsReportedNotSilentlyDropped(@TempDir Path dir) throws Exception {
        Rev.writeAll(dir, Rev.of("r1", "").up("""
                /*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
                CREATE TABLE t (id INT);
                /*!50003 CREATE*/ /*!50017 DEFINER=CURRENT_USER*/
                /*!50003 TRIGGER trg BEFORE INSERT ON t FOR EACH ROW BEGIN
                  IF NEW.id > 5 THEN SET NEW.id = 5; END IF;
                END */;;
                """).down("DROP TABLE t;"));
        try (TestDatabase db = MariaDb.fresh("vc"); LoggedWarnings logged = new LoggedWarnings()) {
            new Migrations(MariaDb.config(db.dataSource(), dir).build()).upgrade("heads");

            assertThat(MariaDb.count(db.dataSource(), "SELECT count(*) FROM information_schema.triggers"
                    + " WHERE trigger_schema = DATABASE()")).as("the comment did not run").isZero();
            List<String> lines = Files.readAllLines(dir.resolve("r1.sql"));
            int createLine = lines.indexOf("/*!50003 CREATE*/ /*!50017 DEFINER=CURRENT_USER*/") + 1;
            assertThat(logged.messages()).as("the CREATE's line, not the SET's, and once")
                    .filteredOn(message -> message.contains("MySQL version comment")).containsExactly("filesystem:"
                            + dir.resolve("r1.sql") + ", line " + createLine + ": a CREATE inside a MySQL version"
                            + " comment (/*!...*/) does not run here: MariaDB and MySQL would run it, but samokoder"
                            + " reads it as a comment (mysqldump wraps triggers, views and events in them). Write the"
                            + " statement out without the comment markers. Where the revision was applied already,"
                            + " it did not run there: write it in a new revision and delete the comment (comments are"
                            + " not part of the checksum)");
        }
    }

    @Test
    void theMysqlClientsDelimiterIsToldToGo(@TempDir Path dir) {
        Rev.writeAll(dir, Rev.of("r1", "").up("""
                DELIMITER ;;
                CREATE PROCEDURE p() BEGIN SELECT 1; END;;
                DELIMITER ;
                """).down("DROP PROCEDURE p;"));
        try (TestDatabase db = MariaDb.fresh("delim")) {
            MigrationExecutionException e = catchThrowableOfType(MigrationExecutionException.class,
                    () -> new Migrations(MariaDb.config(db.dataSource(), dir).build()).upgrade("heads"));

            assertThat(e.statementNumber()).isEqualTo(1);
            assertThat(e.getMessage()).contains("DELIMITER is a command of the mysql client, not SQL: remove the"
                    + " DELIMITER lines (a routine's, trigger's or event's BEGIN ... END body needs none here)");
        }
    }
}
