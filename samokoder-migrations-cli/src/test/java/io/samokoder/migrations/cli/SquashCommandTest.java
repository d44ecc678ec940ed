package io.samokoder.migrations.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.script.SimpleScriptResource;
import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestMariaDb;
import io.samokoder.migrations.testsupport.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code squash}: the files it rewrites and removes, and what the next runs do on real PostgreSQL: a database that
 * ran the revisions one by one goes on, a new one runs the squash, one inside the squash is told what to do.
 */
class SquashCommandTest {

    @TempDir
    Path temp;

    private Path scripts() throws IOException {
        Path dir = this.temp.resolve("scripts");
        Files.createDirectories(dir);
        Fixture.script(dir, "001_a.sql", "Create accounts", "aaaa1111", "", "",
                "-- accounts of the shop\nCREATE TABLE accounts (id int PRIMARY KEY, email text);",
                "DROP TABLE accounts;");
        Fixture.script(dir, "002_b.sql", "Seed accounts", "bbbb2222", "aaaa1111", "",
                "INSERT INTO accounts VALUES (1, 'a@example.com');", "DELETE FROM accounts;");
        Fixture.script(dir, "003_c.sql", "Create orders", "cccc3333", "bbbb2222", "",
                "CREATE TABLE orders (id int PRIMARY KEY, account_id int REFERENCES accounts (id));",
                "DROP TABLE orders;");
        Fixture.script(dir, "004_d.sql", "Create items", "dddd4444", "cccc3333", "",
                "CREATE TABLE items (id int PRIMARY KEY);", "DROP TABLE items;");
        return dir;
    }

    @Test
    void aRevisionAndThoseBelowItBecomeOneFile() throws IOException, SQLException {
        Path dir = scripts();
        try (TestDatabase before = TestPostgres.createDatabase("squash_before");
                TestDatabase inside = TestPostgres.createDatabase("squash_inside");
                TestDatabase fresh = TestPostgres.createDatabase("squash_fresh")) {
            assertEquals(0, Cli.at(dir).database(before).run("upgrade", "cccc3333").status());
            assertEquals(0, Cli.at(dir).database(inside).run("upgrade", "bbbb2222").status());

            Cli.Result preview = Cli.at(dir).run("squash", "cccc", "-m", "Baseline of the shop", "--dry-run");
            assertEquals(0, preview.status(), preview::toString);
            assertTrue(preview.out().startsWith("-- Baseline of the shop\n--\n-- Revision ID: cccc3333\n"),
                    preview::toString);
            assertEquals("Would write " + dir.resolve("003_c.sql") + " and remove 2 files:\n  "
                    + dir.resolve("001_a.sql") + "\n  " + dir.resolve("002_b.sql") + "\n", preview.err());
            assertEquals(List.of("001_a.sql", "002_b.sql", "003_c.sql", "004_d.sql"), files(dir));

            Cli.Result squash = Cli.at(dir).run("squash", "cccc", "-m", "Baseline of the shop");
            assertEquals(0, squash.status(), squash::toString);
            assertEquals("Generating " + dir.resolve("003_c.sql") + " ...  done\n"
                    + "Removing " + dir.resolve("001_a.sql") + " ...  done\n"
                    + "Removing " + dir.resolve("002_b.sql") + " ...  done\n", squash.out());
            assertEquals("Squashing 3 revisions into cccc3333\n", squash.err());
            assertEquals(List.of("003_c.sql", "004_d.sql"), files(dir));
            String text = Files.readString(dir.resolve("003_c.sql"));
            assertTrue(text.startsWith("-- Baseline of the shop\n--\n-- Revision ID: cccc3333\n-- Revises:\n"), text);
            assertTrue(text.contains("-- Squashes: aaaa1111, bbbb2222\n-- Squashed Checksum: v2:"), text);
            assertTrue(text.contains("-- aaaa1111: Create accounts\n-- accounts of the shop\nCREATE TABLE accounts"),
                    text);
            assertEquals(List.of("cccc3333 -> dddd4444 (head), Create items",
                    "<base> -> cccc3333, Baseline of the shop"),
                    Cli.at(dir).run("history").lines());

            Cli.Result goesOn = Cli.at(dir).database(before).run("upgrade", "heads");
            assertEquals(0, goesOn.status(), goesOn::toString);
            assertEquals(List.of("dddd4444 (head)"), Cli.at(dir).database(before).run("current").lines());

            assertEquals(0, Cli.at(dir).database(fresh).run("upgrade", "heads").status());
            assertEquals(List.of("1 a@example.com"), rows(fresh, "SELECT id || ' ' || email FROM accounts"));
            String tables = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                    + " AND table_name NOT LIKE 'samokoder%' ORDER BY 1";
            assertEquals(List.of("accounts", "alembic_version", "items", "orders"), rows(fresh, tables));
            assertEquals(0, Cli.at(dir).database(fresh).run("downgrade", "base").status());
            assertEquals(List.of("alembic_version"), rows(fresh, tables));

            Cli.Result stopped = Cli.at(dir).database(inside).run("upgrade", "heads");
            assertEquals(255, stopped.status(), stopped::toString);
            assertTrue(stopped.err().startsWith("FAILED: Can't locate revision identified by 'bbbb2222'. The version"
                    + " table alembic_version names it, and it was squashed into revision cccc3333 (filesystem:"
                    + dir.resolve("003_c.sql") + "): this database stopped part way"), stopped::toString);
            assertEquals(List.of("bbbb2222"), rows(inside, "SELECT version_num FROM alembic_version"));
        }
    }

