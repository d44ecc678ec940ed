package io.samokoder.migrations.script;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Writes real script files and jars for the tests. */
final class ScriptFiles {

    private ScriptFiles() {
    }

    /** A minimal valid script for a revision. */
    static String script(String id, String revises) {
        return "-- Revision " + id + "\n-- Revision ID: " + id + "\n-- Revises: " + revises + "\n\n-- migrate:upgrade\n"
                + "SELECT '" + id + "';\n\n-- migrate:downgrade\nSELECT 'undo " + id + "';\n";
    }

    /** Writes a file (and its parent directories). */
    static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Writes a jar whose entries are the given paths and contents, with directory entries. */
    static Path jar(Path jarFile, Map<String, String> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(jarFile); JarOutputStream jar = new JarOutputStream(out)) {
            Set<String> directories = new LinkedHashSet<>();
            for (String name : entries.keySet()) {
                int slash = name.indexOf('/');
                while (slash > 0) {
                    directories.add(name.substring(0, slash + 1));
                    slash = name.indexOf('/', slash + 1);
                }
            }
            for (String directory : directories) {
                jar.putNextEntry(new JarEntry(directory));
                jar.closeEntry();
            }
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(entry.getKey()));
                jar.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return jarFile;
    }
}
