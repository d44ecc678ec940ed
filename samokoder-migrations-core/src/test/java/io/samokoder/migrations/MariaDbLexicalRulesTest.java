package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.testsupport.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On MariaDB a script is split as MariaDB reads SQL: {@code #} comments, backslash escapes in strings,
 * {@code "..."} strings and backtick-quoted names, so that what a MariaDB user writes (and mysqldump writes)
 * runs as written; its checksum does not depend on that, so a later run finds it unchanged.
 */
class MariaDbLexicalRulesTest {

    private static final String SCRIPT = """
            # People; the Irish too
            CREATE TABLE `people;all` (id INT PRIMARY KEY, name VARCHAR(40));
            INSERT INTO `people;all` VALUES (1, 'O\\'Brien'); # a comment after a statement, don't mind it
            INSERT INTO `people;all` VALUES (2, "Smith \\"Jr\\"; the second");
            INSERT INTO `people;all` VALUES (3, 'C:\\\\');""";

    @Test
    void aScriptWrittenForMariaDbRunsAsWrittenAndIsFoundUnchangedLater(@TempDir Path dir) {
        Rev.writeAll(dir, Rev.of("p1", "").message("People as MariaDB writes them").up(SCRIPT)
                .down("# Gone; all of them\nDROP TABLE `people;all`;"));
        try (TestDatabase db = MariaDb.fresh("lexical")) {
            DataSource ds = db.dataSource();

            MigrationResult result = new Migrations(MariaDb.config(ds, dir).build()).upgrade("heads");

            assertThat(result.steps()).extracting(StepResult::revision).containsExactly("p1");
            assertThat(MariaDb.strings(ds, "SELECT CONCAT(id, ' ', name) FROM `people;all` ORDER BY id"))
                .containsExactly("1 O'Brien", "2 Smith \"Jr\"; the second", "3 C:\\");
            // Every script checked against its recorded checksum, without the fast start.
            MigrationResult again = new Migrations(MariaDb.config(ds, dir).fastStart(false)
                    .lockWaitTimeout(Duration.ofSeconds(30)).build()).upgrade("heads");
            assertThat(again.steps()).isEmpty();

            new Migrations(MariaDb.config(ds, dir).build()).downgrade("base");
            assertThat(MariaDb.tables(ds)).doesNotContain("people;all");
        }
    }
}
