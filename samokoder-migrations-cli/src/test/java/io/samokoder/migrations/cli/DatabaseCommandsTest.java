package io.samokoder.migrations.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The commands that use the database, on a real PostgreSQL (a fresh database per test). */
class DatabaseCommandsTest {

    @TempDir
    Path temp;

    TestDatabase db;
    Path dir;
    Cli cli;

    @BeforeEach
    void setUp() {
        this.db = TestPostgres.createDatabase("cli");
        this.dir = Fixture.write(this.temp.resolve("scripts"));
        this.cli = Cli.at(this.dir).database(this.db);
    }

    @AfterEach
    void tearDown() {
        this.db.close();
    }

    private Cli.Result ok(String... args) {
        Cli.Result result = this.cli.run(args);
        assertEquals(0, result.status(), result::toString);
        return result;
    }

    private Cli.Result failed(String... args) {
        Cli.Result result = this.cli.run(args);
        assertEquals(255, result.status(), result::toString);
        assertTrue(result.err().startsWith("FAILED: "), result::toString);
        return result;
    }

    @Test
    void repeatableScriptsRunAfterTheRevisionsAndCurrentVerboseListsThoseDue() throws IOException {
        Path repeatable = this.temp.resolve("repeatable");
        Files.createDirectories(repeatable);
        Files.writeString(repeatable.resolve("R__one.sql"), "CREATE OR REPLACE VIEW one AS SELECT 1 AS one;\n");
        Cli cli = this.cli.with("--repeatable-locations", repeatable.toString());

        assertEquals("Repeatable scripts due: R__one.sql", cli.run("current", "-v").lines().get(1));
        assertTrue(cli.run("upgrade", "heads", "--dry-run").out().contains("\n  then repeatable scripts: R__one.sql\n"
                + "  result: eeee5555\n"));
        Cli.Result upgrade = cli.run("upgrade", "heads");
        assertEquals(0, upgrade.status(), upgrade::toString);
        List<String> progress = upgrade.err().lines().toList();
        assertEquals("Running repeatable filesystem:" + repeatable.resolve("R__one.sql"),
                progress.get(progress.size() - 1));
        assertFalse(cli.run("current", "-v").out().contains("Repeatable scripts due"));
        JsonNode json = JsonMapper.builder().build().readTree(cli.run("current", "--format", "json").out());
        assertTrue(json.get("pendingRepeatables").isArray() && json.get("pendingRepeatables").isEmpty(),
                json::toString);
        assertTrue(cli.run("log", "-n", "1").out().contains("  repeatable  -  success  "));
        assertTrue(cli.run("upgrade", "heads", "--sql").out().endsWith("COMMIT;\n\nBEGIN;\n\n"
                + "-- Running repeatable R__one.sql\n\nCREATE OR REPLACE VIEW one AS SELECT 1 AS one;\n\nCOMMIT;\n\n"));
        // Without the option, nothing of them: the default directory does not exist here.
        assertFalse(this.cli.run("current", "-v").out().contains("Repeatable"));
    }

    @Test
    void upgradeCurrentHistoryShowDowngrade() {
        Cli.Result upgrade = ok("upgrade", "heads");
        assertEquals("", upgrade.out());
        assertEquals(List.of(
                "Running upgrade  -> aaaa1111, Create accounts",
                "Running upgrade aaaa1111 -> bbbb2222, Add name",
                "Running upgrade bbbb2222 -> cccc3333, Reporting branch",
                "Running upgrade bbbb2222 -> dddd4444, Add email",
                "Running upgrade cccc3333, dddd4444 -> eeee5555, Merge reporting and email"),
                upgrade.err().lines().toList());
        assertEquals(List.of("eeee5555 (head) (mergepoint)"), ok("current").lines());
        assertEquals(0, ok("current", "--check-heads").status());
        assertEquals("cccc3333, dddd4444 -> eeee5555 (reporting) (head) (current) (mergepoint), Merge reporting and"
                + " email", ok("history", "-i").lines().get(0));
        assertEquals("bbbb2222 (cccc3333) -> dddd4444, Add email", ok("history", "-i").lines().get(1));
        assertEquals(List.of("cccc3333, dddd4444 -> eeee5555 (reporting) (head) (mergepoint), Merge reporting and email"),
                ok("history", "-r", "current:").lines());
        assertEquals("Rev: eeee5555 (head) (mergepoint)", ok("show", "current").lines().get(0));

        assertEquals("FAILED: Ambiguous walk\n", failed("downgrade", "-1").err()); // -1 from a merge point, as Alembic
        Cli.Result downgrade = ok("downgrade", "dddd4444");
        assertEquals("Running downgrade eeee5555 -> cccc3333, dddd4444, Merge reporting and email\n", downgrade.err());
        assertEquals(List.of("cccc3333", "dddd4444"), ok("current").lines());
        Cli.Result notAtHeads = failed("current", "--check-heads");
        assertEquals("FAILED: Database is not on all head revisions\n", notAtHeads.err());
        assertEquals("", notAtHeads.out());

        ok("downgrade", "base");
        assertEquals(List.of(), ok("current").lines());
        Cli.Result bad = failed("downgrade", "dddd");
        assertEquals("FAILED: Destination dddd is not a valid downgrade target from current head(s)\n", bad.err());
    }

