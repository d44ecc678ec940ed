package io.samokoder.migrations.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.cli.command.Hints;
import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command through both front-ends, the command line and the application's command mode, on
 * the same scripts and two databases in step: the same status, the same output and the same error
 * text, because both call the one command layer.
 */
class BothFrontEndsTest {

    /** The same sequence of command lines for both front-ends; each changes or reads the database. */
    private static final List<String> COMMANDS = List.of("current", "heads", "heads -v", "heads --resolve-dependencies",
            "branches", "branches -v", "history", "history -v", "history -r bbbb:", "show reporting", "show heads",
            "graph", "graph --format dot", "check", "upgrade +1 --dry-run", "upgrade bbbb2222", "current", "lint",
            "lint -r : --format json", "lint --ignore nope",
            "history -i", "upgrade heads --sql", "downgrade eeee5555:bbbb2222 --sql", "stamp cccc3333 --sql",
            "upgrade heads", "current --check-heads", "check", "downgrade -1 --dry-run", "downgrade reporting@base",
            "current", "current --format json", "heads --format json", "history --format json",
            "show cccc3333 --format json", "stamp heads", "current --check-heads", "downgrade base",
            "ensure_version", "current", "upgrade nope", "show nope", "downgrade heads --sql",
            "stamp heads --purge --sql", "upgrade aaaa:heads", "heads --no-such-option");

    @TempDir
    Path temp;

    @Test
    void bothFrontEndsGiveTheSameResultForEveryCommand() {
        Path scripts = Fixture.write(this.temp.resolve("scripts"));
        try (TestDatabase cliDb = TestPostgres.createDatabase("both_cli");
                TestDatabase appDb = TestPostgres.createDatabase("both_app")) {
            Cli cli = Cli.at(scripts).database(cliDb);
            Migrations app = new Migrations(MigrationsConfig.builder().dataSource(appDb.dataSource())
                    .locations("filesystem:" + scripts).build());
            int failures = 0;
            for (String command : COMMANDS) {
                Cli.Result viaCli = cli.run(CommandMode.words(command));
                CommandModeTest.Run viaApp = CommandModeTest.run(app, command);
                String context = "'" + command + "'\nCLI: " + viaCli + "\nAPP: " + viaApp;
                assertEquals(viaCli.status(), viaApp.status(), context);
                assertEquals(normalise(viaCli.out(), cliDb, appDb), viaApp.out(), context);
                assertEquals(normalise(viaCli.err(), cliDb, appDb), viaApp.err(), context);
                failures += viaCli.status() == 0 ? 0 : 1;
                if (command.equals("upgrade heads")) {
                    assertTrue(viaApp.err().contains("Running upgrade bbbb2222 -> cccc3333, Reporting branch"), context);
                }
                if (command.equals("check") && viaApp.status() != 0 && viaApp.err().contains("Pending")) {
                    assertTrue(viaApp.err().endsWith("; run '--samokoder.migrations.command=\"upgrade heads\"'\n"),
                            context);
                }
                if (command.equals("history")) {
                    assertEquals("cccc3333, dddd4444 -> eeee5555 (reporting) (head) (mergepoint), Merge reporting and email",
                            viaApp.out().lines().findFirst().orElseThrow(), context);
                }
            }
            // The list covers successes, failed commands (255) and a usage error (2) alike.
            assertTrue(failures >= 8, "failed commands in the list: " + failures);
        }
    }

    /**
     * The CLI names its database by URL where command mode says "the application's database", and its
     * hints name the command line where command mode names the property (or, for a model, the module that
     * gives one).
     */
    private static String normalise(String text, TestDatabase cliDb, TestDatabase appDb) {
        return text.replace(cliDb.jdbcUrl(), "the application's database").replace(cliDb.name(), appDb.name())
            .replace("'" + Hints.COMMAND_LINE.upgrade() + "'", "'" + Hints.COMMAND_MODE.upgrade() + "'")
            .replace("'" + Hints.COMMAND_LINE.merge() + "'", "'" + Hints.COMMAND_MODE.merge() + "'")
            .replace(Hints.COMMAND_LINE.noModel("check"), Hints.COMMAND_MODE.noModel("check"));
    }
}
