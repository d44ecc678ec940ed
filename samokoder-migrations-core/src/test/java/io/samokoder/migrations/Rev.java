package io.samokoder.migrations;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Builds revision script files for the runtime tests. */
final class Rev {

    private final String id;
    private String revises = "";
    private String message;
    private final List<String> headers = new ArrayList<>();
    private String upgrade = "";
    private String downgrade = "";
    private boolean reversible = true;

    private Rev(String id) {
        this.id = id;
        this.message = "Revision " + id;
    }

    static Rev of(String id, String revises) {
        Rev r = new Rev(id);
        r.revises = revises;
        return r;
    }

    String id() {
        return this.id;
    }

    Rev message(String message) {
        this.message = message;
        return this;
    }

    Rev header(String key, String value) {
        this.headers.add(key + ": " + value);
        return this;
    }

    Rev labels(String labels) {
        return header("Branch Labels", labels);
    }

    Rev dependsOn(String deps) {
        return header("Depends On", deps);
    }

    Rev nonTransactional() {
        return header("Transactional", "false");
    }

    Rev up(String sql) {
        this.upgrade = sql;
        return this;
    }

    Rev down(String sql) {
        this.downgrade = sql;
        return this;
    }

    Rev irreversible() {
        this.reversible = false;
        return this;
    }

    String text() {
        StringBuilder out = new StringBuilder();
        out.append("-- ").append(this.message).append("\n--\n");
        out.append("-- Revision ID: ").append(this.id).append('\n');
        out.append("-- Revises: ").append(this.revises).append('\n');
        out.append("-- Create Date: 2026-11-29 04:00:00\n");
        for (String h : this.headers) {
            out.append("-- ").append(h).append('\n');
        }
        out.append("\n-- migrate:upgrade\n").append(this.upgrade).append('\n');
        if (this.reversible) {
            out.append("\n-- migrate:downgrade\n").append(this.downgrade).append('\n');
        }
        return out.toString();
    }

    /** Writes {@code <id>.sql} into the directory. */
    Path writeTo(Path dir) {
        return write(dir, this.id + ".sql", text());
    }

    static Path write(Path dir, String name, String text) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes all revisions into the directory. */
    static Path writeAll(Path dir, Rev... revs) {
        for (Rev r : revs) {
            r.writeTo(dir);
        }
        return dir;
    }

    /** Writes the revisions into {@code db/migrations/} of a new jar, as a packaged application ships them. */
    static Path writeJar(Path jar, Rev... revs) {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("db/"));
            out.closeEntry();
            out.putNextEntry(new JarEntry("db/migrations/"));
            out.closeEntry();
            for (Rev rev : revs) {
                out.putNextEntry(new JarEntry("db/migrations/" + rev.id() + ".sql"));
                out.write(rev.text().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }
}
