package io.samokoder.migrations.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The commands that read only the scripts, in Alembic's text (spec §6) and in JSON; no database. */
class ReadCommandsTest {

    @TempDir
    static Path temp;

    static Path dir;
    static Cli cli;

    @BeforeAll
    static void scripts() {
        dir = Fixture.write(temp.resolve("scripts"));
        // A URL nothing listens on: commands that need no database must never connect.
        cli = Cli.at(dir).option("--url", "jdbc:postgresql://127.0.0.1:1/nothing", "--password", "pw-never-shown");
    }

    private static Cli.Result ok(String... args) {
        Cli.Result result = cli.run(args);
        assertEquals(0, result.status(), result::toString);
        assertEquals("", result.err(), result::toString);
        return result;
    }

    @Test
    void heads() {
        assertEquals(List.of("eeee5555 (reporting) (head)"), ok("heads").lines());
        assertEquals(List.of("eeee5555 (reporting) (head)"), ok("heads", "--resolve-dependencies").lines());
    }

    @Test
    void effectiveHeads() throws java.io.IOException {
        Path other = temp.resolve("effective");
        java.nio.file.Files.createDirectories(other);
        Fixture.script(other, "1_x.sql", "X root", "xxxx0001", "", "", "SELECT 1;", "");
        Fixture.script(other, "2_y.sql", "Y root", "yyyy0002", "", "-- Depends On: xxxx0001\n", "SELECT 1;", "");
        Cli effective = Cli.at(other);
        assertEquals(List.of("xxxx0001 (effective head)", "yyyy0002 (head)"), effective.run("heads").lines());
        assertEquals(List.of("yyyy0002 (head)"), effective.run("heads", "--resolve-dependencies").lines());
        assertEquals(List.of("<base> (xxxx0001) -> yyyy0002 (head), Y root", "<base> -> xxxx0001 (effective head), X root"),
                effective.run("history").lines());
    }

    @Test
    void headsVerbose() {
        assertEquals(List.of(
                "Rev: eeee5555 (head) (mergepoint)",
                "Merges: cccc3333, dddd4444",
                "Branch names: reporting",
                "Path: " + dir.resolve("005_e.sql"),
                "",
                "    Merge reporting and email",
                "    ",
                "    Revision ID: eeee5555",
                "    Revises: cccc3333, dddd4444",
                ""), ok("heads", "-v").lines());
    }

    @Test
    void branches() {
        assertEquals(List.of(
                "bbbb2222 (branchpoint)",
                "         -> cccc3333 (reporting)",
                "         -> dddd4444",
                ""), ok("branches").lines());
        List<String> verbose = ok("branches", "-v").lines();
        assertEquals("Rev: bbbb2222 (branchpoint)", verbose.get(0));
        assertEquals("Branches into: cccc3333, dddd4444", verbose.get(2));
        assertEquals(List.of("         -> cccc3333 (reporting), Reporting branch", "         -> dddd4444, Add email", ""),
                verbose.subList(verbose.size() - 3, verbose.size()));
    }

    @Test
    void history() {
        assertEquals(List.of(
                "cccc3333, dddd4444 -> eeee5555 (reporting) (head) (mergepoint), Merge reporting and email",
                "bbbb2222 (cccc3333) -> dddd4444, Add email",
                "bbbb2222 -> cccc3333 (reporting), Reporting branch",
                "aaaa1111 -> bbbb2222 (branchpoint), Add name",
                "<base> -> aaaa1111, Create accounts"), ok("history").lines());
        assertEquals(List.of(
                "bbbb2222 (cccc3333) -> dddd4444, Add email",
                "bbbb2222 -> cccc3333 (reporting), Reporting branch",
                "aaaa1111 -> bbbb2222 (branchpoint), Add name"), ok("history", "-r", "bbbb:dddd").lines());
    }

    @Test
    void historyVerbose() {
        assertEquals(List.of(
                "Rev: dddd4444",
                "Parent: bbbb2222",
                "Also depends on: cccc3333",
                "Path: " + dir.resolve("004_d.sql"),
                "",
                "    Add email",
                "    ",
                "    Revision ID: dddd4444",
                "    Revises: bbbb2222",
                "    Depends On: cccc3333",
                ""), ok("history", "-v", "-r", "dddd:dddd").lines());
    }

    @Test
    void historyRangeErrorsAreAlembics() {
        Cli.Result result = cli.run("history", "-r", "dddd");
        assertEquals(255, result.status());
        assertEquals("FAILED: History range requires [start]:[end], [start]:, or :[end]\n", result.err());
    }

