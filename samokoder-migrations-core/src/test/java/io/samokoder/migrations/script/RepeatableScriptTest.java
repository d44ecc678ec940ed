package io.samokoder.migrations.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.dialect.mariadb.MariaDbDialect;
import io.samokoder.migrations.dialect.postgresql.PostgresDialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Repeatable scripts read from locations, split, checked and checksummed, without a database. */
class RepeatableScriptTest {

    private static final PostgresDialect PG = PostgresDialect.INSTANCE;

    private static void write(Path dir, String name, String text) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void readInFileNameOrderAcrossLocations(@TempDir Path dir) throws IOException {
        write(dir.resolve("one"), "R__views.sql", "\uFEFFCREATE VIEW v AS SELECT 1;\r\n");
        write(dir.resolve("two"), "R__functions.sql", "SELECT 2;");
        write(dir.resolve("one"), "notes.txt", "not a script");

        List<RepeatableScript> scripts = RepeatableScript.load(List.of("filesystem:" + dir.resolve("one"),
                "filesystem:" + dir.resolve("two"), "classpath:db/no-such-location"), getClass().getClassLoader());

        assertThat(scripts).extracting(RepeatableScript::name).containsExactly("R__functions.sql", "R__views.sql");
        assertThat(scripts.get(1).description()).isEqualTo("filesystem:" + dir.resolve("one/R__views.sql"));
        assertThat(scripts.get(1).statements(PG, Placeholders.NONE, true)).containsExactly(
                new SqlStatement("CREATE VIEW v AS SELECT 1", 1, 1));
        assertThat(RepeatableScript.load(List.of(), getClass().getClassLoader())).isEmpty();
    }

    @Test
    void theSameFileNameInTwoLocationsIsRefusedNamingBoth(@TempDir Path dir) throws IOException {
        write(dir.resolve("one"), "R__views.sql", "SELECT 1;");
        write(dir.resolve("two"), "R__views.sql", "SELECT 2;");

        assertThatThrownBy(() -> RepeatableScript.load(List.of("filesystem:" + dir.resolve("one"),
                "filesystem:" + dir.resolve("two")), getClass().getClassLoader()))
                .isInstanceOf(ScriptLocationException.class)
                .hasMessage("Repeatable scripts filesystem:" + dir.resolve("one/R__views.sql") + " and filesystem:"
                        + dir.resolve("two/R__views.sql") + " have the same file name, which is what identifies a"
                        + " repeatable script; rename one");
    }

    @Test
    void theChecksumIgnoresCommentsAndBlanksAndFollowsStatementsAndPlaceholderValues() {
        RepeatableScript script = RepeatableScript.of("R__v.sql", "R__v.sql",
                "-- the view\nCREATE OR REPLACE VIEW v AS\n  SELECT '${who}' AS who;\n");
        RepeatableScript reworded = RepeatableScript.of("R__v.sql", "R__v.sql",
                "/* reworded */ CREATE OR REPLACE VIEW v AS SELECT '${who}' AS who; -- done\n");
        RepeatableScript changed = RepeatableScript.of("R__v.sql", "R__v.sql",
                "CREATE OR REPLACE VIEW v AS SELECT '${who}' AS owner;");
        Placeholders alice = Placeholders.of(Map.of("who", "alice"));

        String checksum = RepeatableScript.checksum(script.statements(PG, alice, true), PG);

        assertThat(script.statements(PG, alice, true)).extracting(SqlStatement::sql)
                .containsExactly("CREATE OR REPLACE VIEW v AS\n  SELECT 'alice' AS who");
        assertThat(RepeatableScript.checksum(reworded.statements(PG, alice, true), PG)).isEqualTo(checksum);
        assertThat(RepeatableScript.checksum(changed.statements(PG, alice, true), PG)).isNotEqualTo(checksum);
        assertThat(RepeatableScript.checksum(script.statements(PG, Placeholders.of(Map.of("who", "bob")), true), PG))
                .isNotEqualTo(checksum);
        assertThatThrownBy(() -> script.statements(PG, Placeholders.NONE, true))
                .isInstanceOf(ScriptFormatException.class)
                .hasMessageStartingWith("R__v.sql:3: No value for placeholder '${who}'");
    }

    @Test
    void splitAsTheDatabaseReadsSqlAndRefusedWhereItCannotBe() {
        RepeatableScript mysql = RepeatableScript.of("R__m.sql", "db/R__m.sql",
                "# a comment\nINSERT INTO t VALUES ('O\\'Brien');\n");
        RepeatableScript open = RepeatableScript.of("R__o.sql", "db/R__o.sql", "SELECT 1;\n\nSELECT 'open;\n");
        RepeatableScript commit = RepeatableScript.of("R__c.sql", "db/R__c.sql", "START TRANSACTION;\nCOMMIT;\n");

        assertThat(mysql.statements(MariaDbDialect.INSTANCE, Placeholders.NONE, false)).extracting(SqlStatement::sql)
                .containsExactly("INSERT INTO t VALUES ('O\\'Brien')");
        assertThatThrownBy(() -> open.statements(PG, Placeholders.NONE, true))
                .isInstanceOf(ScriptFormatException.class).hasMessageStartingWith("db/R__o.sql:3: ");
        assertThatThrownBy(() -> commit.statements(PG, Placeholders.NONE, true))
                .isInstanceOf(ScriptFormatException.class)
                .hasMessageStartingWith("db/R__c.sql:1: statement 1 is START, but a repeatable script runs in a"
                        + " transaction of the engine's");
        // In autocommit (MariaDB, MySQL) a script may run its own transaction.
        assertThat(commit.statements(MariaDbDialect.INSTANCE, Placeholders.NONE, false)).hasSize(2);
    }
}
