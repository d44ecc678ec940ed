package io.samokoder.migrations.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestMariaDb;
import io.samokoder.migrations.testsupport.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code lint}: the revisions pending on a real database (read, never changed), a range without a connection, the
 * text and JSON forms, the markers and {@code --ignore}, and MariaDB's rules on a real MariaDB.
 */
class LintCommandTest {

    @TempDir
    Path temp;

    private Path scripts() throws IOException {
        Path dir = this.temp.resolve("scripts");
        Files.createDirectories(dir);
        Fixture.script(dir, "001_a.sql", "Create accounts", "aaaa1111", "", "",
                "CREATE TABLE accounts (id int PRIMARY KEY, email text);\nCREATE INDEX ix_email ON accounts (email);",
                "DROP TABLE accounts;");
        Fixture.script(dir, "002_b.sql", "Index and not null", "bbbb2222", "aaaa1111", "",
                "SELECT 1;\nCREATE INDEX ix_email2 ON accounts (lower(email));\n"
                        + "ALTER TABLE accounts\n    ALTER COLUMN email SET NOT NULL;",
                "DROP INDEX ix_email2;");
        Fixture.script(dir, "003_c.sql", "Concurrent index", "cccc3333", "bbbb2222", "-- Transactional: false\n",
                "-- lint: ignore drop-index-without-concurrently\nDROP INDEX ix_email2;\n"
                        + "CREATE INDEX CONCURRENTLY ix_email3 ON accounts (email);",
                "DROP INDEX ix_email3;");
        return dir;
    }

    @Test
    void pendingRevisionsOnTheDatabaseAreLinted() throws IOException {
        Path dir = scripts();
        try (TestDatabase db = TestPostgres.createDatabase("lint")) {
            Cli cli = Cli.at(dir).database(db);
            assertEquals(0, cli.run("upgrade", "aaaa1111").status());
            Cli.Result result = cli.run("lint");
            assertEquals(255, result.status(), result::toString);
            String file = dir.resolve("002_b.sql").toString();
            assertEquals(file + ":8: index-without-concurrently (revision bbbb2222)\n"
                    + "    CREATE INDEX ix_email2 ON accounts (lower(email))\n"
                    + "    Builds the index on \"accounts\" under a SHARE lock: inserts, updates and deletes on the"
                    + " table wait until it is built.\n"
                    + "    Write CREATE INDEX CONCURRENTLY and put '-- Transactional: false' in the script's header"
                    + " (for a Java revision, call concurrently() on the operation, which makes the revision run"
                    + " outside a transaction by itself).\n\n"
                    + file + ":9: set-not-null (revision bbbb2222)\n"
                    + "    ALTER TABLE accounts ...\n", result.out().substring(0, result.out().indexOf("    SET NOT")));
            assertEquals("FAILED: 2 statements in bbbb2222 would lock a table in use or fail on one with rows;"
                    + " change them as advised, or mark a statement that is meant so with '-- lint: ignore <rule>'"
                    + " above it\n", result.err());
            // Read, never changed: the version row is where the upgrade left it.
            assertEquals(List.of("aaaa1111"), cli.run("current").lines());

            Cli.Result ignoring = cli.run("lint", "--ignore", "index-without-concurrently", "--ignore", "SET-NOT-NULL");
            assertEquals(0, ignoring.status(), ignoring::toString);
            assertEquals("No locking operations found in 2 revisions.\n", ignoring.out());

            assertEquals(0, cli.run("upgrade", "heads").status());
            assertEquals("No locking operations found in 0 revisions.\n", cli.run("lint").out());
            Cli.Result unknown = cli.run("lint", "--ignore", "no-such-rule");
            assertEquals(255, unknown.status(), unknown::toString);
            assertTrue(unknown.err().startsWith("FAILED: No lint rule 'no-such-rule'; the rules are: "
                    + "index-without-concurrently, "), unknown::toString);
        }
    }

