package io.samokoder.migrations.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --config}: the starter's keys from a Spring properties or YAML file; option > environment > file. */
class ConfigFileTest {

    static final String NOWHERE = "jdbc:postgresql://127.0.0.1:1/nothing";

    @TempDir
    static Path resources;

    static TestDatabase db;

    @BeforeAll
    static void setUp() {
        db = TestPostgres.createDatabase("config");
        Fixture.write(resources.resolve("db/migrations"));
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    private static String password() {
        return db.password() == null ? "" : db.password();
    }

    @Test
    void javaPackagesAndTheNamingConventionAreReadAsTheStarterReadsThem() throws Exception {
        Path file = Files.writeString(resources.resolve("java.yml"), """
                samokoder:
                  migrations:
                    java-packages:
                      - com.example.db.migrations
                      - com.example.more
                    naming-convention:
                      uq: "uk_%(table_name)s_%(column_0_name)s"
                """);
        Settings settings = ConfigFile.load(file, Map.of());
        assertEquals(List.of("com.example.db.migrations", "com.example.more"), settings.javaPackages());
        assertEquals(Map.of("uq", "uk_%(table_name)s_%(column_0_name)s"), settings.namingConvention());
        assertEquals("uk_%(table_name)s_%(column_0_name)s", EngineConfigs.of(settings.or(Settings.NONE), List.of(
                "filesystem:" + resources), null, null).namingConvention().templates().get("uq"));
    }

    @Test
    void theDeadHolderTimeoutIsReadAsTheStarterReadsIt() throws Exception {
        Path file = Files.writeString(resources.resolve("dead-holder.yml"), """
                samokoder:
                  migrations:
                    dead-holder-timeout: 20
                """);
        Settings settings = ConfigFile.load(file, Map.of());
        assertEquals(Duration.ofSeconds(20), settings.deadHolderTimeout());
        assertEquals(Duration.ofSeconds(20), EngineConfigs.of(settings.or(Settings.NONE), List.of(
                "filesystem:" + resources), null, null).deadHolderTimeout());
        assertEquals(MigrationsConfig.DEFAULT_DEAD_HOLDER_TIMEOUT, EngineConfigs.of(Settings.NONE, List.of(
                "filesystem:" + resources), null, null).deadHolderTimeout());
    }

    @Test
    void propertiesFileWithTheStartersDefaultsReadsTheScriptsNextToIt() throws Exception {
        Path file = Files.writeString(resources.resolve("application.properties"), String.join("\n",
                "spring.datasource.url=" + db.jdbcUrl(),
                "spring.datasource.username=" + db.user(),
                "spring.datasource.password=" + password(),
                "samokoder.migrations.locations=classpath:db/migrations",
                "samokoder.migrations.version-table=${VERSION_TABLE:cli_versions}",
                "samokoder.migrations.lock-timeout=7",
                ""));
        Cli.Result upgrade = Cli.raw(Map.of(), "upgrade", "bbbb", "--config", file.toString());
        assertEquals(0, upgrade.status(), upgrade::toString);
        assertEquals("bbbb2222 (branchpoint)\n", Cli.raw(Map.of(), "--config", file.toString(), "current").out());
        try (Connection connection = db.connect();
                ResultSet rs = connection.createStatement().executeQuery("SELECT version_num FROM cli_versions")) {
            assertTrue(rs.next());
            assertEquals("bbbb2222", rs.getString(1));
        }
        String sql = Cli.raw(Map.of(), "upgrade", "aaaa", "--sql", "--config", file.toString()).out();
        assertTrue(sql.contains("INSERT INTO cli_versions (version_num) VALUES ('aaaa1111');"), sql);
    }

    @Test
    void aPlaceholderThatNothingResolvesIsAUsageErrorNamingIt() throws Exception {
        Path file = Files.writeString(resources.resolve("unresolved.yml"), String.join("\n",
                "spring:",
                "  datasource:",
                "    url: ${DB_URL}",
                "    password: ${DB_PASSWORD:}",
                "samokoder:",
                "  migrations:",
                "    locations: classpath:db/migrations",
                ""));
        Cli.Result current = Cli.raw(Map.of(), "--config", file.toString(), "current");
        assertEquals(2, current.status(), current::toString);
        assertTrue(current.err().contains("--config " + file + ": the URL (samokoder.migrations.url,"
                + " spring.datasource.url) has the placeholder ${DB_URL}, which neither the file nor the environment"
                + " resolves"), current::toString);
        // An option that overrides the file's URL leaves its placeholder unused.
        Cli.Result overridden = Cli.raw(Map.of(), "--config", file.toString(), "--url", NOWHERE, "heads");
        assertEquals(0, overridden.status(), overridden::toString);
        Cli.Result resolved = Cli.raw(Map.of("DB_URL", NOWHERE), "--config", file.toString(), "heads");
        assertEquals(0, resolved.status(), resolved::toString);
    }

    @Test
    void yamlAndPrecedence() throws Exception {
        Path file = Files.writeString(resources.resolve("application.yml"), String.join("\n",
                "spring:",
                "  datasource:",
                "    url: " + NOWHERE,
                "samokoder:",
                "  migrations:",
                "    user: " + db.user(),
                "    password: '" + password() + "'",
                "    locations: classpath:db/migrations",
                "    version-table: yaml_versions",
                ""));
        String[] args = {"current", "--config", file.toString()};
        assertEquals(255, Cli.raw(Map.of(), args).status(), "the file's URL is used");
        Map<String, String> environment = new HashMap<>();
        environment.put("SPRING_DATASOURCE_URL", db.jdbcUrl());
        Cli.Result fromEnvironment = Cli.raw(environment, args);
        assertEquals(0, fromEnvironment.status(), fromEnvironment::toString);
        environment.put("SAMOKODER_MIGRATIONS_URL", NOWHERE);
        assertEquals(255, Cli.raw(environment, args).status(), "SAMOKODER_MIGRATIONS_URL comes before SPRING_DATASOURCE_URL");
        Cli.Result fromOption = Cli.raw(environment, "current", "--config", file.toString(), "--url", db.jdbcUrl());
        assertEquals(0, fromOption.status(), fromOption::toString);
        assertEquals(List.of(), fromOption.lines());
    }

    @Test
    void invalidValuesAreUsageErrors() throws Exception {
        Path file = Files.writeString(resources.resolve("bad.properties"), "samokoder.migrations.lock-retries=many\n");
        Cli.Result result = Cli.raw(Map.of(), "heads", "--config", file.toString());
        assertEquals(2, result.status(), result::toString);
        assertTrue(result.err().startsWith("--config " + file + ": property samokoder.migrations.lock-retries = 'many'"
                + " is invalid; use a whole number\n"), result.err());
        for (String[] bad : new String[][] {{"transaction-mode=every", "transaction-mode = 'every' is invalid; use one"
                + " of per-revision, single"}, {"validate-checksums=maybe", "is invalid; use one of fail, warn, off"},
            {"fast-start=perhaps", "fast-start = 'perhaps' is invalid; use true or false"},
            {"lock-timeout=abc", "lock-timeout = 'abc' is not a duration; use 500ms, 5s or 10m"}}) {
            Path one = Files.writeString(resources.resolve("bad-one.properties"), "samokoder.migrations." + bad[0] + "\n");
            Cli.Result refused = Cli.raw(Map.of(), "heads", "--config", one.toString());
            assertEquals(2, refused.status(), refused::toString);
            assertTrue(refused.err().startsWith("--config " + one + ": property samokoder.migrations."), refused.err());
            assertTrue(refused.err().contains(bad[1]), refused.err());
            assertTrue(!refused.err().contains("java.lang") && !refused.err().contains("io.samokoder"), refused.err());
        }
        Cli.Result missing = Cli.raw(Map.of(), "heads", "--config", resources.resolve("none.yml").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().startsWith("--config " + resources.resolve("none.yml") + ": no such file"));
    }

    @Test
    void theDialectKeyChoosesTheOfflineSqlAndAnUnknownOneIsNamed() throws Exception {
        Path mariadb = Files.writeString(resources.resolve("dialect.properties"), String.join("\n",
                "samokoder.migrations.dialect=mariadb", "samokoder.migrations.locations=filesystem:" + resources.resolve("db/migrations"), ""));
        Cli.Result sql = Cli.raw(Map.of(), "upgrade", "heads", "--sql", "--config", mariadb.toString());
        assertEquals(0, sql.status(), sql::toString);
        assertTrue(!sql.out().contains("BEGIN;") && sql.out().contains("-- Running upgrade"), sql.out());
        Path oracle = Files.writeString(resources.resolve("oracle.properties"), String.join("\n",
                "samokoder.migrations.dialect=oracle", "samokoder.migrations.locations=filesystem:" + resources.resolve("db/migrations"), ""));
        Cli.Result refused = Cli.raw(Map.of(), "heads", "--config", oracle.toString());
        assertEquals(2, refused.status(), refused::toString);
        assertTrue(refused.err().startsWith("--config " + oracle + ": property samokoder.migrations.dialect = 'oracle'"
                + " is invalid; use one of "), refused.err());
    }

    @Test
    void theComparisonSettingsAreReadFromTheAutogenerateKeys() throws Exception {
        Path file = Files.writeString(resources.resolve("autogenerate.yml"), String.join("\n",
                "samokoder:",
                "  migrations:",
                "    autogenerate:",
                "      exclude-tables: legacy_*, audit_log",
                "      compare-server-defaults: false",
                "      drop-unmapped-tables: true",
                ""));
        assertEquals(new io.samokoder.migrations.cli.command.AutogenerateSettings(List.of("legacy_*", "audit_log"),
                false, true), ConfigFile.load(file, Map.of()).autogenerate());
        Path none = Files.writeString(resources.resolve("none.properties"), "samokoder.migrations.schema=public\n");
        assertEquals(io.samokoder.migrations.cli.command.AutogenerateSettings.DEFAULTS,
                ConfigFile.load(none, Map.of()).autogenerate());
    }
}
