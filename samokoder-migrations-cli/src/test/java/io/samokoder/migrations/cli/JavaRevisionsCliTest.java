package io.samokoder.migrations.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java revisions in the standalone CLI: classes of {@code --java-packages} (or the configuration file's
 * {@code samokoder.migrations.java-packages}) found on {@code --classpath} or the CLI's own class path,
 * mixed with SQL scripts, on a real PostgreSQL (a fresh database per test). The classes are compiled
 * by the test, as an application's would be.
 *
 * <pre>
 * aaaa1111 (SQL) -> bbbb2222 (Java, com.example.db.migrations) -> cccc3333 (SQL)
 *                                         dddd4444 (Java, com.example.db.reads, reads the database) -/
 * </pre>
 */
class JavaRevisionsCliTest {

    private static final String IMPORTS = "import io.samokoder.migrations.java.*;\nimport io.samokoder.migrations.ops.*;\n";

    @TempDir
    static Path build;

    static Path classes;
    static Path jar;

    @TempDir
    Path temp;

    TestDatabase db;
    Path scripts;
    Cli cli;

    @BeforeAll
    static void compile() {
        classes = JavaClasses.compile(build, Map.of(
                "com.example.db.migrations.M0002_AddNotes", """
                        package com.example.db.migrations;
                        %s
                        @Revision(id = "bbbb2222", revises = "aaaa1111", message = "Add notes")
                        public class M0002_AddNotes implements JavaRevision {
                            @Override
                            public void upgrade(Operations op) {
                                op.addColumn("accounts", Column.of("notes", Type.TEXT));
                            }

                            @Override
                            public void downgrade(Operations op) {
                                op.dropColumn("accounts", "notes");
                            }
                        }
                        """.formatted(IMPORTS),
                // Neither is a revision to create: abstract, and not annotated.
                "com.example.db.migrations.support.Base", """
                        package com.example.db.migrations.support;
                        %s
                        @Revision(id = "0000ffff")
                        public abstract class Base implements JavaRevision {
                        }
                        """.formatted(IMPORTS),
                // Not a revision either: an inner class cannot be created on its own.
                "com.example.db.migrations.support.Outer", """
                        package com.example.db.migrations.support;
                        %s
                        public class Outer {
                            @Revision(id = "0000eeee")
                            public class Inner implements JavaRevision {
                                @Override
                                public void upgrade(Operations op) {
                                }
                            }
                        }
                        """.formatted(IMPORTS),
                "com.example.db.migrations.support.Helper", """
                        package com.example.db.migrations.support;
                        public class Helper {
                        }
                        """,
                "com.example.db.reads.M0004_Backfill", """
                        package com.example.db.reads;
                        %s
                        @Revision(id = "dddd4444", revises = "cccc3333", message = "Backfill notes", version = "1")
                        public class M0004_Backfill implements JavaRevision {
                            @Override
                            public void upgrade(Operations op) {
                                if (op.hasTable("accounts")) {
                                    op.execute("UPDATE accounts SET notes = 'none'");
                                }
                            }

                            @Override
                            public void downgrade(Operations op) {
                                op.execute("UPDATE accounts SET notes = NULL");
                            }
                        }
                        """.formatted(IMPORTS),
                "com.example.bad.ctor.NeedsBeans", """
                        package com.example.bad.ctor;
                        %s
                        @Revision(id = "eeee5555", revises = "cccc3333")
                        public class NeedsBeans implements JavaRevision {
                            public NeedsBeans(javax.sql.DataSource dataSource) {
                            }

                            @Override
                            public void upgrade(Operations op) {
                            }
                        }
                        """.formatted(IMPORTS),
                "com.example.bad.plain.NotARevision", """
                        package com.example.bad.plain;
                        @io.samokoder.migrations.java.Revision(id = "eeee6666")
                        public class NotARevision {
                        }
                        """));
        jar = JavaClasses.jar(classes, build.resolve("app.jar"));
    }

