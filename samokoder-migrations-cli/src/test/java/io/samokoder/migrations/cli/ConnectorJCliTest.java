package io.samokoder.migrations.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestMariaDb;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code jdbc:mysql:} URL that MySQL Connector/J (given with {@code --classpath}) takes to a MariaDB
 * server: the URL's scheme picks the offline scripts' dialect, while online the server is MariaDB, as the
 * connection's metadata says (the driver names every server "MySQL", and MySQL's statement timeout does
 * not exist on MariaDB).
 */
class ConnectorJCliTest {

    @Test
    void aMariaDbServerIsMigratedThroughAMySqlUrl(@TempDir Path temp) throws Exception {
        Path dir = Files.createDirectories(temp.resolve("scripts"));
        Fixture.script(dir, "001_c1.sql", "First", "c1", "", "",
                "CREATE TABLE one (id INT, note VARCHAR(20));\nINSERT INTO one VALUES (1, 'it\\'s');",
                "DROP TABLE one;");
        Fixture.script(dir, "002_c2.sql", "Second", "c2", "c1", "", "ALTER TABLE one ADD COLUMN two INT;",
                "ALTER TABLE one DROP COLUMN two;");
        try (TestDatabase db = TestMariaDb.createDatabase("cli_cj")) {
            // The build copies the driver there; the tests' own class path has no driver of jdbc:mysql: URLs.
            Path driver = Path.of("target", "drivers", "mysql-connector-j.jar");
            assertTrue(Files.isRegularFile(driver), driver + " is missing: run the tests through Maven");
            Cli cli = Cli.at(dir).option("--classpath", driver.toAbsolutePath().toString(), "--url",
                    db.jdbcUrl().replaceFirst("^jdbc:mariadb:", "jdbc:mysql:"), "--user", db.user());
            if (db.password() != null && !db.password().isEmpty()) {
                cli.option("--password", db.password());
            }

            Cli.Result up = cli.run("upgrade", "heads");
            assertEquals(0, up.status(), up::toString);
            assertEquals("c2 (head)\n", cli.run("current").out());
            Cli.Result down = cli.run("downgrade", "base");
            assertEquals(0, down.status(), down::toString);
            assertEquals("", cli.run("current").out());

            Cli.Result offline = cli.run("upgrade", "heads", "--sql");
            assertEquals(0, offline.status(), offline::toString);
            assertTrue(offline.out().contains("CREATE TABLE alembic_version (\n    version_num VARCHAR(32) NOT NULL"),
                    offline::toString);
            assertFalse(offline.out().contains("BEGIN;"), offline::toString);
        }
    }
}
