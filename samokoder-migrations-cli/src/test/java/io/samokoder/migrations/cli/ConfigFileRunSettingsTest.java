package io.samokoder.migrations.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.testsupport.TestDatabase;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --config}: {@code connect-retries}, {@code connect-retries-interval} and {@code allow-newer-revisions}, read
 * as the starter reads them and used by runs and read commands alike.
 */
class ConfigFileRunSettingsTest {

    @TempDir
    Path temp;

    @Test
    void theKeysAreReadAsTheStarterReadsThemAndReachTheEngine() throws IOException {
        Path file = Files.writeString(this.temp.resolve("application.yml"), """
                samokoder:
                  migrations:
                    connect-retries: 4
                    connect-retries-interval: 30
                    allow-newer-revisions: true
                """);
        Settings settings = ConfigFile.load(file, Map.of());
        assertEquals(4, settings.connectRetries());
        assertEquals(Duration.ofSeconds(30), settings.connectRetriesInterval(), "a bare number is seconds");
        assertEquals(Boolean.TRUE, settings.allowNewerRevisions());
        List<String> locations = List.of("filesystem:" + this.temp);
        MigrationsConfig config = EngineConfigs.of(settings, locations, null, null);
        assertEquals(4, config.connectRetries());
        assertEquals(Duration.ofSeconds(30), config.connectRetriesInterval());
        assertTrue(config.allowNewerRevisions());
        MigrationsConfig defaults = EngineConfigs.of(Settings.NONE, locations, null, null);
        assertEquals(0, defaults.connectRetries());
        assertEquals(MigrationsConfig.DEFAULT_CONNECT_RETRIES_INTERVAL, defaults.connectRetriesInterval());
        assertFalse(defaults.allowNewerRevisions());
        // The Maven plugin's configFile.
        MigrationsConfig plugin = Workspaces.create(null, null, null, "filesystem:" + this.temp, file, Map.of(),
                null).engine().config();
        assertEquals(4, plugin.connectRetries());
        assertTrue(plugin.allowNewerRevisions());
    }

    @Test
    void allowNewerRevisionsLetsOlderScriptsRunOnADatabaseThatNewerOnesMigrated() throws Exception {
        Path older = scripts(this.temp.resolve("older"), 2);
        Path newer = scripts(this.temp.resolve("newer"), 3);
        try (TestDatabase db = TestPostgres.createDatabase("newer")) {
            Cli.Result newerRun = Cli.at(newer).database(db).run("upgrade", "heads");
            assertEquals(0, newerRun.status(), newerRun::toString);
            long logRows = count(db, "SELECT count(*) FROM samokoder_migrations_log");

            Path strict = config("strict.properties", db, older, "");
            Cli.Result refused = Cli.raw(Map.of(), "upgrade", "heads", "--config", strict.toString());
            assertEquals(255, refused.status(), refused::toString);
            assertTrue(refused.err().startsWith("FAILED: Can't locate revision identified by 'cccc3333'"),
                    refused::toString);

            Path allowing = config("allowing.properties", db, older, "samokoder.migrations.allow-newer-revisions=true");
            StringBuilder log = new StringBuilder();
            Cli.Result upgrade = logged(log, "upgrade", "heads", "--config", allowing.toString());
            assertEquals(0, upgrade.status(), () -> upgrade + "--- log\n" + log);
            assertFalse(upgrade.err().contains("Running"), upgrade::toString);
            assertTrue(log.toString().contains("WARN") && log.toString().contains(
                    "holds cccc3333, which no loaded script declares"), log::toString);
            assertTrue(log.toString().contains("applied on top of bbbb2222"), log::toString);
            assertEquals(List.of("cccc3333"), versionRows(db));
            assertEquals(logRows, count(db, "SELECT count(*) FROM samokoder_migrations_log"));

            // The read commands and the dry run, as the run: the newer row listed as such, nothing to do.
            Cli.Result current = Cli.raw(Map.of(), "current", "--config", allowing.toString());
            assertEquals(0, current.status(), current::toString);
            assertEquals("cccc3333 (a newer build's revision, which these scripts do not have)\n", current.out());
            Cli.Result strictCurrent = Cli.raw(Map.of(), "current", "--config", strict.toString());
            assertEquals(255, strictCurrent.status(), strictCurrent::toString);
            Cli.Result dryRun = Cli.raw(Map.of(), "upgrade", "heads", "--dry-run", "--config", allowing.toString());
            assertEquals(0, dryRun.status(), dryRun::toString);
            assertTrue(dryRun.out().contains("nothing to do") && dryRun.out().contains("result: cccc3333")
                    && dryRun.out().contains("warning: ") && dryRun.out().contains("applied on top of bbbb2222"),
                    dryRun::toString);
        }
    }