    @BeforeEach
    void setUp() throws IOException {
        this.db = TestPostgres.createDatabase("clijava");
        this.scripts = Files.createDirectories(this.temp.resolve("scripts"));
        Fixture.script(this.scripts, "001_accounts.sql", "Create accounts", "aaaa1111", "", "",
                "CREATE TABLE accounts (id int PRIMARY KEY);", "DROP TABLE accounts;");
        Fixture.script(this.scripts, "003_reports.sql", "Reports", "cccc3333", "bbbb2222", "",
                "CREATE TABLE reports (id int);", "DROP TABLE reports;");
        this.cli = Cli.at(this.scripts).database(this.db);
    }

    @AfterEach
    void tearDown() {
        this.db.close();
    }

    private Cli.Result ok(Cli cli, String... args) {
        Cli.Result result = cli.run(args);
        assertEquals(0, result.status(), result::toString);
        return result;
    }

    private Cli.Result failed(Cli cli, String... args) {
        Cli.Result result = cli.run(args);
        assertEquals(255, result.status(), result::toString);
        assertTrue(result.err().startsWith("FAILED: "), result::toString);
        return result;
    }

    private Cli withClasses(String packages) {
        return this.cli.with("--java-packages", packages, "--classpath", classes.toString());
    }

    @Test
    void theMapCommandsSeeSqlAndJavaRevisionsInOneGraph() {
        Cli cli = withClasses("com.example.db.migrations");
        assertEquals(List.of(
                "bbbb2222 -> cccc3333 (head), Reports",
                "aaaa1111 -> bbbb2222, Add notes",
                "<base> -> aaaa1111, Create accounts"), ok(cli, "history").lines());
        assertEquals(List.of("cccc3333 (head)"), ok(cli, "heads").lines());
        List<String> show = ok(cli, "show", "bbbb2222").lines();
        assertEquals("Rev: bbbb2222", show.get(0));
        assertTrue(show.contains("Parent: aaaa1111"), show::toString);
        assertTrue(show.contains("Path: java:com.example.db.migrations.M0002_AddNotes"), show::toString);
        assertEquals(List.of(), ok(cli, "branches").lines());
    }

    @Test
    void upgradeRunsBothKindsAndTheOfflineScriptHoldsTheJavaRevisionsStatements() throws SQLException {
        Cli cli = withClasses("com.example.db.migrations");
        String sql = ok(cli, "upgrade", "--sql", "base:heads").out();
        int accounts = sql.indexOf("CREATE TABLE accounts (id int PRIMARY KEY);");
        int notes = sql.indexOf("-- Running upgrade aaaa1111 -> bbbb2222\n\nALTER TABLE accounts ADD COLUMN notes TEXT;");
        int reports = sql.indexOf("CREATE TABLE reports (id int);");
        assertTrue(accounts >= 0 && notes > accounts && reports > notes, sql);
        assertEquals(List.of(), tables(), "--sql connects to nothing");

        Cli.Result upgrade = ok(cli, "upgrade", "heads");
        assertEquals(List.of(
                "Running upgrade  -> aaaa1111, Create accounts",
                "Running upgrade aaaa1111 -> bbbb2222, Add notes",
                "Running upgrade bbbb2222 -> cccc3333, Reports"), upgrade.err().lines().toList());
        assertEquals(List.of("id", "notes"), columns("accounts"));
        assertEquals(List.of("accounts", "alembic_version", "reports", "samokoder_migrations_log"), tables());
        assertEquals(List.of("cccc3333 (head)"), ok(cli, "current").lines());
        ok(cli, "check");

        ok(cli, "downgrade", "aaaa1111");
        assertEquals(List.of("id"), columns("accounts"));
        ok(cli, "stamp", "bbbb2222");
        assertEquals(List.of("bbbb2222"), ok(cli, "current").lines());
        Cli.Result check = failed(cli, "check");
        assertTrue(check.err().contains("cccc3333"), check::toString);
    }

