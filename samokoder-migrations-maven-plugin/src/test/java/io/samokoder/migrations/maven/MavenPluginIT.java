package io.samokoder.migrations.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * The nested builds read the plugin from the repository the invoker plugin's {@code install} goal
 * filled under {@code target/it-repo}, and everything else from the build's own local repository,
 * used as a file repository (user and global settings replaced): nothing is downloaded and nothing is
 * installed into the user's repository.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MavenPluginIT {

    private static final String FIRST = "1975ea83b712";
    private static final String SECOND = "ae1027a6acf0";

    private static TestDatabase database;
    private static Path project;
    private static Path settings;
    private static String password;
    private static int builds;

    @BeforeAll
    static void sampleProject() throws IOException {
        database = TestPostgres.createDatabase("mvnplugin");
        // A trusting server ignores the password, which then only has to stay out of the log.
        password = database.password() == null || database.password().isEmpty()
                ? "it-secret-" + UUID.randomUUID().toString().substring(0, 8) : database.password();
        Path work = Path.of(System.getProperty("it.work"));
        project = work.resolve("sample");
        deleteTree(project);
        copyTree(Path.of(System.getProperty("it.projects")).resolve("sample"), project);
        // Its own .mvn: the nested builds take no jvm.config or maven.config of the repository around it.
        Files.createDirectories(project.resolve(".mvn"));
        Path pom = project.resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom).replace("@plugin.version@", System.getProperty("it.plugin.version")));
        String repository = Path.of(System.getProperty("it.build.repository")).toUri().toString();
        settings = work.resolve("settings.xml");
        Files.writeString(settings, """
                <settings>
                  <profiles>
                    <profile>
                      <id>build-repository</id>
                      <repositories>
                        <repository>
                          <id>central</id>
                          <url>%1$s</url>
                          <releases><checksumPolicy>ignore</checksumPolicy></releases>
                          <snapshots><enabled>false</enabled></snapshots>
                        </repository>
                      </repositories>
                      <pluginRepositories>
                        <pluginRepository>
                          <id>central</id>
                          <url>%1$s</url>
                          <releases><checksumPolicy>ignore</checksumPolicy></releases>
                          <snapshots><enabled>false</enabled></snapshots>
                        </pluginRepository>
                      </pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>build-repository</activeProfile></activeProfiles>
                </settings>
                """.formatted(repository));
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
        assertFalse(build.log.contains("No new upgrade operations detected."), build.log);
        fill(project.resolve("src/main/resources/db/migrations/" + SECOND + "_add_a_column.sql"),
                "ALTER TABLE account ADD COLUMN email varchar(100);", "ALTER TABLE account DROP COLUMN email;");
    }

    @Test
    @Order(3)
    void upgradeAppliesTheRevisionsAndCheckThenPasses() throws SQLException {
        Build build = mvn("samokoder-migrations:upgrade", "samokoder-migrations:check", "samokoder-migrations:current",
                "-Dsamokoder.target=heads");
        build.assertSuccess();
        build.assertLine("Running upgrade  -> " + FIRST + ", create account table");
        build.assertLine("Running upgrade " + FIRST + " -> " + SECOND + ", add a column");
        build.assertLine("No new upgrade operations detected.");
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
        sql.assertLine("UPDATE alembic_version SET version_num='" + FIRST + "' WHERE alembic_version.version_num = '"
                + SECOND + "';");
        Build show = mvn("samokoder-migrations:show", "-Dsamokoder.revision=nope");
        show.assertFailure();
        show.assertContains("Can't locate revision identified by 'nope'");
    }

    @Test
    @Order(5)
    void thePasswordIsNeverPrintedEvenInADebugBuild() {
        Build build = mvn("-X", "samokoder-migrations:current", "samokoder-migrations:downgrade",
                "-Dsamokoder.verbose=true", "-Dsamokoder.target=-1", "-Dsamokoder.password=" + password);
        build.assertSuccess();
        build.assertLine("Running downgrade " + SECOND + " -> " + FIRST + ", add a column");
        assertFalse(build.log.contains(password), "the password is in the build log " + build.file);
    }

    @Test
    @Order(6)
    void revisionWritesAJavaRevisionIntoTheModulesJavaSources() throws IOException {
        Build build = mvn("samokoder-migrations:revision", "-Dsamokoder.java", "-Dsamokoder.package=com.example.migrations",
                "-Dsamokoder.message=backfill names", "-Dsamokoder.revId=0b1c2d3e4f50");
        build.assertSuccess();
        Path source = project.resolve("src/main/java/com/example/migrations/R0b1c2d3e4f50_backfill_names.java");
        build.assertLine("Generating " + source + " ...  done");
        String text = Files.readString(source);
        assertTrue(text.startsWith("package com.example.migrations;\n"), text);
        assertTrue(text.contains("@Revision(id = \"0b1c2d3e4f50\", revises = \"" + SECOND + "\",\n"), text);
    }

    private static void fill(Path script, String upgrade, String downgrade) throws IOException {
        String text = Files.readString(script);
        int up = text.indexOf("-- migrate:upgrade");
        int down = text.indexOf("-- migrate:downgrade");
        assertTrue(up >= 0 && down > up, text);
        Files.writeString(script, text.substring(0, up) + "-- migrate:upgrade\n" + upgrade + "\n\n-- migrate:downgrade\n"
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

    /** Runs {@code mvn} in the sample project and keeps its log under {@code target/it}. */
    private static Build mvn(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("it.maven.home"), "bin", "mvn").toString());
        command.addAll(List.of("-B", "-ntp", "-s", settings.toString(), "-gs", settings.toString(),
                "-Dmaven.repo.local=" + System.getProperty("it.repository")));
        command.addAll(List.of(arguments));
        Path log = project.getParent().resolve("build-" + (++builds) + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("SAMOKODER_IT_URL", database.jdbcUrl());
        environment.put("SAMOKODER_IT_USER", database.user());
        environment.put("SAMOKODER_IT_PASSWORD", password);
        environment.put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        try {
            Process process = builder.start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("mvn " + String.join(" ", arguments) + " did not finish; see " + log);
            }
            return new Build(log, Files.readString(log, StandardCharsets.UTF_8), process.exitValue());
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private record Build(Path file, String log, int status) {

        void assertSuccess() {
            assertEquals(0, this.status, "build failed, see " + this.file + ":\n" + this.log);
        }

        void assertFailure() {
            assertEquals(1, this.status, "build did not fail, see " + this.file + ":\n" + this.log);
        }

        void assertLine(String text) {
            assertTrue(this.log.contains("[INFO] " + text + "\n"), "no line '[INFO] " + text + "' in " + this.file
                    + ":\n" + this.log);
        }

        void assertContains(String text) {
            assertTrue(this.log.contains(text), "no '" + text + "' in " + this.file + ":\n" + this.log);
        }

        int count(String text) {
            return this.log.split(java.util.regex.Pattern.quote(text), -1).length - 1;
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path path : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
