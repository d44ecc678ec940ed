package io.samokoder.migrations.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Jars of revision scripts, stamped by their entries as a packaged application's are (not by file times). */
final class ScriptJars {

    private ScriptJars() {
    }

    /**
     * Writes a jar whose {@code location} (for example {@code db/jarred}) holds a chain of revisions, each creating a
     * table {@code t_<id>}.
     */
    static Path chain(Path jar, String location, String... ids) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(location + "/"));
            out.closeEntry();
            String previous = "";
            for (String id : ids) {
                out.putNextEntry(new JarEntry(location + "/" + id + ".sql"));
                out.write(("-- Table " + id + "\n-- Revision ID: " + id + "\n-- Revises:" + previous
                        + "\n\n-- migrate:upgrade\nCREATE TABLE t_" + id + " (id int);\n\n-- migrate:downgrade\n"
                        + "DROP TABLE t_" + id + ";\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
                previous = " " + id;
            }
        }
        return jar;
    }
}