    @Test
    void mariaDbScriptsAreSquashedAsMariaDbReadsThem() throws IOException, SQLException {
        Path dir = this.temp.resolve("mariadb");
        Files.createDirectories(dir);
        Fixture.script(dir, "001_a.sql", "Accounts", "aaaa1111", "", "",
                "CREATE TABLE `accounts` (id int PRIMARY KEY, name varchar(40)); # the owner's table\n"
                        + "INSERT INTO accounts VALUES (1, 'O\\'Brien');",
                "DROP TABLE `accounts`;");
        Fixture.script(dir, "002_b.sql", "Counting procedure", "bbbb2222", "aaaa1111", "",
                "DELIMITER ;;\nCREATE PROCEDURE count_accounts(OUT n int)\nBEGIN\n"
                        + "  SELECT COUNT(*) INTO n FROM accounts;"
                        + "\nEND;;\nDELIMITER ;",
                "DROP PROCEDURE count_accounts;");
        Fixture.script(dir, "003_c.sql", "Orders", "cccc3333", "bbbb2222", "",
                "CREATE TABLE orders (id int PRIMARY KEY)", "DROP TABLE orders;");
        try (TestDatabase ran = TestMariaDb.createDatabase("squash_ran");
                TestDatabase fresh = TestMariaDb.createDatabase("squash_fresh")) {
            assertEquals(0, Cli.at(dir).database(ran).run("upgrade", "heads").status());
            // The dialect comes from the URL's scheme, with no connection made.
            Cli.Result squash = Cli.at(dir).option("--url", fresh.jdbcUrl()).run("squash", "heads");
            assertEquals(0, squash.status(), squash::toString);
            String text = Files.readString(dir.resolve("003_c.sql"));
            assertTrue(text.contains("# the owner's table\nINSERT INTO accounts VALUES (1, 'O\\'Brien');\n"
                    + "\n-- bbbb2222: Counting procedure\nDELIMITER ;;\n"), text);
            assertTrue(text.contains("CREATE TABLE orders (id int PRIMARY KEY)\n;\n"), text);

            Cli.Result again = Cli.at(dir).database(ran).run("upgrade", "heads");
            assertEquals(0, again.status(), again::toString);
            assertEquals(List.of("cccc3333 (head)"), Cli.at(dir).database(ran).run("current").lines());
            Cli.Result check = Cli.at(dir).database(ran).run("check");
            assertEquals(0, check.status(), check::toString);

            assertEquals(0, Cli.at(dir).database(fresh).run("upgrade", "heads").status());
            assertEquals(List.of("O'Brien"), rows(fresh, "SELECT name FROM accounts"));
            assertEquals(List.of("count_accounts"), rows(fresh, "SELECT routine_name FROM information_schema.routines"
                    + " WHERE routine_schema = DATABASE()"));
            assertEquals(0, Cli.at(dir).database(fresh).run("downgrade", "base").status());
            assertEquals(List.of(), rows(fresh, "SELECT routine_name FROM information_schema.routines"
                    + " WHERE routine_schema = DATABASE()"));
        }
    }

    @Test
    void aSquashThatCannotBeMadeChangesNoFile() throws IOException {
        Path dir = scripts();
        Fixture.script(dir, "005_e.sql", "Branch", "eeee5555", "bbbb2222", "", "SELECT 1;", "SELECT 1;");
        Cli.Result branched = Cli.at(dir).run("squash", "cccc3333");
        assertEquals(255, branched.status(), branched::toString);
        assertEquals("FAILED: Cannot squash up to cccc3333: revision eeee5555 (filesystem:" + dir.resolve("005_e.sql")
                + ") revises bbbb2222, which the squash would replace, and would lose its parent. Merge the branches"
                + " first and squash up to the merge, or squash up to bbbb2222\n", branched.err());

        Cli.Result first = Cli.at(dir).run("squash", "aaaa1111");
        assertEquals(255, first.status(), first::toString);
        assertTrue(first.err().startsWith("FAILED: Revision aaaa1111 ("), first::toString);
        assertEquals(List.of("001_a.sql", "002_b.sql", "003_c.sql", "004_d.sql", "005_e.sql"), files(dir));
    }

    @Test
    void scriptsThatAreNotFilesAreNotSquashedInCommandMode() throws IOException {
        Path dir = scripts();
        Path jarred = dir.resolve("002_b.sql");
        Migrations app = new Migrations(MigrationsConfig.builder().scripts(List.of(
                SimpleScriptResource.ofPath(dir.resolve("001_a.sql"), "filesystem:" + dir.resolve("001_a.sql")),
                SimpleScriptResource.ofPath(jarred, "classpath:db/migrations/002_b.sql"))).build());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CommandMode.run(app, "squash bbbb2222", new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(255, status, err::toString);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("FAILED: squash rewrites script files, and revision"
                + " bbbb2222 comes from classpath:db/migrations/002_b.sql, which is not a file: run squash where the"
                + " scripts are files"), err::toString);
        assertEquals(List.of("001_a.sql", "002_b.sql", "003_c.sql", "004_d.sql"), files(dir));
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> rows(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }
}
