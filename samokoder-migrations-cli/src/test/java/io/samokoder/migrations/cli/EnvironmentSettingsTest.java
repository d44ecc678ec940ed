package io.samokoder.migrations.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code SAMOKODER_MIGRATIONS_*} environment variables that configure the application configure the command
 * line too, bound as Spring Boot binds them: over the {@code --config} file, under the options.
 */
class EnvironmentSettingsTest {

    @TempDir
    Path temp;

    @Test
    void variablesAreBoundAsTheApplicationBindsThem() {
        Settings settings = ConfigFile.fromEnvironment(Map.of(
                "SAMOKODER_MIGRATIONS_VERSION_TABLE", "env_versions",
                "SAMOKODER_MIGRATIONS_LOCKTIMEOUT", "2",
                "SAMOKODER_MIGRATIONS_ALLOW_NEWER_REVISIONS", "true",
                "SAMOKODER_MIGRATIONS_PLACEHOLDERS_OWNER", "app",
                "SAMOKODER_MIGRATIONS_LOCATIONS", "filesystem:a,filesystem:b",
                "SAMOKODER_MIGRATIONS_URL", "jdbc:postgresql://elsewhere/db",
                "SPRING_DATASOURCE_URL", "jdbc:postgresql://other/db"));
        assertEquals("env_versions", settings.versionTable(), "the name with underscores for dashes");
        assertEquals(Duration.ofSeconds(2), settings.lockTimeout(),
                "the name without dashes; a bare number is seconds");
        assertEquals(Boolean.TRUE, settings.allowNewerRevisions());
        assertEquals(Map.of("owner", "app"), settings.placeholders());
        assertEquals(List.of("filesystem:a", "filesystem:b"), settings.locations());
        assertEquals(null, settings.url(), "the URL, user and password are the command line's own variables");
        assertEquals(Settings.NONE, ConfigFile.fromEnvironment(Map.of("HOME", "/root", "SPRING_DATASOURCE_URL", "x")));
    }

    @Test
    void theEnvironmentWinsOverTheFileAndTheOptionsOverBoth() throws Exception {
        Path scripts = this.temp.resolve("scripts");
        Files.createDirectories(scripts);
        Fixture.script(scripts, "001_aaaa1111.sql", "Create t", "aaaa1111", "", "", "CREATE TABLE t (id int);",
                "DROP TABLE t;");
        try (TestDatabase db = TestPostgres.createDatabase("env_settings")) {
            Path file = Files.writeString(this.temp.resolve("application.properties"), String.join("\n",
                    "spring.datasource.url=" + db.jdbcUrl(),
                    "spring.datasource.username=" + db.user(),
                    "spring.datasource.password=" + (db.password() == null ? "" : db.password()),
                    "samokoder.migrations.version-table=file_versions",
                    "samokoder.migrations.log-table=file_log",
                    ""));
            Map<String, String> environment = new HashMap<>();
            environment.put("SAMOKODER_MIGRATIONS_LOCATIONS", "filesystem:" + scripts);
            environment.put("SAMOKODER_MIGRATIONS_VERSION_TABLE", "env_versions");
            environment.put("SAMOKODER_MIGRATIONS_LOG_TABLE", "env_log");
            Cli.Result upgrade = Cli.raw(environment, "upgrade", "heads", "--config", file.toString(),
                    "--log-table", "option_log");
            assertEquals(0, upgrade.status(), upgrade::toString);
            assertEquals(List.of("aaaa1111"), rows(db, "SELECT version_num FROM env_versions"));
            assertEquals(List.of("1"), rows(db, "SELECT count(*) FROM option_log"));
            assertEquals(List.of("0"), rows(db, "SELECT count(*) FROM information_schema.tables"
                    + " WHERE table_name IN ('file_versions', 'file_log', 'env_log')"));
        }
    }

    @Test
    void aBadValueNamesTheVariable() throws IOException {
        for (String[] bad : new String[][] {
            {"SAMOKODER_MIGRATIONS_LOCK_TIMEOUT", "soon", "environment variable SAMOKODER_MIGRATIONS_LOCK_TIMEOUT"
                    + " (samokoder.migrations.lock-timeout) = 'soon' is not a duration; use 500ms, 5s or 10m"},
            {"SAMOKODER_MIGRATIONS_TRANSACTIONMODE", "sometimes", "environment variable"
                    + " SAMOKODER_MIGRATIONS_TRANSACTIONMODE (samokoder.migrations.transaction-mode) = 'sometimes' is"
                    + " invalid; use one of "},
            {"SAMOKODER_MIGRATIONS_DIALECT", "oracle", "environment variable SAMOKODER_MIGRATIONS_DIALECT"
                    + " (samokoder.migrations.dialect) = 'oracle' is invalid; use one of "}}) {
            Cli.Result refused = Cli.raw(Map.of(bad[0], bad[1]), "heads", "--locations", "filesystem:" + this.temp);
            assertEquals(2, refused.status(), refused::toString);
            assertTrue(refused.err().startsWith(bad[2]), refused::toString);
        }
    }

    private static List<String> rows(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            List<String> rows = new java.util.ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }
}
