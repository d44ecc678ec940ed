package io.samokoder.migrations.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.maven.NestedMaven.Build;
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
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The goals as Maven runs them: nested {@code mvn} builds of the sample project {@code src/it/sample}
 * (a service with an {@code application.properties} naming its database) against a fresh PostgreSQL
 * database of the test support (the server of {@code SAMOKODER_TEST_JDBC_URL}, else the embedded one).
 * See {@link NestedMaven} for where the nested builds take the plugin from.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MavenPluginIT {

    private static final String FIRST = "1975ea83b712";
    private static final String SECOND = "ae1027a6acf0";
    private static final String CONTRACT = "0a9b8c7d6e5f";

    private static TestDatabase database;
    private static Path project;
    private static String password;
    private static NestedMaven maven;

    @BeforeAll
    static void sampleProject() throws IOException {
        database = TestPostgres.createDatabase("mvnplugin");
        // A trusting server ignores the password, which then only has to stay out of the log.
        password = database.password() == null || database.password().isEmpty()
                ? "it-secret-" + UUID.randomUUID().toString().substring(0, 8) : database.password();
        maven = new NestedMaven("sample", database, password);
        project = maven.project();
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(1)
    void revisionWritesTheScriptIntoTheModule() throws IOException {
        Build build = mvn("samokoder-migrations:revision", "-Dsamokoder.message=create account table",
                "-Dsamokoder.revId=" + FIRST);
        build.assertSuccess();
        Path scripts = project.resolve("src/main/resources/db/migrations");
        Path script = scripts.resolve(FIRST + "_create_account_table.sql");
        build.assertLine("Generating " + script + " ...  done");
        assertTrue(Files.isRegularFile(script), script + " written");
        fill(script, "CREATE TABLE account (id int PRIMARY KEY, name varchar(50) NOT NULL);", "DROP TABLE account;");
    }

    @Test
    @Order(2)
    void headsAndHistoryPrintAlembicsTextAndCheckFailsWhilePending() throws IOException {
        Build build = mvn("samokoder-migrations:revision", "samokoder-migrations:heads", "samokoder-migrations:history",
                "samokoder-migrations:check", "-Dsamokoder.message=add a column", "-Dsamokoder.revId=" + SECOND);
        build.assertFailure();
        build.assertLine(SECOND + " (head)");
        build.assertLine(FIRST + " -> " + SECOND + " (head), add a column");
        build.assertLine("<base> -> " + FIRST + ", create account table");
        build.assertContains("Target database is not up to date. Pending: " + FIRST + ", " + SECOND
                + "; run 'mvn samokoder-migrations:upgrade'");
        assertFalse(build.log().contains("No new upgrade operations detected."), build.log());
        fill(project.resolve("src/main/resources/db/migrations/" + SECOND + "_add_a_column.sql"),
                // The type comes from the plugin's <placeholders> in the sample's pom.
                "ALTER TABLE account ADD COLUMN email ${email_type};", "ALTER TABLE account DROP COLUMN email;");
    }

    @Test
    @Order(3)
    void upgradeAppliesTheRevisionsAndCheckThenPasses() throws SQLException, IOException {
        // A repeatable script in the module's conventional directory, applied after the revisions.
        Path repeatable = Files.createDirectories(project.resolve("src/main/resources/db/repeatable"))
                .resolve("R__account_names.sql");
        Files.writeString(repeatable, "CREATE OR REPLACE VIEW account_names AS SELECT name FROM account;\n");
        Build build = mvn("samokoder-migrations:upgrade", "samokoder-migrations:check", "samokoder-migrations:current",
                "-Dsamokoder.target=heads");
        build.assertSuccess();
        build.assertLine("Running upgrade  -> " + FIRST + ", create account table");
        build.assertLine("Running upgrade " + FIRST + " -> " + SECOND + ", add a column");
        build.assertLine("Running repeatable filesystem:" + repeatable);
        assertEquals(List.of("account_names"), query("SELECT table_name FROM information_schema.views"
                + " WHERE table_name = 'account_names'"));
        build.assertLine("No new upgrade operations detected.");
        build.assertContains("The model was not compared: 'check' compares the project's JPA entities with the"
                + " database, and target/classes has no class annotated @Entity");
        build.assertLine(SECOND + " (head)");
        assertEquals(1, build.count("Running upgrade  -> " + FIRST), "the engine's own log line is not repeated");
        assertEquals(List.of(SECOND), query("SELECT version_num FROM alembic_version"));
        assertEquals(List.of("email", "id", "name"), query("SELECT column_name FROM information_schema.columns"
                + " WHERE table_name = 'account' ORDER BY column_name"));
    }

    @Test
    @Order(4)
    void offlineSqlAndFailuresWithAlembicsMessages() {
        Build sql = mvn("samokoder-migrations:downgrade", "-Dsamokoder.target=" + SECOND + ":" + FIRST,
                "-Dsamokoder.sql=true");
        sql.assertSuccess();
        sql.assertLine("ALTER TABLE account DROP COLUMN email;");
        Build up = mvn("samokoder-migrations:upgrade", "-Dsamokoder.target=" + FIRST + ":" + SECOND,
                "-Dsamokoder.sql=true");
        up.assertSuccess();
        up.assertLine("ALTER TABLE account ADD COLUMN email varchar(100);");
        sql.assertLine("UPDATE alembic_version SET version_num='" + FIRST + "' WHERE alembic_version.version_num = '"
                + SECOND + "';");
        Build lint = mvn("samokoder-migrations:lint", "-Dsamokoder.range=:");
        lint.assertSuccess();
        lint.assertLine("No locking operations found in 2 revisions.");
        Build show = mvn("samokoder-migrations:show", "-Dsamokoder.revision=nope");
        show.assertFailure();
        show.assertContains("Can't locate revision identified by 'nope'");
    }

    @Test
    @Order(5)
    void upgradeHoldsAContractRevisionAndRefusesToHoldOffline() throws IOException, SQLException {
        // A contract revision on the heads (the database is at them): held, and the file removed again.
        Path contract = project.resolve("src/main/resources/db/migrations/" + CONTRACT + "_drop_name.sql");
        Build written = mvn("samokoder-migrations:revision", "-Dsamokoder.contract", "-Dsamokoder.message=drop name",
                "-Dsamokoder.revId=" + CONTRACT);
        written.assertSuccess();
        try {
            assertTrue(Files.readString(contract).contains("\n-- Phase: contract\n"), Files.readString(contract));
            fill(contract, "ALTER TABLE account DROP COLUMN name;", "ALTER TABLE account ADD COLUMN name varchar(50);");
            Build held = mvn("samokoder-migrations:upgrade", "-Dsamokoder.holdContract");
            held.assertSuccess();
            held.assertLine("Held for the upgrade after the rollout (Phase: contract): " + CONTRACT);
            assertEquals(List.of(SECOND), query("SELECT version_num FROM alembic_version"));
            Build offline = mvn("samokoder-migrations:upgrade", "-Dsamokoder.holdContract", "-Dsamokoder.sql=true");
            offline.assertFailure();
            offline.assertContains("samokoder.holdContract cannot be used with samokoder.sql");
        } finally {
            Files.delete(contract);
        }
    }

    @Test
    @Order(6)
    void thePasswordIsNeverPrintedEvenInADebugBuild() {
        Build build = mvn("-X", "samokoder-migrations:current", "samokoder-migrations:downgrade",
                "-Dsamokoder.verbose=true", "-Dsamokoder.target=-1", "-Dsamokoder.password=" + password);
        build.assertSuccess();
        build.assertLine("Running downgrade " + SECOND + " -> " + FIRST + ", add a column");
        assertFalse(build.log().contains(password), "the password is in the build log " + build.file());
    }

    @Test
    @Order(7)
    void revisionWritesAJavaRevisionIntoTheModulesJavaSources() throws IOException {
        Build build = mvn("samokoder-migrations:revision", "-Dsamokoder.java",
                "-Dsamokoder.package=com.example.migrations",
                "-Dsamokoder.message=backfill names", "-Dsamokoder.revId=0b1c2d3e4f50");
        build.assertSuccess();
        Path source = project.resolve("src/main/java/com/example/migrations/R0b1c2d3e4f50_backfill_names.java");
        build.assertLine("Generating " + source + " ...  done");
        String text = Files.readString(source);
        assertTrue(text.startsWith("package com.example.migrations;\n"), text);
        assertTrue(text.contains("@Revision(id = \"0b1c2d3e4f50\", revises = \"" + SECOND + "\",\n"), text);
    }

    @Test
    @Order(8)
    void repairThenSquashAndADatabaseInsideTheSquashIsToldWhatToDo() throws IOException {
        Path scripts = project.resolve("src/main/resources/db/migrations");
        // The database is at the first revision (order 5); its script is edited to the same effect and repaired.
        Path first = scripts.resolve(FIRST + "_create_account_table.sql");
        Files.writeString(first, Files.readString(first).replace("CREATE TABLE account", "CREATE TABLE IF NOT EXISTS"
                + " account"));
        Build repair = mvn("samokoder-migrations:repair", "-Dsamokoder.revisions=" + FIRST);
        repair.assertSuccess();
        assertTrue(repair.log().contains("Repaired " + FIRST + ": its log held v2:"), repair.log());
        // The log goal shows the repair as the newest row.
        Build log = mvn("samokoder-migrations:log", "-Dsamokoder.limit=1");
        log.assertSuccess();
        log.assertContains("  repair  " + FIRST + "  ");
        Build build = mvn("samokoder-migrations:squash", "-Dsamokoder.revision=" + SECOND,
                "-Dsamokoder.message=baseline");
        build.assertSuccess();
        Path squash = scripts.resolve(SECOND + "_add_a_column.sql");
        build.assertLine("Generating " + squash + " ...  done");
        build.assertLine("Removing " + scripts.resolve(FIRST + "_create_account_table.sql") + " ...  done");
        assertTrue(Files.readString(squash).contains("-- Squashes: " + FIRST + "\n"), squash + " is the squash");
        // The database was left at the first revision (order 5), which the squash replaced.
        Build upgrade = mvn("samokoder-migrations:upgrade", "-Dsamokoder.target=heads");
        upgrade.assertFailure();
        upgrade.assertContains("Can't locate revision identified by '" + FIRST + "'. The version table alembic_version"
                + " names it, and it was squashed into revision " + SECOND);
    }

    private static void fill(Path script, String upgrade, String downgrade) throws IOException {
        String text = Files.readString(script);
        int up = text.indexOf("-- migrate:upgrade");
        int down = text.indexOf("-- migrate:downgrade");
        assertTrue(up >= 0 && down > up, text);
        Files.writeString(script, text.substring(0, up) + "-- migrate:upgrade\n" + upgrade
                + "\n\n-- migrate:downgrade\n"
                + downgrade + "\n");
    }

    private static List<String> query(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static Build mvn(String... arguments) {
        return maven.mvn(arguments);
    }
}