    @Test
    void show() {
        assertEquals(List.of(
                "Rev: cccc3333",
                "Parent: bbbb2222",
                "Branch names: reporting",
                "Path: " + dir.resolve("003_c.sql"),
                "",
                "    Reporting branch",
                "    ",
                "    Revision ID: cccc3333",
                "    Revises: bbbb2222",
                "    Branch Labels: reporting",
                ""), ok("show", "reporting").lines());
        Cli.Result unknown = cli.run("show", "zzzz");
        assertEquals(255, unknown.status());
        assertEquals("FAILED: Can't locate revision identified by 'zzzz'\n", unknown.err());
    }

    @Test
    void json() {
        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode heads = mapper.readTree(ok("heads", "--format", "json").out());
        assertEquals(1, heads.size());
        assertEquals("eeee5555", heads.get(0).get("id").asString());
        assertEquals(List.of("cccc3333", "dddd4444"), List.of(heads.get(0).get("revises").get(0).asString(),
                heads.get(0).get("revises").get(1).asString()));
        assertTrue(heads.get(0).get("mergePoint").asBoolean());
        JsonNode history = mapper.readTree(ok("history", "--format", "json").out());
        assertEquals(5, history.size());
        assertEquals("dddd4444", history.get(1).get("id").asString());
        assertEquals("cccc3333", history.get(1).get("dependsOn").get(0).asString());
        assertEquals("reporting", history.get(2).get("branchLabels").get(0).asString());
        JsonNode branches = mapper.readTree(ok("branches", "--format", "json").out());
        assertEquals("bbbb2222", branches.get(0).get("id").asString());
        assertEquals(2, branches.get(0).get("branchesInto").size());
        JsonNode show = mapper.readTree(ok("show", "aaaa", "--format", "json").out());
        assertTrue(show.get(0).get("doc").asString().startsWith("Create accounts\n\nRevision ID: aaaa1111"));
    }

    @Test
    void graph() {
        List<String> mermaid = ok("graph").lines();
        assertEquals("flowchart BT", mermaid.get(0));
        assertTrue(mermaid.contains("    r4[\"eeee5555 (reporting) (head) (mergepoint)<br/>Merge reporting and email\"]"));
        assertTrue(mermaid.contains("    r3 -.-> r2"), mermaid::toString);
        assertTrue(mermaid.contains("    class r4 head"));
        List<String> dot = ok("graph", "--format", "dot").lines();
        assertEquals("digraph revisions {", dot.get(0));
        assertTrue(dot.contains("    \"dddd4444\" -> \"cccc3333\" [style=dashed];"), dot::toString);
        assertEquals("}", dot.get(dot.size() - 1));
    }

    @Test
    void offlineSql() {
        Cli.Result offline = cli.run("upgrade", "heads", "--sql");
        assertEquals(0, offline.status(), offline::toString);
        String sql = offline.out();
        // As Alembic logs while it renders: a progress line per step on the error stream.
        assertEquals(List.of("Running upgrade  -> aaaa1111, Create accounts", "Running upgrade aaaa1111 -> bbbb2222,"
                + " Add name", "Running upgrade bbbb2222 -> cccc3333, Reporting branch", "Running upgrade bbbb2222 ->"
                + " dddd4444, Add email", "Running upgrade cccc3333, dddd4444 -> eeee5555, Merge reporting and email"),
                offline.err().lines().toList());
        assertTrue(sql.startsWith("BEGIN;\n\nCREATE TABLE alembic_version (\n    version_num VARCHAR(32) NOT NULL, \n"
                + "    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n);\n\n-- Running upgrade  -> aaaa1111\n"), sql);
        assertTrue(sql.contains("-- Running upgrade  -> aaaa1111\n"), sql);
        assertTrue(sql.contains("-- Running upgrade cccc3333, dddd4444 -> eeee5555\n"), sql);
        String down = cli.run("downgrade", "eeee5555:bbbb2222", "--sql").out();
        assertTrue(down.contains("DROP TABLE reports;"), down);
        Cli.Result noRange = cli.run("downgrade", "base", "--sql");
        assertEquals(255, noRange.status());
        assertEquals("FAILED: downgrade with --sql requires <fromrev>:<torev>\n", noRange.err());
        Cli.Result stamp = cli.run("stamp", "bbbb2222", "--sql");
        assertTrue(stamp.out().contains("INSERT INTO"));
        assertEquals("Running stamp_revision  -> bbbb2222\n", stamp.err());
        Cli.Result purge = cli.run("stamp", "heads", "--purge", "--sql");
        assertEquals(255, purge.status());
        assertEquals("FAILED: Can't use --purge with --sql mode\n", purge.err());
        Cli.Result range = cli.run("upgrade", "aaaa:heads");
        assertEquals(255, range.status());
        assertEquals("FAILED: Range revision not allowed\n", range.err());
    }

