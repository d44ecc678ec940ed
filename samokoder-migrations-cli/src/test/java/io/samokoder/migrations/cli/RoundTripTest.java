package io.samokoder.migrations.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new project from scratch: init, revisions, a second root, merge, upgrade, downgrade, history, current. */
class RoundTripTest {

    @TempDir
    Path temp;

    @Test
    void fromInitToDowngrade() throws IOException {
        Path dir = this.temp.resolve("db/migrations");
        assertEquals(0, Cli.raw(Map.of(), "init", dir.toString()).status());
        try (TestDatabase db = TestPostgres.createDatabase("roundtrip")) {
            Cli cli = Cli.at(dir).database(db);
            ok(cli, "revision", "-m", "create accounts", "--rev-id", "a1");
            fill(dir.resolve("a1_create_accounts.sql"), "CREATE TABLE accounts (id int PRIMARY KEY);",
                    "DROP TABLE accounts;");
            ok(cli, "revision", "-m", "add name", "--rev-id", "b2");
            fill(dir.resolve("b2_add_name.sql"), "ALTER TABLE accounts ADD COLUMN name text;",
                    "ALTER TABLE accounts DROP COLUMN name;");
            ok(cli, "revision", "-m", "audit log", "--head", "base", "--rev-id", "c3", "--branch-label", "audit");
            fill(dir.resolve("c3_audit_log.sql"), "CREATE TABLE audit (id int);", "DROP TABLE audit;");
            assertEquals(List.of("b2 (head)", "c3 (audit) (head)"), ok(cli, "heads").lines());
            ok(cli, "merge", "heads", "-m", "merge audit", "--rev-id", "d4");
            assertEquals(List.of("d4 (audit) (head)"), ok(cli, "heads").lines());

            ok(cli, "revision", "-m", "add email", "--rev-id", "e5");
            fill(dir.resolve("e5_add_email.sql"), "ALTER TABLE accounts ADD COLUMN email text;",
                    "ALTER TABLE accounts DROP COLUMN email;");

            Cli.Result upgrade = ok(cli, "upgrade", "heads");
            assertEquals(List.of("Running upgrade  -> c3, audit log", "Running upgrade  -> a1, create accounts",
                    "Running upgrade a1 -> b2, add name", "Running upgrade b2, c3 -> d4, merge audit",
                    "Running upgrade d4 -> e5, add email"), upgrade.err().lines().toList());
            assertEquals(List.of("e5 (head)"), ok(cli, "current").lines());
            Cli.Result down = ok(cli, "downgrade", "-1");
            assertEquals("Running downgrade e5 -> d4, add email\n", down.err());
            assertEquals(List.of("d4 (mergepoint)"), ok(cli, "current").lines());
            // -1 from a merge point is ambiguous, as in Alembic; a label narrows it.
            assertEquals("FAILED: Ambiguous walk\n", cli.run("downgrade", "-1").err());
            assertEquals(List.of(
                    "d4 -> e5 (audit) (head), add email",
                    "b2, c3 -> d4 (audit) (mergepoint), merge audit",
                    "a1 -> b2, add name",
                    "<base> -> a1, create accounts",
                    "<base> -> c3 (audit), audit log"), ok(cli, "history").lines());
            assertTrue(ok(cli, "history", "-i").out().contains("b2, c3 -> d4 (audit) (current) (mergepoint), merge"
                    + " audit\n"));
        }
    }

    private static Cli.Result ok(Cli cli, String... args) {
        Cli.Result result = cli.run(args);
        assertEquals(0, result.status(), result::toString);
        return result;
    }

    private static void fill(Path file, String upgrade, String downgrade) throws IOException {
        String text = Files.readString(file);
        Files.writeString(file, text.replace("-- migrate:upgrade\n\n", "-- migrate:upgrade\n" + upgrade + "\n")
                .replace("-- migrate:downgrade\n", "-- migrate:downgrade\n" + downgrade + "\n"));
    }
}
