package io.samokoder.migrations.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --sql} writes the SQL of the database that {@code --url} names, without connecting to it. */
class OfflineDialectTest {

    @TempDir
    Path temp;

    private Cli.Result sql(String url) {
        return Cli.at(Fixture.write(this.temp.resolve("scripts"))).option("--url", url).run("upgrade", "aaaa1111",
                "--sql");
    }

    @Test
    void aMariaDbUrlGivesMariaDbsScriptWithoutTransactions() {
        Cli.Result result = sql("jdbc:mariadb://127.0.0.1:1/nothing");

        assertEquals(0, result.status(), result::toString);
        assertEquals("""
                CREATE TABLE alembic_version (
                    version_num VARCHAR(32) NOT NULL, \n\
                    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
                );

                -- Running upgrade  -> aaaa1111

                CREATE TABLE accounts (id int PRIMARY KEY);

                INSERT INTO alembic_version (version_num) VALUES ('aaaa1111');

                """, result.out());
    }

    @Test
    void aPostgresqlUrlKeepsItsTransaction() {
        Cli.Result result = sql("jdbc:postgresql://127.0.0.1:1/nothing");

        assertEquals(0, result.status(), result::toString);
        assertTrue(result.out().startsWith("BEGIN;\n\n"), result::toString);
        assertTrue(result.out().endsWith("COMMIT;\n\n"), result::toString);
    }
}
