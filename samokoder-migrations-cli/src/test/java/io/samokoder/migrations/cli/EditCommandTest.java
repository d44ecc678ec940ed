package io.samokoder.migrations.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code edit}: the editor found as Alembic finds it ({@code EDITOR}, {@code VISUAL}, then the usual ones on the
 * {@code PATH}), each file the spec names opened in turn, and Alembic's failures; a stand-in editor records what it
 * was asked to open.
 */
class EditCommandTest {

    @TempDir
    Path temp;

    Path scripts;
    Path opened;
    Path bin;

    @BeforeEach
    void setUp() throws IOException {
        this.scripts = Files.createDirectories(this.temp.resolve("scripts"));
        Fixture.script(this.scripts, "001_a.sql", "Create accounts", "aaaa1111", "", "", "SELECT 1;", "SELECT 1;");
        Fixture.script(this.scripts, "002_b.sql", "Index", "bbbb2222", "aaaa1111", "", "SELECT 2;", "SELECT 2;");
        Fixture.script(this.scripts, "003_c.sql", "Branch", "cccc3333", "aaaa1111", "", "SELECT 3;", "SELECT 3;");
        this.opened = this.temp.resolve("opened.txt");
        this.bin = Files.createDirectories(this.temp.resolve("bin"));
    }

    /** A stand-in editor that appends its name and arguments to {@link #opened} and exits with the status. */
    private Path editor(String name, int status) throws IOException {
        Path file = this.bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\necho \"" + name + " $*\" >> '" + this.opened + "'\nexit " + status + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private List<String> opened() throws IOException {
        return Files.exists(this.opened) ? Files.readAllLines(this.opened) : List.of();
    }

    @Test
    void editorFromEditorOpensEachFileTheSpecNames() throws IOException {
        Path editor = editor("my-editor", 0);
        Cli cli = Cli.at(this.scripts).environment(Map.of("EDITOR", editor.toString(), "PATH", ""));
        Cli.Result one = cli.run("edit", "bbbb");
        assertEquals(0, one.status(), one::toString);
        assertEquals("", one.out());
        Cli.Result heads = cli.run("edit", "heads");
        assertEquals(0, heads.status(), heads::toString);
        assertEquals(List.of("my-editor " + this.scripts.resolve("002_b.sql"),
                "my-editor " + this.scripts.resolve("002_b.sql"),
                "my-editor " + this.scripts.resolve("003_c.sql")), opened());
    }

    @Test
    void aNameIsLookedUpOnThePathAndArgumentsAreKept() throws IOException {
        editor("other-editor", 0);
        Map<String, String> environment = Map.of("VISUAL", "other-editor --wait", "PATH", this.bin.toString());
        assertEquals(0, Cli.at(this.scripts).environment(environment).run("edit", "aaaa1111").status());
        // Without EDITOR or VISUAL, the usual editors in Alembic's order.
        editor("nano", 0);
        editor("vim", 0);
        assertEquals(0, Cli.at(this.scripts).environment(Map.of("PATH", this.bin.toString())).run("edit", "cccc")
                .status());
        assertEquals(List.of("other-editor --wait " + this.scripts.resolve("001_a.sql"),
                "nano " + this.scripts.resolve("003_c.sql")), opened());
    }

    @Test
    void failuresSayWhatIsMissing() throws IOException {
        Cli none = Cli.at(this.scripts).environment(Map.of("PATH", this.bin.toString()));
        assertEquals("FAILED: No suitable editor found. Please set the \"EDITOR\" or \"VISUAL\" environment"
                + " variables\n", none.run("edit", "aaaa").err());
        Cli cli = Cli.at(this.scripts).environment(Map.of("EDITOR", editor("fails", 3).toString()));
        assertEquals("FAILED: The editor " + this.bin.resolve("fails") + " exited with status 3 on "
                + this.scripts.resolve("001_a.sql") + "\n", cli.run("edit", "aaaa").err());
        assertEquals("FAILED: No revision files indicated by symbol 'base'\n", cli.run("edit", "base").err());
        assertEquals("FAILED: Can't locate revision identified by 'zzzz'\n", cli.run("edit", "zzzz").err());
        try (TestDatabase db = TestPostgres.createDatabase("edit")) {
            Cli.Result current = cli.database(db).run("edit", "current");
            assertEquals(255, current.status(), current::toString);
            assertEquals("FAILED: No current revisions\n", current.err());
        }
        assertEquals(List.of("fails " + this.scripts.resolve("001_a.sql")), opened());
    }

    @Test
    void aJavaRevisionOpensItsSourceInTheModuleOfTheScripts() throws IOException {
        Path module = this.temp.resolve("shop");
        Path scriptDir = Files.createDirectories(module.resolve("src/main/resources/db/migrations"));
        Fixture.script(scriptDir, "001_a.sql", "Create accounts", "aaaa1111", "", "", "SELECT 1;", "SELECT 1;");
        String source = """
                package com.example.edit;
                import io.samokoder.migrations.java.*;
                import io.samokoder.migrations.ops.*;
                @Revision(id = "bbbb2222", revises = "aaaa1111", message = "Add notes")
                public class M0002_AddNotes implements JavaRevision {
                    @Override
                    public void upgrade(Operations op) {
                        op.addColumn("accounts", Column.of("notes", Type.TEXT));
                    }
                }
                """;
        Path classes = JavaClasses.compile(this.temp.resolve("build"), Map.of("com.example.edit.M0002_AddNotes",
                source));
        Path java = module.resolve("src/main/java/com/example/edit/M0002_AddNotes.java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, source);
        Cli cli = Cli.at(scriptDir).option("--java-packages", "com.example.edit", "--classpath", classes.toString())
                .environment(Map.of("EDITOR", editor("ed", 0).toString()));
        Cli.Result edit = cli.run("edit", "bbbb");
        assertEquals(0, edit.status(), edit::toString);
        assertEquals(List.of("ed " + java), opened());
    }

    @Test
    void theApplicationsCommandModeHasNoTerminalToEditIn() {
        Migrations app = new Migrations(MigrationsConfig.builder().locations("filesystem:" + this.scripts).build());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CommandMode.run(app, "edit heads", new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(255, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("FAILED: 'edit' opens script files in an editor,"
                + " which the application's command mode has no terminal for"), err::toString);
    }
}
