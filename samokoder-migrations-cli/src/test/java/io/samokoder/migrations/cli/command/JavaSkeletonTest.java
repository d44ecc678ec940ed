package io.samokoder.migrations.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Where {@code revision --java} writes, and which package it declares. */
class JavaSkeletonTest {

    @Test
    void withoutAVersionPathThePackageIsADirectoryUnderSrcMainJava() {
        assertEquals(Path.of("src/main/java/org/acme/migrations"), JavaSkeleton.directory("org.acme.migrations", null));
        assertEquals(Path.of("given"), JavaSkeleton.directory(null, Path.of("given")));
    }

    @Test
    void thePackageIsReadBelowTheNearestJavaDirectory() {
        assertEquals("com.example.db", JavaSkeleton.packageOf(null, Path.of("/w/app/src/main/java/com/example/db")));
        assertEquals("given.pkg", JavaSkeleton.packageOf("given.pkg", Path.of("/anywhere")));
        assertEquals("'class.x' is not a Java package name; give one such as com.example.db.migrations",
                assertThrows(CommandFailedException.class, () -> JavaSkeleton.directory("class.x", null)).getMessage());
        assertEquals("revision --java needs the Java revision's package: give --package com.example.db.migrations"
                + " (written under src/main/java), or --version-path DIR inside a Java source directory",
                assertThrows(CommandFailedException.class, () -> JavaSkeleton.directory(null, null)).getMessage());
    }
}
