package io.samokoder.migrations.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestMariaDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On MariaDB, where DDL is not transactional: a revision left part-way is refused by the next run, whose
 * message names the command line's way to run it again, and {@code --retry-partial} (or the key in a
 * {@code --config} file) runs it again.
 */
class PartialRevisionCliTest {

    @TempDir
    Path temp;

    TestDatabase db;
    Path dir;

    @BeforeEach
    void setUp() throws Exception {
        this.db = TestMariaDb.createDatabase("cli_partial");
        this.dir = Files.createDirectories(this.temp.resolve("scripts"));
        Fixture.script(this.dir, "001_p1.sql", "First", "p1", "", "", "CREATE TABLE one (id INT);",
                "DROP TABLE one;");
        Fixture.script(this.dir, "002_p2.sql", "Second", "p2", "p1", "",
                "CREATE TABLE two (id INT);\nINSERT INTO missing VALUES (1);\nCREATE TABLE three (id INT);",
                "DROP TABLE three;\nDROP TABLE two;");
    }

    @AfterEach
    void tearDown() {
        this.db.close();
    }

    @Test
    void aRunRefusesAPartialRevisionUntilRetryPartialIsGiven() throws Exception {
        Cli cli = Cli.at(this.dir).database(this.db);
        Cli.Result first = cli.run("upgrade", "heads");
        assertEquals(255, first.status(), first::toString);
        assertTrue(first.err().contains("its statement 1 was committed and stays"), first::toString);

        Cli.Result refused = cli.run("upgrade", "heads");
        assertEquals(255, refused.status(), refused::toString);
        assertTrue(refused.err().startsWith("FAILED: Revision p2 ("), refused::toString);
        assertTrue(refused.err().contains("stopped at statement 2 of 3"), refused::toString);
        assertTrue(refused.err().contains("the --retry-partial option of upgrade and downgrade"), refused::toString);

        // The dry run refuses as the run does, and plans it as the run would once retrying is allowed.
        assertEquals(255, cli.run("upgrade", "heads", "--dry-run").status());
        Cli.Result plan = cli.run("upgrade", "heads", "--dry-run", "--retry-partial");
        assertEquals(0, plan.status(), plan::toString);
        assertTrue(plan.out().contains("upgrade p1 -> p2"), plan::toString);

        // The operator undoes statement 1 and makes the second one work.
        execute("DROP TABLE two", "CREATE TABLE missing (id INT)");
        Cli.Result retried = cli.run("upgrade", "heads", "--retry-partial");
        assertEquals(0, retried.status(), retried::toString);
        assertEquals("p2 (head)\n", cli.run("current").out());
    }

    @Test
    void checkFailsWhileADowngradeIsLeftPartWay() throws Exception {
        Cli cli = Cli.at(this.dir).database(this.db);
        execute("CREATE TABLE missing (id INT)");
        assertEquals(0, cli.run("upgrade", "heads").status());
        execute("DROP TABLE two");
        assertEquals(255, cli.run("downgrade", "p1").status());

        // The version table still shows p2, the head: only the log knows its downgrade stopped part-way.
        assertEquals("p2 (head)\n", cli.run("current").out());
        Cli.Result check = cli.run("check");
        assertEquals(255, check.status(), check::toString);
        assertTrue(check.err().startsWith("FAILED: Revision p2 ("), check::toString);
        assertTrue(check.err().contains("its downgrade stopped at statement 2 of 2, and statement 1 was applied and"
                + " stays, while the version table does not show the downgrade. Nothing was run. Either finish the"
                + " downgrade by hand (statement 2) and stamp the revision below it"), check::toString);

        Cli.Result json = cli.run("check", "--format", "json");
        assertEquals(255, json.status(), json::toString);
        String compact = json.out().replaceAll("\\s+", "");
        assertTrue(compact.contains("\"partial\":[{\"revision\":\"p2\",\"file\":"), json::toString);
        assertTrue(compact.contains("\"direction\":\"down\",\"applied\":1,\"total\":2}]"), json::toString);
    }

    @Test
    void theKeyOfAConfigFileRunsAPartialRevisionAgain() throws Exception {
        Cli cli = Cli.at(this.dir).database(this.db);
        assertEquals(255, cli.run("upgrade", "heads").status());
        execute("DROP TABLE two", "CREATE TABLE missing (id INT)");
        Path config = Files.writeString(this.temp.resolve("retry.properties"),
                "samokoder.migrations.retry-partial=true\n");
        Cli.Result retried = cli.with("--config", config.toString()).run("upgrade", "heads");
        assertEquals(0, retried.status(), retried::toString);
    }

    @Test
    void aDriversMessageNeverShowsThePasswordOfTheUrl() {
        // MariaDB's driver reads "Secr3tPW@127.0.0.1" of this URL as a port and quotes it.
        Cli cli = Cli.at(this.dir).option("--url", "jdbc:mariadb://root:Secr3tPW@127.0.0.1:3306/x");
        Cli.Result result = cli.run("current");
        assertEquals(255, result.status(), result::toString);
        assertFalse(result.err().contains("Secr3tPW"), result::toString);
        assertTrue(result.err().contains("***@127.0.0.1"), result::toString);
    }

    private void execute(String... statements) throws Exception {
        try (Connection c = this.db.connect(); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }
}