    @Test
    void aRangeIsLintedWithoutADatabase() throws IOException {
        Path dir = scripts();
        Cli cli = Cli.at(dir);
        Cli.Result noDatabase = cli.run("lint");
        assertEquals(255, noDatabase.status(), noDatabase::toString);
        assertTrue(noDatabase.err().startsWith("FAILED: 'lint' without a range lints the revisions pending on the"
                + " database, and none is configured: give --url"), noDatabase::toString);
        assertTrue(noDatabase.err().endsWith("; or give a range, which needs none: 'lint -r :' for every revision,"
                + " 'lint -r <revision>:' for that one and those after it\n"), noDatabase::toString);
        // The first revision indexes the table it creates; the third builds concurrently outside a transaction,
        // and its DROP INDEX is marked.
        assertEquals("No locking operations found in 1 revision.\n", cli.run("lint", "-r", "aaaa1111:aaaa1111").out());
        assertEquals("No locking operations found in 1 revision.\n", cli.run("lint", "-r", "cccc3333:").out());
        Cli.Result all = cli.run("lint", "-r", ":", "--format", "json");
        assertEquals(255, all.status(), all::toString);
        JsonNode json = JsonMapper.builder().build().readTree(all.out());
        assertEquals(false, json.get("ok").asBoolean());
        assertEquals("postgresql", json.get("database").asString());
        assertEquals("[\"aaaa1111\",\"bbbb2222\",\"cccc3333\"]", json.get("revisions").toString());
        assertEquals(2, json.get("findings").size());
        JsonNode first = json.get("findings").get(0);
        assertEquals("bbbb2222", first.get("revision").asString());
        assertEquals("filesystem:" + dir.resolve("002_b.sql"), first.get("file").asString());
        assertEquals(8, first.get("line").asInt());
        assertEquals(2, first.get("statement").asInt());
        assertEquals("index-without-concurrently", first.get("rule").asString());
        assertEquals("set-not-null", json.get("findings").get(1).get("rule").asString());
        assertTrue(json.get("problem").asString().startsWith("2 statements in bbbb2222 "), all::toString);
    }

    @Test
    void mariaDbRulesOnARealMariaDb() throws IOException, SQLException {
        Path dir = this.temp.resolve("maria");
        Files.createDirectories(dir);
        Fixture.script(dir, "001_a.sql", "Create", "aaaa1111", "", "",
                "CREATE TABLE owners (id int PRIMARY KEY);\nCREATE TABLE pets (id int PRIMARY KEY, owner_id int,"
                        + " name varchar(10));", "DROP TABLE pets;\nDROP TABLE owners;");
        Fixture.script(dir, "002_b.sql", "Change", "bbbb2222", "aaaa1111", "",
                "ALTER TABLE pets MODIFY owner_id bigint;\nALTER TABLE pets ADD CONSTRAINT fk_owner FOREIGN KEY"
                        + " (owner_id) REFERENCES owners (id);\nCREATE INDEX ix_name ON pets (name);\n"
                        + "ALTER TABLE pets ADD FULLTEXT INDEX ft_name (name);",
                "ALTER TABLE pets DROP FOREIGN KEY fk_owner;");
        try (TestDatabase db = TestMariaDb.createDatabase("lint")) {
            Cli cli = Cli.at(dir).database(db);
            assertEquals(0, cli.run("upgrade", "aaaa1111").status());
            Cli.Result result = cli.run("lint", "--format", "json");
            assertEquals(255, result.status(), result::toString);
            JsonNode json = JsonMapper.builder().build().readTree(result.out());
            assertEquals("mariadb", json.get("database").asString());
            assertEquals("[\"bbbb2222\"]", json.get("revisions").toString());
            assertEquals("alter-may-copy-table", json.get("findings").get(0).get("rule").asString());
            assertEquals("foreign-key-copies-table", json.get("findings").get(1).get("rule").asString());
            assertEquals("index-blocks-writes", json.get("findings").get(2).get("rule").asString());
            assertEquals(3, json.get("findings").size());
            // What the rules say holds on the server: asked to make both changes in place, it refuses (with
            // foreign_key_checks on, the foreign key only by copying the table; a new column type only so too), and
            // builds a FULLTEXT index only with writes blocked.
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                for (String sql : List.of("ALTER TABLE pets MODIFY owner_id bigint, ALGORITHM=INPLACE, LOCK=NONE",
                        "ALTER TABLE pets ADD CONSTRAINT fk_owner FOREIGN KEY (owner_id) REFERENCES owners (id),"
                                + " ALGORITHM=INPLACE")) {
                    SQLException refused = assertThrows(SQLException.class, () -> st.execute(sql), sql);
                    assertTrue(refused.getMessage().contains("ALGORITHM=INPLACE is not supported"),
                            refused::getMessage);
                }
                SQLException locks = assertThrows(SQLException.class, () -> st.execute(
                        "ALTER TABLE pets ADD FULLTEXT INDEX ft_name (name), ALGORITHM=INPLACE, LOCK=NONE"));
                assertTrue(locks.getMessage().contains("LOCK=NONE is not supported"), locks::getMessage);
                st.execute("SET foreign_key_checks = 0");
                st.execute("ALTER TABLE pets ADD CONSTRAINT fk_owner FOREIGN KEY (owner_id) REFERENCES owners (id),"
                        + " ALGORITHM=INPLACE");
            }
        }
    }
}