    @Test
    void quietPrintsNothingButOfflineSql() throws java.io.IOException {
        // Alembic's -q/--quiet: no command output and no "Generating ... done", the offline SQL still.
        Cli.Result heads = cli.run("-q", "heads");
        assertEquals(0, heads.status(), heads::toString);
        assertEquals("", heads.out() + heads.err());
        assertEquals("", cli.run("history", "--quiet", "--format", "json").out());
        Cli.Result sql = cli.run("-q", "upgrade", "heads", "--sql");
        assertEquals(0, sql.status(), sql::toString);
        assertEquals(cli.run("upgrade", "heads", "--sql").out(), sql.out());
        assertTrue(sql.out().contains("CREATE TABLE accounts"), sql.out());
        // The progress lines Alembic logs are still on the error stream, and so are failures.
        assertTrue(sql.err().startsWith("Running upgrade  -> aaaa1111, Create accounts\n"), sql.err());
        Cli.Result unknown = cli.run("-q", "show", "zzzz");
        assertEquals(255, unknown.status());
        assertEquals("", unknown.out());
        assertEquals("FAILED: Can't locate revision identified by 'zzzz'\n", unknown.err());
        Path own = Fixture.write(temp.resolve("quiet"));
        long before;
        try (var files = java.nio.file.Files.list(own)) {
            before = files.count();
        }
        Cli.Result revision = Cli.at(own).run("-q", "revision", "-m", "quietly");
        assertEquals(0, revision.status(), revision::toString);
        assertEquals("", revision.out() + revision.err());
        try (var files = java.nio.file.Files.list(own)) {
            assertEquals(before + 1, files.count());
        }
    }

    @Test
    void placeholdersComeFromTheOptionAndTheConfigurationFile() throws java.io.IOException {
        Path own = temp.resolve("placeholders");
        java.nio.file.Files.createDirectories(own);
        Fixture.script(own, "1_t.sql", "Table", "pppp0001", "", "",
                "CREATE TABLE ${table} (v text DEFAULT '${Owner}');", "DROP TABLE ${table};");
        Cli offline = Cli.at(own);
        Cli.Result replaced = offline.run("upgrade", "heads", "--sql", "--placeholder", "table=t1",
                "--placeholder", "owner=ops");
        assertEquals(0, replaced.status(), replaced::toString);
        assertTrue(replaced.out().contains("CREATE TABLE t1 (v text DEFAULT 'ops');"), replaced.out());
        Cli.Result missing = offline.run("upgrade", "heads", "--sql", "--placeholder", "table=t1");
        assertEquals(255, missing.status(), missing::toString);
        assertEquals("FAILED: filesystem:" + own.resolve("1_t.sql") + ":7: No value for placeholder '${Owner}'; give"
                + " it one (samokoder.migrations.placeholders.Owner), or turn placeholder replacement off"
                + " (samokoder.migrations.placeholder-replacement=false) to run the script as written\n",
                missing.err());
        Path config = temp.resolve("placeholders.properties");
        java.nio.file.Files.writeString(config, "samokoder.migrations.placeholders.table=from_file\n"
                + "samokoder.migrations.placeholders.owner=file_owner\n");
        Cli.Result fromFile = offline.run("upgrade", "heads", "--sql", "--config", config.toString(),
                "--placeholder", "owner=option_owner");
        assertTrue(fromFile.out().contains("CREATE TABLE from_file (v text DEFAULT 'option_owner');"),
                fromFile::toString);
        java.nio.file.Files.writeString(config, "samokoder.migrations.placeholder-replacement=false\n");
        Cli.Result off = offline.run("upgrade", "heads", "--sql", "--config", config.toString());
        assertTrue(off.out().contains("CREATE TABLE ${table} (v text DEFAULT '${Owner}');"), off::toString);
        Cli.Result badName = offline.run("upgrade", "heads", "--sql", "--placeholder", "1st=x");
        assertEquals(2, badName.status(), badName::toString);
        assertTrue(badName.err().startsWith("--placeholder / samokoder.migrations.placeholders: '1st' is not a"
                + " placeholder name"), badName.err());
    }

