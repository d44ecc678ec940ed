package io.samokoder.migrations.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.JavaRevisions;
import io.samokoder.migrations.ops.NamingConvention;
import io.samokoder.migrations.script.Phase;
import io.samokoder.migrations.script.RevisionScript;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code revision --java}: the Java revision skeleton compiles and declares what was asked. No database. */
class JavaRevisionCommandTest {

    @TempDir
    Path temp;

    Path dir;
    Cli cli;

    @BeforeEach
    void setUp() {
        this.dir = Fixture.write(this.temp.resolve("scripts"));
        this.cli = Cli.at(this.dir).option("--url", "jdbc:postgresql://127.0.0.1:1/nothing");
    }

    private static Path generated(Cli.Result result) {
        assertEquals(0, result.status(), result::toString);
        var matcher = Pattern.compile("Generating (.+) \\.\\.\\.  done\n").matcher(result.out());
        assertTrue(matcher.matches(), result::toString);
        return Path.of(matcher.group(1));
    }

    @Test
    void theSkeletonCompilesAndDeclaresTheRevision() throws Exception {
        Path sources = this.temp.resolve("app/src/main/java");
        Path packageDir = sources.resolve("com/example/db/migrations");
        Path file = generated(this.cli.run("revision", "--java", "-m", "Backfill \"display\" names",
                "--rev-id", "0a1b2c3d4e5f", "--branch-label", "people", "--depends-on", "dddd",
                "--version-path", packageDir.toString()));

        assertEquals(packageDir.resolve("R0a1b2c3d4e5f_backfill_display_names.java"), file);
        String text = Files.readString(file);
        assertTrue(text.startsWith("package com.example.db.migrations;\n"), text);
        assertTrue(text.contains("@Revision(id = \"0a1b2c3d4e5f\", revises = \"eeee5555\",\n"
                + "        branchLabels = \"people\",\n        dependsOn = \"dddd4444\",\n"
                + "        message = \"Backfill \\\"display\\\" names\", createDate = \""), text);

        RevisionScript script = JavaRevisions.load(compileAndCreate(file, sources,
                "com.example.db.migrations.R0a1b2c3d4e5f_backfill_display_names"), NamingConvention.DEFAULT);
        assertEquals("0a1b2c3d4e5f", script.id());
        assertEquals(List.of("eeee5555"), script.downRevisions());
        assertEquals(List.of("dddd4444"), script.dependsOn());
        assertEquals(List.of("people"), List.copyOf(script.branchLabels()));
        assertEquals("Backfill \"display\" names", script.message());
        assertTrue(script.reversible(), "the skeleton has a downgrade to fill in");
    }

    @Test
    void contractDeclaresTheContractPhase() throws Exception {
        Path sources = this.temp.resolve("app/src/main/java");
        Path file = generated(this.cli.run("revision", "--java", "--contract", "-m", "Drop login", "--rev-id",
                "c0ffee01", "--version-path", sources.resolve("com/example/db").toString()));
        String text = Files.readString(file);
        assertTrue(text.contains("\nimport io.samokoder.migrations.script.Phase;\n"), text);
        assertTrue(text.contains("        message = \"Drop login\", createDate = \""), text);
        assertTrue(text.contains("\",\n        phase = Phase.CONTRACT)\npublic class"), text);
        RevisionScript script = JavaRevisions.load(compileAndCreate(file, sources,
                "com.example.db.c0ffee01_drop_login"), NamingConvention.DEFAULT);
        assertEquals(Phase.CONTRACT, script.phase());
    }

    @Test
    void thePackageOptionNamesThePackageWhereverTheFileGoes() throws Exception {
        Path file = generated(this.cli.run("revision", "--java", "--package", "org.acme.migrations", "-m", "Root",
                "--head", "base", "--rev-id", "aa11", "--version-path", this.temp.resolve("out").toString()));
        assertEquals(this.temp.resolve("out/aa11_root.java"), file);
        String text = Files.readString(file);
        assertTrue(text.startsWith("package org.acme.migrations;\n"), text);
        assertTrue(text.contains("@Revision(id = \"aa11\",\n        message = \"Root\""), text);
    }

    @Test
    void withoutAPackageItSaysHowToGiveOne() {
        Cli.Result result = this.cli.run("revision", "--java", "-m", "x", "--version-path",
                this.temp.resolve("elsewhere").toString());
        assertEquals(255, result.status());
        assertTrue(result.err().contains("Cannot tell the Java package of " + this.temp.resolve("elsewhere")
                + ": it is not below a 'java' source directory; give --package com.example.db.migrations"),
                result::toString);
        Cli.Result noJava = this.cli.run("revision", "--package", "a.b", "-m", "x");
        assertEquals("FAILED: --package is for Java revisions: add --java\n", noJava.err());
    }

    private static JavaRevision compileAndCreate(Path file, Path sources, String className) throws Exception {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        Path classes = Files.createDirectories(sources.resolveSibling("classes"));
        String classpath = Path.of(JavaRevision.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = compiler.run(null, null, errors, "-d", classes.toString(), "-cp", classpath, file.toString());
        assertEquals(0, status, errors::toString);
        try (URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
                JavaRevision.class.getClassLoader())) {
            return (JavaRevision) loader.loadClass(className).getDeclaredConstructor().newInstance();
        }
    }
}
