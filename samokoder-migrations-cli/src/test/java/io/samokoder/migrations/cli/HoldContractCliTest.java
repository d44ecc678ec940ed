package io.samokoder.migrations.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code upgrade heads --hold-contract} on a real PostgreSQL: release 1 ({@code r1}), then release 2, an expand
 * revision ({@code r2}) and a contract one ({@code c3}, {@code Phase: contract}) that drops what release 1 reads.
 */
class HoldContractCliTest {

    @TempDir
    Path temp;

    TestDatabase db;
    Path dir;
    Cli cli;

    @BeforeEach
    void setUp() throws IOException {
        this.db = TestPostgres.createDatabase("cli_contract");
        this.dir = scripts(this.temp.resolve("scripts"));
        this.cli = Cli.at(this.dir).database(this.db);
    }

    @AfterEach
    void tearDown() {
        this.db.close();
    }

    /** Release 1 and release 2 (expand, then contract). */
    static Path scripts(Path dir) throws IOException {
        Files.createDirectories(dir);
        Fixture.script(dir, "001_r1.sql", "Create accounts", "r1", "", "",
                "CREATE TABLE accounts (id int PRIMARY KEY, login text);", "DROP TABLE accounts;");
        Fixture.script(dir, "002_r2.sql", "Add email", "r2", "r1", "",
                "ALTER TABLE accounts ADD COLUMN email text;", "ALTER TABLE accounts DROP COLUMN email;");
        Fixture.script(dir, "003_c3.sql", "Drop login", "c3", "r2", "-- Phase: contract\n",
                "ALTER TABLE accounts DROP COLUMN login;", "ALTER TABLE accounts ADD COLUMN login text;");
        return dir;
    }

    private Cli.Result ok(String... args) {
        Cli.Result result = this.cli.run(args);
        assertEquals(0, result.status(), result::toString);
        return result;
    }

    @Test
    void theUpgradeBeforeTheRolloutHoldsTheContractRevisionAndPlainUpgradeHeadsAppliesIt() {
        ok("upgrade", "r1");

        Cli.Result before = ok("upgrade", "heads", "--hold-contract");
        assertEquals("", before.out());
        assertEquals(List.of("Running upgrade r1 -> r2, Add email",
                "Held for the upgrade after the rollout (Phase: contract): c3"), before.err().lines().toList());
        assertEquals(List.of("r2"), ok("current").lines());
        Cli.Result check = this.cli.run("check");
        assertEquals(255, check.status(), check::toString);
        assertEquals("FAILED: Target database is not up to date. Pending: c3; run 'samokoder upgrade heads' once no"
                + " instance of the build before c3 (Phase: contract) runs\n", check.err());

        Cli.Result after = ok("upgrade", "heads");
        assertEquals(List.of("Running upgrade r2 -> c3, Drop login"), after.err().lines().toList());
        assertEquals(List.of("c3 (head)"), ok("current").lines());

        // Nothing left to hold: no line about it.
        assertEquals("", ok("upgrade", "heads", "--hold-contract").err());
    }

    @Test
    void lintFailsOnADropOutsideAContractRevisionOnceTheRevisionsUsePhases() throws IOException {
        assertEquals(0, this.cli.run("lint", "-r", ":").status(), "c3's drop is what its phase is for");
        Fixture.script(this.dir, "004_r4.sql", "Drop email", "r4", "c3", "",
                "ALTER TABLE accounts DROP COLUMN email;", "ALTER TABLE accounts ADD COLUMN email text;");
        Cli.Result lint = this.cli.run("lint", "-r", ":");
        assertEquals(255, lint.status(), lint::toString);
        assertTrue(lint.out().contains("004_r4.sql:7: drop-in-expand (revision r4)"), lint::toString);
    }

    @Test
    void aNewDatabaseGetsTheContractRevisionsWithTheRest() {
        Cli.Result run = ok("upgrade", "heads", "--hold-contract");
        assertEquals(List.of("Running upgrade  -> r1, Create accounts", "Running upgrade r1 -> r2, Add email",
                "Running upgrade r2 -> c3, Drop login"), run.err().lines().toList());
        assertEquals(List.of("c3 (head)"), ok("current").lines());
    }

    @Test
    void theDryRunPlansWithoutTheContractRevisionAndJsonNamesItHeld() {
        ok("upgrade", "r1");

        Cli.Result plan = ok("upgrade", "heads", "--dry-run", "--hold-contract");
        assertEquals(List.of("upgrade heads: current r1",
                "  1. upgrade r1 -> r2, Add email  [rows after: r2]  (filesystem:" + this.dir.resolve("002_r2.sql")
                        + ")",
                "  result: r2"), plan.lines());
        assertEquals("Held for the upgrade after the rollout (Phase: contract): c3\n", plan.err());
        assertEquals(List.of("r1"), ok("current").lines());

        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode planned = mapper.readTree(ok("upgrade", "heads", "--dry-run", "--hold-contract", "--format", "json")
                .out());
        assertEquals(1, planned.get("steps").size());
        assertEquals("c3", planned.get("held").get(0).asString());
        JsonNode run = mapper.readTree(ok("upgrade", "heads", "--hold-contract", "--format", "json").out());
        assertEquals("r2", run.get("steps").get(0).get("revision").asString());
        assertEquals(1, run.get("held").size());
        assertEquals("c3", run.get("held").get(0).asString());
        // Without the option the run's JSON has no such key.
        assertNull(mapper.readTree(ok("upgrade", "heads", "--format", "json").out()).get("held"));
    }

    @Test
    void anExpandRevisionAboveAHeldContractOneFailsBeforeAnythingRuns() throws IOException {
        ok("upgrade", "r1");
        Fixture.script(this.dir, "004_r4.sql", "Add phone", "r4", "c3", "",
                "ALTER TABLE accounts ADD COLUMN phone text;", "ALTER TABLE accounts DROP COLUMN phone;");

        Cli.Result refused = this.cli.run("upgrade", "heads", "--hold-contract");
        assertEquals(255, refused.status(), refused::toString);
        assertTrue(refused.err().startsWith("FAILED: Revision r4 ("), refused::toString);
        assertTrue(refused.err().contains("builds on the contract revision c3"), refused::toString);
        assertEquals(List.of("r1"), ok("current").lines());
    }

    @Test
    void onlyWithTheTargetHeadsAndNotOffline() {
        Cli.Result target = this.cli.run("upgrade", "r2", "--hold-contract");
        assertEquals(2, target.status(), target::toString);
        assertTrue(target.err().startsWith("--hold-contract upgrades to the heads: use the target heads, not 'r2'\n"),
                target::toString);

        Cli.Result sql = this.cli.run("upgrade", "heads", "--sql", "--hold-contract");
        assertEquals(2, sql.status(), sql::toString);
        assertTrue(sql.err().startsWith("--hold-contract cannot be used with --sql: offline there is no database to"
                + " tell which contract revisions it has\n"), sql::toString);
        assertEquals("", sql.out());
        assertEquals(List.of(), ok("current").lines());
    }
}