    @Test
    void connectRetriesWaitForADatabaseThatIsCreatedWhileTheCommandRuns() throws Exception {
        Path scripts = scripts(this.temp.resolve("scripts"), 2);
        try (TestDatabase admin = TestPostgres.createDatabase("admin");
                TestDatabase late = TestPostgres.createDatabase("late")) {
            execute(admin, "DROP DATABASE " + late.name());
            Path file = Files.writeString(this.temp.resolve("application.yml"), String.join("\n",
                    "spring:",
                    "  datasource:",
                    "    url: " + late.jdbcUrl(),
                    "    username: " + late.user(),
                    "    password: '" + (late.password() == null ? "" : late.password()) + "'",
                    "samokoder:",
                    "  migrations:",
                    "    locations: filesystem:" + scripts,
                    "    connect-retries: 3",
                    "    connect-retries-interval: 1s",
                    ""));
            AtomicReference<Exception> failure = new AtomicReference<>();
            Thread creator = new Thread(() -> {
                try {
                    Thread.sleep(1500);
                    execute(admin, "CREATE DATABASE " + late.name());
                } catch (InterruptedException | SQLException e) {
                    failure.set(e);
                }
            }, "creates-the-database");
            StringBuilder log = new StringBuilder();
            Cli.Result upgrade;
            creator.start();
            try {
                upgrade = logged(log, "upgrade", "heads", "--config", file.toString());
            } finally {
                creator.join();
            }
            assertNull(failure.get());
            assertEquals(0, upgrade.status(), () -> upgrade + "--- log\n" + log);
            assertTrue(log.toString().contains("Could not connect to the database") && log.toString().contains(
                    "of 3 retries, samokoder.migrations.connect-retries"), log::toString);
            assertEquals(List.of("bbbb2222"), versionRows(late));
        }
    }

    @Test
    void badValuesAreRefusedNamingTheProperty() throws IOException {
        Path scripts = scripts(this.temp.resolve("scripts"), 2);
        for (String[] bad : new String[][] {
            {"connect-retries-interval: soon", "connect-retries-interval = 'soon' is not a duration;"
                    + " use 500ms, 5s or 10m"},
            {"connect-retries: many", "connect-retries = 'many' is invalid; use a whole number"},
            {"allow-newer-revisions: perhaps", "allow-newer-revisions = 'perhaps' is invalid; use true or false"}}) {
            Path file = yaml("bad.yml", scripts, bad[0]);
            Cli.Result refused = Cli.raw(Map.of(), "heads", "--config", file.toString());
            assertEquals(2, refused.status(), refused::toString);
            assertTrue(refused.err().startsWith("--config " + file + ": property samokoder.migrations." + bad[1]),
                    refused::toString);
        }
        // Negative values: the engine's own check, which names the property.
        for (String[] bad : new String[][] {
            {"connect-retries: -1", "connectRetries (samokoder.migrations.connect-retries) must be 0 or more, not -1"},
            {"connect-retries-interval: -5s", "connectRetriesInterval (samokoder.migrations.connect-retries-interval)"
                    + " must be zero or positive, not -5s"}}) {
            Path file = yaml("negative.yml", scripts, bad[0]);
            Cli.Result refused = Cli.raw(Map.of(), "heads", "--config", file.toString());
            assertEquals(255, refused.status(), refused::toString);
            assertEquals("FAILED: Invalid migrations configuration: " + bad[1] + "\n", refused.err());
        }
    }

    /** Scripts aaaa1111 -> bbbb2222 (-> cccc3333), the first {@code count} of them. */
    private static Path scripts(Path dir, int count) throws IOException {
        Files.createDirectories(dir);
        String[][] all = {{"aaaa1111", ""}, {"bbbb2222", "aaaa1111"}, {"cccc3333", "bbbb2222"}};
        for (int i = 0; i < count; i++) {
            String table = "t_" + all[i][0];
            Fixture.script(dir, "00" + (i + 1) + "_" + all[i][0] + ".sql", "Create " + table, all[i][0], all[i][1],
                    "", "CREATE TABLE " + table + " (id int);", "DROP TABLE " + table + ";");
        }
        return dir;
    }

    private Path config(String name, TestDatabase db, Path scripts, String more) throws IOException {
        return Files.writeString(this.temp.resolve(name), String.join("\n",
                "spring.datasource.url=" + db.jdbcUrl(),
                "spring.datasource.username=" + db.user(),
                "spring.datasource.password=" + (db.password() == null ? "" : db.password()),
                "samokoder.migrations.locations=filesystem:" + scripts,
                more,
                ""));
    }

    private Path yaml(String name, Path scripts, String key) throws IOException {
        return Files.writeString(this.temp.resolve(name), String.join("\n",
                "samokoder:",
                "  migrations:",
                "    locations: filesystem:" + scripts,
                "    " + key,
                ""));
    }

    /** Runs the CLI with the engine's log (slf4j-simple, on {@code System.err}) appended to {@code log}. */
    private static Cli.Result logged(StringBuilder log, String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
        try {
            return Cli.raw(Map.of(), args);
        } finally {
            System.setErr(saved);
            log.append(logged.toString(StandardCharsets.UTF_8));
        }
    }

    private static void execute(TestDatabase db, String sql) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(TestDatabase db, String sql) throws SQLException {
        try (Connection connection = db.connect();
                ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> versionRows(TestDatabase db) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = db.connect();
                ResultSet rs = connection.createStatement().executeQuery("SELECT version_num FROM alembic_version")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