    @Test
    void revisionAndMergeBuildOnAJavaRevision() throws IOException {
        Cli cli = withClasses("com.example.db.migrations");
        ok(cli, "revision", "-m", "more notes", "--head", "bbbb2222", "--splice", "--rev-id", "ffff1111");
        String text = Files.readString(this.scripts.resolve("ffff1111_more_notes.sql"));
        assertTrue(text.contains("Revises: bbbb2222\n"), text);
        assertEquals(List.of("cccc3333 (head)", "ffff1111 (head)"), ok(cli, "heads").lines());
        assertEquals("bbbb2222 (branchpoint)\n         -> cccc3333 (head)\n         -> ffff1111 (head)\n\n",
                ok(cli, "branches").out());
        ok(cli, "merge", "heads", "-m", "join", "--rev-id", "ffff2222");
        String merge = Files.readString(this.scripts.resolve("ffff2222_join.sql"));
        assertTrue(merge.contains("Revises: cccc3333, ffff1111\n"), merge);
    }

    @Test
    void theConfigurationFileNamesThePackagesWithSubPackagesAndTheOptionReplacesThem() throws IOException {
        Path file = this.temp.resolve("application.properties");
        Files.writeString(file, "samokoder.migrations.java-packages=com.example.db\n");
        Cli cli = this.cli.with("--config", file.toString(), "--classpath", jar.toString());
        assertEquals(List.of("dddd4444 (head)"), ok(cli, "heads").lines());
        Cli.Result offline = failed(cli, "upgrade", "--sql", "base:heads");
        assertTrue(offline.err().contains("java:com.example.db.reads.M0004_Backfill reads the database while it runs,"
                + " so it has no statements before it runs and cannot be written to an offline (--sql) script"),
                offline::toString);
        Cli.Result upgrade = ok(cli, "upgrade", "heads");
        assertTrue(upgrade.err().contains("Running upgrade cccc3333 -> dddd4444, Backfill notes"), upgrade::toString);
        assertEquals(List.of("cccc3333 (head)"), ok(cli.with("--java-packages", "com.example.db.migrations"),
                "heads").lines());
    }

    @Test
    void classesOfTheCommandsOwnClassPathAreFoundWithoutClasspath() throws SQLException {
        Cli cli = Cli.at(this.temp.resolve("root")).database(this.db).option("--java-packages",
                "io.samokoder.migrations.cli.javafixture");
        Fixture.write(this.temp.resolve("root"));
        assertTrue(ok(cli, "history").out().contains("aaaa1111 -> abcd0002 (head), Audit table\n"));
        ok(cli, "upgrade", "abcd0002");
        assertTrue(tables().contains("audit"));
    }