    @Test
    void currentVerboseMasksThePassword() {
        String url = this.db.jdbcUrl() + (this.db.jdbcUrl().contains("?") ? "&" : "?") + "password="
                + (this.db.password() == null ? "" : this.db.password());
        Cli.Result result = Cli.at(this.dir).run("current", "-v", "--url", url, "--user", this.db.user());
        assertEquals(0, result.status(), result::toString);
        assertTrue(result.out().startsWith("Current revision(s) for " + this.db.jdbcUrl()), result.out());
        assertTrue(result.out().contains("password=***:\n"), result.out());
        ok("upgrade", "bbbb");
        assertEquals(List.of("Current revision(s) for " + this.db.jdbcUrl() + ":", "Rev: bbbb2222 (branchpoint)",
                "Parent: aaaa1111", "Branches into: cccc3333, dddd4444", "Path: " + this.dir.resolve("002_b.sql"), "",
                "    Add name", "    ", "    Revision ID: bbbb2222", "    Revises: aaaa1111", ""),
                Cli.at(this.dir).database(this.db).run("current", "-v").lines());
    }

    @Test
    void dryRunPrintsThePlanAndChangesNothing() {
        Cli.Result plan = ok("upgrade", "cccc", "--dry-run");
        assertEquals(List.of("upgrade cccc: current <base>",
                "  1. upgrade <base> -> aaaa1111, Create accounts  [rows after: aaaa1111]  (" + "filesystem:"
                        + this.dir.resolve("001_a.sql") + ")"),
                plan.lines().subList(0, 2));
        JsonNode json = JsonMapper.builder().build().readTree(ok("upgrade", "heads", "--dry-run", "--format", "json")
                .out());
        assertEquals(5, json.get("steps").size());
        assertEquals("eeee5555", json.get("rowsAfter").get(0).asString());
        assertEquals(List.of(), ok("current").lines());
    }

    @Test
    void stampAndGraphOfTheAppliedRevisions() {
        Cli.Result stamp = ok("stamp", "bbbb2222");
        assertEquals("Running stamp_revision  -> bbbb2222\n", stamp.err());
        assertEquals(List.of("bbbb2222 (branchpoint)"), ok("current").lines());
        assertTrue(ok("graph", "--applied").lines().contains("    class r0,r1 applied"));
        Cli.Result purge = ok("stamp", "--purge", "cccc3333");
        assertEquals("Running stamp_revision  -> cccc3333\n", purge.err());
        assertEquals(List.of("cccc3333"), ok("current").lines());
        // The step's own rows, as Alembic logs them (and as the --sql comment reads).
        assertEquals("Running stamp_revision cccc3333 -> \n", ok("stamp", "base").err());
    }

