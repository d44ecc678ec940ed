package io.samokoder.migrations.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-app command mode against an application's own engine. */
class CommandModeTest {

    @TempDir
    Path temp;

    record Run(int status, String out, String err) {
    }

    static Run run(Migrations migrations, String commandLine) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CommandMode.run(migrations, commandLine, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void tellsTheCommandsThatCompareTheModel() {
        for (String compares : List.of("check", "check --exclude-table t", "revision --autogenerate -m x")) {
            assertTrue(CommandMode.comparesModel(compares), compares);
        }
        for (String other : List.of("current", "history", "upgrade heads --sql", "revision -m x", "check --help",
                "help check")) {
            assertFalse(CommandMode.comparesModel(other), other);
        }
    }

    @Test
    void splitsWordsWithQuotes() {
        assertArrayEquals(new String[] {"revision", "-m", "add users table", "--head", "it's"},
                CommandMode.words("  revision -m \"add users table\"\t--head \"it's\" "));
        assertArrayEquals(new String[] {"merge", "a b", "c"}, CommandMode.words("merge 'a b' c"));
        assertArrayEquals(new String[0], CommandMode.words(""));
        // Quotes inside a word, as a shell reads them.
        assertArrayEquals(new String[] {"revision", "--message=add users", "--rev-id", "a1"},
                CommandMode.words("revision --message=\"add users\" --rev-id a1"));
        assertArrayEquals(new String[] {"-m", "add users", "a'b"}, CommandMode.words("-m add\\ users a\\'b"));
        assertArrayEquals(new String[] {"-m", "its", "say \"hi\" \\", ""},
                CommandMode.words("-m 'it''s' \"say \\\"hi\\\" \\\\\" ''"));
    }

    @Test
    void runsCommandsAgainstTheApplicationsEngine() throws Exception {
        Path dir = Fixture.write(this.temp.resolve("scripts"));
        try (TestDatabase db = TestPostgres.createDatabase("commandmode")) {
            Migrations migrations = new Migrations(MigrationsConfig.builder().dataSource(db.dataSource())
                    .locations("filesystem:" + dir).build());
            Run upgrade = run(migrations, "upgrade dddd");
            assertEquals(0, upgrade.status(), upgrade::toString);
            assertTrue(upgrade.err().contains("Running upgrade bbbb2222 -> dddd4444, Add email"), upgrade.err());
            assertEquals("cccc3333\ndddd4444\n", run(migrations, "current").out());
            Run check = run(migrations, "current --check-heads");
            assertEquals(255, check.status());
            assertEquals("FAILED: Database is not on all head revisions\n", check.err());
            Run usage = run(migrations, "heads --url jdbc:postgresql://elsewhere/db");
            assertEquals(2, usage.status());
            assertTrue(usage.err().startsWith("--url is not available in the application's command mode"), usage.err());
            Run java = run(migrations, "heads --java-packages com.example --classpath target/classes");
            assertEquals(2, java.status());
            assertTrue(java.err().startsWith("--java-packages is not available in the application's command mode"),
                    java.err());
            Run placeholder = run(migrations, "upgrade heads --sql --placeholder schema=app");
            assertEquals(2, placeholder.status());
            assertTrue(placeholder.err().startsWith("--placeholder is not available in the application's command"
                    + " mode"), placeholder.err());
            Run revision = run(migrations, "revision -m \"add users table\" --rev-id f00d");
            assertEquals(0, revision.status(), revision::toString);
            assertTrue(Files.exists(dir.resolve("f00d_add_users_table.sql")));
            assertEquals(2, run(migrations, "no-such-command").status());
        }
    }

    @Test
    void holdsContractRevisionsAsTheCommandLineDoes() throws Exception {
        Path dir = HoldContractCliTest.scripts(this.temp.resolve("scripts"));
        try (TestDatabase db = TestPostgres.createDatabase("commandmode_contract")) {
            Migrations migrations = new Migrations(MigrationsConfig.builder().dataSource(db.dataSource())
                    .locations("filesystem:" + dir).build());
            assertEquals(0, run(migrations, "upgrade r1").status());
            Run held = run(migrations, "upgrade heads --hold-contract");
            assertEquals(0, held.status(), held::toString);
            assertEquals("Running upgrade r1 -> r2, Add email\n"
                    + "Held for the upgrade after the rollout (Phase: contract): c3\n", held.err());
            assertEquals(List.of("r2"), migrations.current());
            Run target = run(migrations, "upgrade +1 --hold-contract");
            assertEquals(2, target.status(), target::toString);
            assertTrue(target.err().startsWith("--hold-contract upgrades to the heads"), target::toString);
            assertEquals(0, run(migrations, "upgrade heads").status());
            assertEquals(List.of("c3"), migrations.current());
        }
    }
}