    @Test
    void annotatedClassesThatCannotBeCreatedAreLeftOutWithAWarningAsInTheStarter() {
        PrintStream saved = System.err;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
        try {
            assertEquals(List.of("cccc3333 (head)"), ok(withClasses("com.example.db.migrations"), "heads").lines());
        } finally {
            System.setErr(saved);
        }
        String log = logged.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("Class com.example.db.migrations.support.Base in package com.example.db.migrations"
                + " (samokoder.migrations.java-packages) is annotated @Revision but is abstract, so it is left out of"
                + " the Java revisions; make it a concrete class, or remove the annotation"), log);
        assertTrue(log.contains("Class com.example.db.migrations.support.Outer$Inner in package"
                + " com.example.db.migrations (samokoder.migrations.java-packages) is annotated @Revision but is an"
                + " inner class (not static), which cannot be created on its own, so it is left out of the Java"
                + " revisions; make it a static nested or top-level class, or remove the annotation"), log);
    }

    @Test
    void aRevisionWhoseConstructorTakesBeansSaysToUseTheCommandMode() {
        Cli.Result result = failed(withClasses("com.example.bad.ctor"), "heads");
        assertEquals("FAILED: Java revision com.example.bad.ctor.NeedsBeans: its constructor takes"
                + " (javax.sql.DataSource), but the standalone samokoder command and the Maven plugin create Java"
                + " revisions with a constructor without arguments. Give it one, or, where the revision needs Spring"
                + " beans, run the command in the packaged application's command mode, where Spring injects them:"
                + " java -jar app.jar --samokoder.migrations.command=\"upgrade heads\"\n", result.err());
    }

    @Test
    void badPackagesAndClassPathsAreNamed() {
        assertEquals("FAILED: Class com.example.bad.plain.NotARevision in package com.example.bad.plain (samokoder"
                + ".migrations.java-packages) is annotated @Revision but does not implement io.samokoder.migrations.java.JavaRevision;"
                + " implement it, or remove the annotation\n", failed(withClasses("com.example.bad.plain"), "history").err());
        assertEquals("FAILED: samokoder.migrations.java-packages contains an empty entry; remove it or name a package,"
                + " e.g. com.example.db.migrations\n", failed(withClasses("com.example.db.migrations,,x"), "heads").err());
        assertTrue(failed(withClasses("com/example/db"), "heads").err().startsWith("FAILED: samokoder.migrations"
                + ".java-packages: 'com/example/db' is not a Java package name"));

        Cli.Result missing = this.cli.run("heads", "--java-packages", "com.example.db", "--classpath",
                classes + File.pathSeparator + this.temp.resolve("nope"));
        assertEquals(2, missing.status(), missing::toString);
        assertTrue(missing.err().startsWith("--classpath entry " + this.temp.resolve("nope") + " does not exist; give"
                + " the directories of the application's classes and its jar files, separated by '"
                + File.pathSeparator + "'\n"), missing::toString);
    }

    @Test
    void aPackageWithoutRevisionsAddsNoneAsInTheStarter() {
        Cli cli = Cli.at(this.temp.resolve("root")).database(this.db).option("--java-packages", "com.example.nothing",
                "--classpath", classes.toString());
        Fixture.write(this.temp.resolve("root"));
        assertEquals(List.of("eeee5555 (reporting) (head)"), ok(cli, "heads").lines());
    }

    @Test
    void squashWritesJavaRevisionsAsTheirStatementsAndNamesTheClassesToDelete() throws SQLException, IOException {
        Cli cli = withClasses("com.example.db.migrations");
        Cli.Result squash = ok(cli, "squash", "cccc3333");
        assertEquals("Generating " + this.scripts.resolve("003_reports.sql") + " ...  done\n"
                + "Removing " + this.scripts.resolve("001_accounts.sql") + " ...  done\n", squash.out());
        assertEquals("Squashing 3 revisions into cccc3333\nJava revisions written as the SQL their operations render"
                + " for postgresql; delete their classes: java:com.example.db.migrations.M0002_AddNotes\n",
                squash.err());
        assertTrue(Files.readString(this.scripts.resolve("003_reports.sql")).contains("-- bbbb2222: Add notes\n"
                + "ALTER TABLE accounts ADD COLUMN notes TEXT;\n"));
        // With the class deleted (here: not on the class path), the squash is the whole history.
        ok(this.cli, "upgrade", "heads");
        assertEquals(List.of("id", "notes"), columns("accounts"));
        assertEquals(List.of("<base> -> cccc3333 (head), Squash of 3 revisions"), ok(this.cli, "history").lines());
    }

    @Test
    void aSquashUpToAJavaRevisionIsWrittenBesideTheSquashedScripts() throws IOException {
        Cli cli = withClasses("com.example.db.migrations");
        Cli.Result squash = ok(cli, "squash", "bbbb2222", "-m", "Accounts with notes");
        Path written = this.scripts.resolve("bbbb2222_add_notes.sql");
        assertTrue(squash.out().startsWith("Generating " + written + " ...  done\nRemoving "
                + this.scripts.resolve("001_accounts.sql") + " ...  done\n"), squash.toString() + "\n" + written);
        assertEquals(List.of("bbbb2222 -> cccc3333 (head), Reports", "<base> -> bbbb2222, Accounts with notes"),
                ok(this.cli, "history").lines());
    }

    private List<String> columns(String table) throws SQLException {
        return query("SELECT column_name FROM information_schema.columns WHERE table_name = '" + table
                + "' ORDER BY column_name");
    }

    private List<String> tables() throws SQLException {
        return query("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                + " ORDER BY table_name");
    }

    private List<String> query(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = this.db.connect(); ResultSet rows = connection.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
