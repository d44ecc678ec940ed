package io.samokoder.migrations.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestMariaDb;
import io.samokoder.migrations.testsupport.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged flat jar, run as its own process ({@code java -jar}). */
class CliJarIT {

    @TempDir
    Path temp;

    record Process(int status, String out, String err) {
    }

    private Process java(String... args) throws IOException, InterruptedException {
        Path jar = packagedJar();
        assertTrue(Files.isRegularFile(jar), "package the module first: " + jar);
        return run(List.of("-jar", jar.toString()), args);
    }

    private Process run(List<String> launch, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.addAll(launch);
        command.addAll(List.of(args));
        Path out = this.temp.resolve("out.txt");
        Path err = this.temp.resolve("err.txt");
        java.lang.Process process = new ProcessBuilder(command).directory(this.temp.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the CLI did not finish");
        return new Process(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The flat jar, which failsafe names after {@code package}; run this class with {@code mvn verify}. */
    private static Path packagedJar() {
        String property = System.getProperty("cli.jar");
        assertNotNull(property, "CliJarIT runs under failsafe after package (mvn -pl samokoder-migrations-cli -am"
                + " verify), which sets the system property cli.jar");
        return Path.of(property).toAbsolutePath();
    }

    @Test
    void headsAndOfflineSql() throws Exception {
        Fixture.write(this.temp.resolve("src/main/resources/db/migrations"));
        Process heads = java("heads");
        assertEquals(0, heads.status(), heads::toString);
        assertEquals("eeee5555 (reporting) (head)\n", heads.out());
        assertEquals("", heads.err());
        Process sql = java("upgrade", "heads", "--sql");
        assertEquals(0, sql.status(), sql::toString);
        assertTrue(sql.out().startsWith("BEGIN;\n"), sql.out());
        assertTrue(sql.out().contains("INSERT INTO alembic_version (version_num) VALUES ('aaaa1111');"), sql.out());
        Process failed = java("show", "nope");
        assertEquals(255, failed.status());
        assertEquals("FAILED: Can't locate revision identified by 'nope'\n", failed.err());
        Process usage = java("heads", "--nope");
        assertEquals(2, usage.status());
    }

    @Test
    void aDriverOfClasspathServesTheUrl() throws Exception {
        Fixture.write(this.temp.resolve("src/main/resources/db/migrations"));
        Path h2 = Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String url = "jdbc:h2:file:" + this.temp.resolve("db").toAbsolutePath();
        Process upgrade = java("--classpath", h2.toString(), "--url", url, "upgrade", "heads");
        assertEquals(0, upgrade.status(), upgrade::toString);
        Process current = java("--classpath", h2.toString(), "--url", url, "current");
        assertEquals(0, current.status(), current::toString);
        assertEquals("eeee5555 (head) (mergepoint)\n", current.out());
        Process without = java("--url", url, "current");
        assertEquals(255, without.status(), without::toString);
        assertTrue(without.err().contains("No JDBC driver on the class path takes jdbc:h2: URLs (drivers found:"
                + " org.mariadb.jdbc.Driver, org.postgresql.Driver). Put the database's driver jar on the class path:"
                + " with the command line, --classpath"), without::toString);
    }

    @Test
    void aFailedStepIsReportedOnceOnTheFailedLine() throws Exception {
        Path dir = Files.createDirectories(this.temp.resolve("src/main/resources/db/migrations"));
        Fixture.script(dir, "001_a1.sql", "Fails", "a1", "", "",
                "CREATE TABLE t (id INT);\nINSERT INTO missing VALUES (1);", "DROP TABLE t;");
        Path h2 = Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String url = "jdbc:h2:file:" + this.temp.resolve("db").toAbsolutePath();
        String message = "Revision a1 failed at statement 2";

        Process upgrade = java("--classpath", h2.toString(), "--url", url, "upgrade", "heads");
        Process debug = java("--classpath", h2.toString(), "--url", url, "--debug", "upgrade", "heads",
                "--retry-partial");

        assertEquals(255, upgrade.status(), upgrade::toString);
        assertTrue(upgrade.err().startsWith("Running upgrade  -> a1, Fails\nFAILED: " + message), upgrade::toString);
        assertEquals(1, upgrade.err().split(message, -1).length - 1, upgrade::toString);
        assertEquals(255, debug.status(), debug::toString);
        assertTrue(debug.err().contains("\nERROR Revision a1 failed at statement 1"),
                "--debug shows the engine's log line (statement 1 now: the first run left table t): " + debug);
    }

    @Test
    void aJavaPackageWithoutRevisionsIsWarnedOf() throws Exception {
        Fixture.write(this.temp.resolve("src/main/resources/db/migrations"));
        Process heads = java("--java-packages", "com.example.misspelt", "heads");
        assertEquals(0, heads.status(), heads::toString);
        assertEquals("eeee5555 (reporting) (head)\n", heads.out());
        assertEquals("WARN Package com.example.misspelt (samokoder.migrations.java-packages) has no class annotated"
                + " @Revision; it adds no Java revisions\n", heads.err());
    }

    /** A step that takes long says so every 15 s, also without {@code --debug} (about 16 s). */
    @Test
    void aLongStepIsReportedAsStillRunning() throws Exception {
        Path dir = Files.createDirectories(this.temp.resolve("src/main/resources/db/migrations"));
        Fixture.script(dir, "001_a1.sql", "Takes long", "a1", "", "", "SELECT pg_sleep(16);", "SELECT 1;");
        try (TestDatabase db = TestPostgres.createDatabase("cli_long")) {
            List<String> args = new ArrayList<>(List.of("--url", db.jdbcUrl(), "--user", db.user()));
            if (db.password() != null && !db.password().isEmpty()) {
                args.addAll(List.of("--password", db.password()));
            }
            args.addAll(List.of("upgrade", "heads"));
            Process upgrade = java(args.toArray(String[]::new));
            assertEquals(0, upgrade.status(), upgrade::toString);
            assertEquals("Running upgrade  -> a1, Takes long\nINFO Still running after 15 s: upgrade  -> a1,"
                    + " Takes long\n", upgrade.err());
        }
    }

    @Test
    void mariaDbsDriverDoesNotWarnAboutTheVersionTableOfANewDatabase() throws Exception {
        Fixture.write(this.temp.resolve("src/main/resources/db/migrations"));
        try (TestDatabase maria = TestMariaDb.createDatabase("cli_jar")) {
            List<String> connection = new ArrayList<>(List.of("--url", maria.jdbcUrl(), "--user", maria.user()));
            if (maria.password() != null && !maria.password().isEmpty()) {
                connection.addAll(List.of("--password", maria.password()));
            }
            connection.add("current");
            Process current = java(connection.toArray(String[]::new));
            assertEquals(0, current.status(), current::toString);
            assertEquals("", current.out());
            assertEquals("", current.err());
        }
    }

    @Test
    void javaRevisionsOfAJarOnClasspathAndOfTheJavaClassPath() throws Exception {
        Path scripts = Files.createDirectories(this.temp.resolve("src/main/resources/db/migrations"));
        Fixture.script(scripts, "001_a.sql", "Create accounts", "aaaa1111", "", "",
                "CREATE TABLE accounts (id int PRIMARY KEY);", "DROP TABLE accounts;");
        Path classes = JavaClasses.compile(this.temp.resolve("app"), java.util.Map.of("com.example.db.M2_AddNotes", """
                package com.example.db;
                import io.samokoder.migrations.java.*;
                import io.samokoder.migrations.ops.*;
                @Revision(id = "bbbb2222", revises = "aaaa1111", message = "Add notes")
                public class M2_AddNotes implements JavaRevision {
                    @Override
                    public void upgrade(Operations op) {
                        op.addColumn("accounts", Column.of("notes", Type.TEXT));
                    }
                }
                """));
        Path plain = JavaClasses.jar(classes, this.temp.resolve("plain.jar"));
        Process fromOption = java("upgrade", "base:heads", "--sql", "--url", "jdbc:postgresql://127.0.0.1:1/none",
                "--java-packages", "com.example", "--classpath", plain.toString());
        assertEquals(0, fromOption.status(), fromOption::toString);
        assertTrue(fromOption.out().contains("-- Running upgrade aaaa1111 -> bbbb2222\n\nALTER TABLE accounts ADD"
                + " COLUMN notes TEXT;\n"), fromOption.out());

        Path maven = JavaClasses.jar(classes, this.temp.resolve("maven.jar"), true);
        Process fromClassPath = run(List.of("-cp", packagedJar() + java.io.File.pathSeparator + maven,
                SamokoderCli.class.getName()), "history", "--java-packages", "com.example");
        assertEquals(0, fromClassPath.status(), fromClassPath::toString);
        assertEquals("aaaa1111 -> bbbb2222 (head), Add notes\n<base> -> aaaa1111, Create accounts\n",
                fromClassPath.out());
    }

    @Test
    void theLauncherRunsTheJarAndTheCompletionKnowsTheCommands() throws Exception {
        Path target = packagedJar().getParent();
        Path launcher = target.resolve("samokoder");
        assertTrue(Files.isExecutable(launcher), "the launcher is executable: " + launcher);
        Fixture.write(this.temp.resolve("src/main/resources/db/migrations"));
        ProcessBuilder builder = new ProcessBuilder(List.of("sh", launcher.toString(), "history", "-r", "cccc:"))
                .directory(this.temp.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Path out = this.temp.resolve("launcher.txt");
        java.lang.Process process = builder.redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the launcher did not finish");
        String output = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        assertEquals("cccc3333, dddd4444 -> eeee5555 (reporting) (head) (mergepoint), Merge reporting and email\n"
                + "bbbb2222 -> cccc3333 (reporting), Reporting branch\n", output);

        String completion = Files.readString(target.resolve("samokoder_completion"), StandardCharsets.UTF_8);
        assertTrue(completion.contains("complete -F"), "a bash completion script");
        for (String command : List.of("upgrade", "downgrade", "stamp", "history", "revision", "merge", "check")) {
            assertTrue(completion.contains(command), "completion knows " + command);
        }
    }
}
