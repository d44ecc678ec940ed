package io.samokoder.migrations.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code repair}: what {@code check} then says, the text and JSON forms, and a revision that is not applied. */
class RepairCommandTest {

    @TempDir
    Path temp;

    @Test
    void aChangedScriptIsRecordedAsWhatRanAndCheckPassesAgain() throws IOException {
        Path dir = Files.createDirectories(this.temp.resolve("scripts"));
        Fixture.script(dir, "001_a.sql", "Create accounts", "aaaa1111", "", "",
                "CREATE TABLE accounts (id int PRIMARY KEY);", "DROP TABLE accounts;");
        Fixture.script(dir, "002_b.sql", "Index accounts", "bbbb2222", "aaaa1111", "",
                "CREATE INDEX ix_accounts ON accounts (id);", "DROP INDEX ix_accounts;");
        Fixture.script(dir, "003_c.sql", "Create orders", "cccc3333", "bbbb2222", "",
                "CREATE TABLE orders (id int);", "DROP TABLE orders;");
        try (TestDatabase db = TestPostgres.createDatabase("repair")) {
            Cli cli = Cli.at(dir).database(db);
            assertEquals(0, cli.run("upgrade", "bbbb2222").status());
            Files.writeString(dir.resolve("002_b.sql"), Files.readString(dir.resolve("002_b.sql"))
                    .replace("CREATE INDEX ix_accounts", "CREATE INDEX IF NOT EXISTS ix_accounts"));
            Cli.Result check = cli.run("check");
            assertEquals(255, check.status(), check::toString);
            assertTrue(check.err().contains("record it so with repair bbbb2222 (nothing runs)"), check::toString);

            Cli.Result repair = cli.run("repair", "bbbb", "aaaa1111");
            assertEquals(0, repair.status(), repair::toString);
            List<String> lines = repair.lines();
            assertEquals(2, lines.size(), repair::toString);
            assertTrue(lines.get(0).matches("Repaired bbbb2222: its log held v2:[0-9a-f]{32}:[0-9a-f]{32} and now"
                    + " holds v2:[0-9a-f]{32}:[0-9a-f]{32}"), lines.get(0));
            assertEquals("aaaa1111: nothing to repair (its log matches its script, or holds no checksum)",
                    lines.get(1));
            // Nothing ran: the version row is where the upgrade left it.
            assertEquals(List.of("bbbb2222"), cli.run("current").lines());
            // check now fails only for the revision still pending.
            Cli.Result pending = cli.run("check");
            assertEquals(255, pending.status(), pending::toString);
            assertTrue(pending.err().contains("Pending: cccc3333") && !pending.err().contains("was changed"),
                    pending::toString);

            JsonNode json = JsonMapper.builder().build().readTree(cli.run("repair", "bbbb2222", "--format", "json")
                    .out());
            assertEquals(0, json.get("repaired").size());
            assertEquals("bbbb2222", json.get("unchanged").get(0).asString());

            Cli.Result notApplied = cli.run("repair", "cccc3333");
            assertEquals(255, notApplied.status(), notApplied::toString);
            assertTrue(notApplied.err().startsWith("FAILED: Revision cccc3333 (filesystem:" + dir.resolve("003_c.sql")
                    + ") is not applied to this database"), notApplied::toString);
            Cli.Result upgrade = cli.run("upgrade", "heads");
            assertEquals(0, upgrade.status(), upgrade::toString);

            // log: the repair among the steps, newest first.
            List<String> log = cli.run("log", "-n", "3").lines();
            assertEquals(3, log.size(), log::toString);
            assertTrue(log.get(0).matches("\\S+Z  up  cccc3333  success  \\d+ ms  \\S+  Create orders"),
                    log.get(0));
            assertTrue(log.get(1).matches("\\S+Z  repair  bbbb2222  success  0 ms  \\S+  Repaired: the log held"
                    + " checksum v2:\\S+ for what ran"), log.get(1));
            assertTrue(log.get(2).contains("  up  bbbb2222  success  "), log.get(2));
            JsonNode rows = JsonMapper.builder().build().readTree(cli.run("log", "--format", "json").out());
            assertEquals(4, rows.size());
            assertEquals("repair", rows.get(1).get("direction").asString());
            assertEquals(255, cli.run("log", "-n", "0").status());
            // The next page: past the three shown above.
            List<String> older = cli.run("log", "-n", "3", "--offset", "3").lines();
            assertEquals(1, older.size(), older::toString);
            assertTrue(older.get(0).contains("  up  aaaa1111  success  "), older.get(0));
            assertEquals(255, cli.run("log", "--offset", "-1").status());
        }
    }
}
