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
            assertEquals(List.of("cccc3333 -> dddd4444 (head), Create items", "<base> -> cccc3333, Baseline of the shop"),
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