    @Test
    void raiseerrPrintsTheStackTraceAndExitsWithOne() {
        Cli.Result raised = cli.run("--raiseerr", "show", "zzzz");
        assertEquals(1, raised.status(), raised::toString);
        assertEquals("", raised.out());
        List<String> lines = raised.err().lines().toList();
        assertTrue(lines.get(0).endsWith(": Can't locate revision identified by 'zzzz'"), raised.err());
        assertTrue(lines.size() > 1 && lines.get(1).startsWith("\tat "), raised.err());
        assertFalse(raised.err().contains("FAILED"), raised.err());
    }

    @Test
    void globalOptionsGoBeforeOrAfterTheCommand() {
        Cli.Result before = Cli.raw(Map.of(), "--locations", "filesystem:" + dir, "heads");
        assertEquals("eeee5555 (reporting) (head)\n", before.out(), before::toString);
    }

    @Test
    void usageErrorsExitWithTwo() {
        Cli.Result unknown = cli.run("heads", "--no-such-option");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().startsWith("Unknown option: '--no-such-option'\nUsage: samokoder heads"), unknown.err());
        assertEquals(2, cli.run("upgrade").status());
        assertEquals(2, cli.run("no-such-command").status());
        assertEquals(0, cli.run("--help").status());
        for (String command : List.of("upgrade", "revision", "history")) {
            Cli.Result help = cli.run(command, "--help");
            assertEquals(0, help.status(), help::toString);
            assertTrue(help.out().startsWith("Usage: samokoder " + command), help.out());
        }
    }

    @Test
    void aMistypedOptionsValueIsNotShown() {
        Cli.Result joined = cli.run("--passwd=S3cretPw!", "heads");
        assertEquals(2, joined.status());
        assertTrue(joined.err().startsWith("Unknown option: '--passwd=***'\nPossible solutions: --password"),
                joined.err());
        Cli.Result separate = cli.run("heads", "--pasword", "S3cretPw!");
        assertEquals(2, separate.status());
        assertTrue(separate.err().startsWith("Unknown options: '--pasword', '***'"), separate.err());
        Cli.Result dashed = cli.run("heads", "--pasword", "-S3cretPw");
        assertEquals(2, dashed.status());
        assertFalse(joined.err().contains("S3cretPw") || separate.err().contains("S3cretPw")
                || dashed.err().contains("S3cretPw"), dashed.err());
    }

    @Test
    void wordsThatTutorialsShowAsCommandsNameTheCommandThatDoesIt() {
        Cli.Result next = cli.run("next");
        assertEquals(2, next.status(), next::toString);
        assertTrue(next.err().startsWith("Unmatched argument at index 0: 'next'\n"), next.err());
        assertTrue(next.err().endsWith("\n'next' is not a command (nor Alembic's); for the revisions the database has"
                + " yet to run: samokoder upgrade heads --dry-run (the next one alone: samokoder upgrade +1 --dry-run)\n"),
                next.err());
        Cli.Result prev = cli.run("prev");
        assertEquals(2, prev.status(), prev::toString);
        assertTrue(prev.err().contains("'prev' is not a command (nor Alembic's); for the revision a downgrade would"
                + " undo: samokoder downgrade -1 --dry-run"), prev.err());
        // Any other unknown word gets picocli's report alone.
        Cli.Result other = cli.run("nxet");
        assertEquals(2, other.status(), other::toString);
        assertFalse(other.err().contains("is not a command"), other.err());
    }

    @Test
    void databaseCommandsWithoutADatabaseSayHowToConfigureOne() {
        Cli.Result result = Cli.at(dir).run("current");
        assertEquals(255, result.status());
        assertTrue(result.err().startsWith("FAILED: 'current' needs a database, and none is configured: give --url"),
                result.err());
    }

    @Test
    void failuresShowNoStackTraceUnlessDebug() {
        Cli.Result plain = cli.run("current");
        assertEquals(255, plain.status());
        assertTrue(plain.err().startsWith("FAILED: Could not open a database connection"), plain.err());
        assertEquals(1, plain.err().lines().count(), plain.err());
        assertTrue(!plain.err().contains("pw-never-shown"));
        Cli.Result debug = cli.run("current", "--debug");
        assertTrue(debug.err().contains("\tat "), debug.err());
        assertTrue(!debug.err().contains("pw-never-shown"));
    }
}