    @Test
    void checkFailsUntilTheDatabaseIsAtTheSingleHead() throws IOException, SQLException {
        ok("current");
        assertFalse(tableExists("alembic_version"), "current never creates the version table");
        Cli.Result pending = failed("check");
        assertTrue(tableExists("alembic_version"), "check creates it, as Alembic's");
        assertEquals("FAILED: Target database is not up to date. Pending: aaaa1111, bbbb2222, cccc3333, dddd4444,"
                + " eeee5555; run 'samokoder upgrade heads'\n", pending.err());
        ok("upgrade", "heads");
        Cli.Result upToDate = ok("check");
        assertEquals("No new upgrade operations detected.\n", upToDate.out());
        assertEquals("The model was not compared: 'check' compares the application's model (its JPA entities) with"
                + " the database, and the command line has no model: run it in the application's command mode"
                + " (java -jar app.jar --samokoder.migrations.command=\"check\") or with the Maven plugin"
                + " (mvn samokoder-migrations:check)\n", upToDate.err());

        Path applied = this.dir.resolve("002_b.sql");
        Files.writeString(applied, Files.readString(applied).replace("name text", "name varchar(10)"));
        Cli.Result drift = failed("check");
        assertTrue(drift.err().startsWith("FAILED: Applied revision scripts changed since they ran: "), drift.err());
        assertTrue(drift.err().contains("bbbb2222"), drift.err());
        JsonNode json = JsonMapper.builder().build().readTree(this.cli.run("check", "--format", "json").out());
        assertFalse(json.get("ok").asBoolean());
        assertEquals("bbbb2222", json.get("drift").get(0).get("revision").asString());

        Fixture.script(this.dir, "006_f.sql", "Second root", "ffff6666", "", "", "SELECT 1;", "");
        Cli.Result heads = failed("check");
        assertTrue(heads.err().startsWith("FAILED: Multiple heads are present: eeee5555, ffff6666; merge them"),
                heads.err());
    }

    @Test
    void checkPassesWhenAnotherHeadIsOnlyDependedOn() throws IOException {
        // gggg7777 is a root that hhhh8888 depends on: an effective head, not a real one (spec §6.4).
        Fixture.script(this.dir, "007_g.sql", "Shared lookup", "gggg7777", "", "", "SELECT 1;", "");
        Fixture.script(this.dir, "008_h.sql", "Uses the lookup", "hhhh8888", "eeee5555", "-- Depends On: gggg7777",
                "SELECT 1;", "");
        ok("upgrade", "heads");
        assertEquals(List.of("gggg7777 (effective head)", "hhhh8888 (head)"), ok("current").lines());
        assertEquals("No new upgrade operations detected.\n", ok("check").out());
    }

    @Test
    void ensureVersionCreatesTheVersionTable() throws SQLException {
        assertFalse(tableExists("alembic_version"));
        ok("ensure_version");
        assertTrue(tableExists("alembic_version"));
        assertEquals(List.of(), ok("current").lines());
    }

    @Test
    void jsonOfCurrentAndOfARun() {
        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode run = mapper.readTree(ok("upgrade", "dddd", "--format", "json").out());
        assertEquals("upgrade", run.get("command").asString());
        assertEquals(4, run.get("steps").size());
        assertEquals("dddd4444", run.get("steps").get(3).get("revision").asString());
        JsonNode current = mapper.readTree(ok("current", "--format", "json").out());
        assertEquals("dddd4444", current.get("rows").get(0).asString());
        List<String> shown = new ArrayList<>();
        current.get("current").forEach(node -> shown.add(node.get("id").asString()));
        assertEquals(List.of("cccc3333", "dddd4444"), shown);
    }

    @Test
    void failedRunsExitWith255AndShowNoPassword() throws IOException {
        String secret = "S3cret-" + System.nanoTime();
        Cli bogus = Cli.at(this.dir).option("--url", "jdbc:postgresql://127.0.0.1:1/x?password=" + secret, "--user",
                "someone", "--password", secret);
        List<Cli.Result> results = new ArrayList<>();
        for (String[] args : List.of(new String[] {"current", "-v"}, new String[] {"upgrade", "heads"},
                new String[] {"check"}, new String[] {"downgrade", "-1", "--debug"}, new String[] {"heads"},
                new String[] {"history", "-i"})) {
            results.add(bogus.run(args));
        }
        Path broken = this.dir.resolve("003_c.sql");
        Files.writeString(broken, Files.readString(broken).replace("CREATE TABLE reports (id int);",
                "CREATE TABLE reports (id no_such_type);"));
        Cli.Result failure = this.cli.run("upgrade", "heads");
        assertEquals(255, failure.status());
        assertTrue(failure.err().contains("FAILED: "), failure.err());
        assertTrue(failure.err().contains("no_such_type"), failure.err());
        results.add(failure);
        for (Cli.Result result : results) {
            assertFalse(result.out().contains(secret) || result.err().contains(secret), result::toString);
            if (this.db.password() != null && this.db.password().length() > 3) {
                assertFalse(result.out().contains(this.db.password()) || result.err().contains(this.db.password()));
            }
        }
        assertEquals(255, results.get(0).status());
        assertEquals(0, results.get(4).status());
    }

    private boolean tableExists(String name) throws SQLException {
        try (Connection connection = this.db.connect();
                ResultSet rs = connection.getMetaData().getTables(null, null, name, null)) {
            return rs.next();
        }
    }
}
