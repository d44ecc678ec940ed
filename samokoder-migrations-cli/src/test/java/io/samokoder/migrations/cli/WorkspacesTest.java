package io.samokoder.migrations.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.cli.command.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Workspaces#create}: explicit settings, then the configuration file, then the default location. */
class WorkspacesTest {

    @TempDir
    Path module;

    @Test
    void defaultLocationIsTheModulesScriptsDirectory() {
        Workspace workspace = Workspaces.create(null, null, null, null, null, Map.of(), this.module);
        assertEquals(List.of(this.module.resolve("src/main/resources/db/migrations")), workspace.versionLocations());
        assertNull(workspace.databaseDescription());
    }

    @Test
    void explicitSettingsWinOverTheFileAndThePasswordIsMasked() throws IOException {
        Path file = this.module.resolve("application.yml");
        Files.writeString(file, """
                spring:
                  datasource:
                    url: jdbc:postgresql://db.example:5432/shop?password=${DB_PASSWORD}
                samokoder:
                  migrations:
                    locations: file:scripts
                """);
        Workspace fromFile = Workspaces.create(null, null, null, null, file, Map.of("DB_PASSWORD", "hunter2"),
                this.module);
        assertEquals("jdbc:postgresql://db.example:5432/shop?password=***", fromFile.databaseDescription());
        assertEquals(List.of(this.module.resolve("scripts")), fromFile.versionLocations());

        Workspace explicit = Workspaces.create("jdbc:postgresql://other:5432/x", "u", "p", "sql,classpath:db/more",
                file, Map.of(), this.module);
        assertEquals("jdbc:postgresql://other:5432/x", explicit.databaseDescription());
        assertEquals(List.of(this.module.resolve("sql")), explicit.versionLocations());
    }

    @Test
    void placeholdersOfTheFileReachTheEngineAsTheMavenPluginReadsIt() throws IOException {
        Files.createDirectories(this.module.resolve("src/main/resources/db/migrations"));
        Path file = this.module.resolve("application.properties");
        Files.writeString(file, "samokoder.migrations.placeholders.schema=billing\n");
        Workspace workspace = Workspaces.create(null, null, null, null, file, Map.of(), this.module);
        assertEquals(Map.of("schema", "billing"), workspace.engine().config().placeholders().values());
        Files.writeString(file, "samokoder.migrations.placeholder-replacement=false\n");
        assertFalse(Workspaces.create(null, null, null, null, file, Map.of(), this.module).engine().config()
                .placeholders().enabled());
    }

    @Test
    void theApplicationsVariablesCountOverTheFileAsForTheApplication() throws IOException {
        Files.createDirectories(this.module.resolve("src/main/resources/db/migrations"));
        Path file = this.module.resolve("application.properties");
        Files.writeString(file, "samokoder.migrations.placeholders.schema=billing\n"
                + "samokoder.migrations.lock-timeout=2s\n");
        Map<String, String> environment = Map.of("SAMOKODER_MIGRATIONS_PLACEHOLDERS_SCHEMA", "audit",
                "SAMOKODER_MIGRATIONS_ALLOW_NEWER_REVISIONS", "true");
        MigrationsConfig config = Workspaces.create(null, null, null, null, file, environment, this.module).engine()
                .config();
        assertEquals(Map.of("schema", "audit"), config.placeholders().values());
        assertEquals(Duration.ofSeconds(2), config.lockTimeout(), "the file's, where no variable sets it");
        assertTrue(config.allowNewerRevisions());
    }

    @Test
    void repeatableScriptsComeFromTheModulesDirectoryWhereItExistsOrFromTheFile() throws IOException {
        Files.createDirectories(this.module.resolve("src/main/resources/db/migrations"));
        assertEquals(List.of(), Workspaces.create(null, null, null, null, null, Map.of(), this.module).engine()
                .config().repeatableLocations());
        Path repeatable = Files.createDirectories(this.module.resolve("src/main/resources/db/repeatable"));
        Files.writeString(repeatable.resolve("R__views.sql"), "CREATE OR REPLACE VIEW v AS SELECT 1;\n");
        Migrations engine = Workspaces.create(null, null, null, null, null, Map.of(), this.module).engine();
        assertEquals(List.of("filesystem:" + repeatable), engine.config().repeatableLocations());
        assertEquals("R__views.sql", engine.repeatables().get(0).name());

        Path file = this.module.resolve("application.properties");
        Files.writeString(file, "samokoder.migrations.repeatable-locations=file:views\n");
        assertEquals(List.of("filesystem:views"), Workspaces.create(null, null, null, null, file, Map.of(),
                this.module).engine().config().repeatableLocations().stream()
                .map(l -> l.replace(this.module + "/", "")).toList());
    }

    @Test
    void invalidSettingsAreIllegalArguments() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> Workspaces.create(null, null, null, " , ", null, Map.of(), this.module));
        assertTrue(empty.getMessage().contains("--locations is empty"), empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Workspaces.create(null, null, null, null,
                this.module.resolve("missing.properties"), Map.of(), this.module));
    }
}
