package io.samokoder.migrations.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntFunction;

/**
 * Writes the same N migrations in each tool's native format. Migration i (1-based) creates table
 * {@code t_i} with an index and inserts one row; every tool reads its files from a directory.
 */
final class Workload {

    private Workload() {
    }

    /** The revision id of migration i in our format: 12 hex digits, like Alembic's. */
    static String revisionId(int i) {
        return String.format("%012x", 0xa0000000000L + i);
    }

    /**
     * Waits until the directory's files are a few seconds old, as the files of a deployed build are:
     * samokoder does not trust the stamps of files changed within the last two seconds, so without
     * this its first no-op starts after generating the files would all take the full path.
     */
    static void settle(Path dir) throws InterruptedException {
        long age = System.currentTimeMillis() - dir.toFile().lastModified();
        if (age < 2500) {
            Thread.sleep(2500 - age);
        }
    }

    /**
     * Writes out what the file system still holds in memory ({@code sync}, where there is one), so that
     * the writing of freshly generated migrations, or of dropped databases' files, does not overlap a
     * measurement.
     */
    static void flush() throws InterruptedException {
        try {
            new ProcessBuilder("sync").inheritIO().start().waitFor();
        } catch (IOException e) {
            System.err.println("[bench] no sync before the measurements (" + e.getMessage() + ")");
        }
    }

    /** The directory with the N migrations of a tool, written on first use under {@code root}. */
    static Path directory(Path root, Db db, Tool tool, int n) {
        return write(root, db, tool, n, "", "");
    }

    /**
     * The directory with the N migrations of a tool whose last one runs {@code first} before its own
     * statements (part H's sleeping migration), written on first use under {@code root}; {@code name} tells it
     * apart from the plain one.
     */
    static Path directoryWithLastBeginning(Path root, Db db, Tool tool, int n, String name, String first) {
        return write(root, db, tool, n, "-" + name, first);
    }

    private static Path write(Path root, Db db, Tool tool, int n, String variant, String first) {
        Path dir = root.resolve(db.key() + "-" + tool.key() + "-" + n + variant);
        if (Files.isDirectory(dir)) {
            return dir;
        }
        IntFunction<String> sql = i -> i == n ? first + db.sql(i) : db.sql(i);
        try {
            Path tmp = Files.createDirectories(root.resolve(dir.getFileName() + ".tmp"));
            switch (tool) {
                case RAW -> writeRaw(tmp, sql, n);
                case OURS, OURS_FULL -> writeOurs(tmp, sql, n);
                case OURS_JAVA -> {
                    if (!first.isEmpty()) {
                        throw new IllegalArgumentException("Java revisions have no SQL to put first");
                    }
                    JavaRevisionWorkload.write(tmp, n);
                }
                case FLYWAY -> writeFlyway(tmp, sql, n);
                case LIQUIBASE -> writeLiquibase(tmp, sql, n);
                default -> throw new IllegalStateException(tool.name());
            }
            Files.move(tmp, dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the migrations of " + tool.key() + " under " + root, e);
        }
    }

    private static String pad(int i) {
        return String.format("%06d", i);
    }

    private static void writeRaw(Path dir, IntFunction<String> sql, int n) throws IOException {
        for (int i = 1; i <= n; i++) {
            Files.writeString(dir.resolve(pad(i) + ".sql"), sql.apply(i), StandardCharsets.UTF_8);
        }
    }

    private static void writeOurs(Path dir, IntFunction<String> sql, int n) throws IOException {
        for (int i = 1; i <= n; i++) {
            String header = "-- create t_" + i + "\n"
                    + "--\n"
                    + "-- Revision ID: " + revisionId(i) + "\n"
                    + "-- Revises: " + (i == 1 ? "" : revisionId(i - 1)) + "\n"
                    + "-- Create Date: 2026-11-29 00:00:00\n"
                    + "\n"
                    + "-- migrate:upgrade\n";
            String down = "\n-- migrate:downgrade\nDROP TABLE t_" + i + ";\n";
            Files.writeString(dir.resolve(pad(i) + "_" + revisionId(i) + ".sql"), header + sql.apply(i) + down,
                    StandardCharsets.UTF_8);
        }
    }

    private static void writeFlyway(Path dir, IntFunction<String> sql, int n) throws IOException {
        for (int i = 1; i <= n; i++) {
            Files.writeString(dir.resolve("V" + i + "__create_t_" + i + ".sql"), sql.apply(i), StandardCharsets.UTF_8);
        }
    }

    /** Liquibase formatted SQL, one changeset per file, listed in order by a master XML changelog. */
    private static void writeLiquibase(Path dir, IntFunction<String> sql, int n) throws IOException {
        Path changes = Files.createDirectories(dir.resolve("changes"));
        try (Writer master = Files.newBufferedWriter(dir.resolve("changelog.xml"), StandardCharsets.UTF_8)) {
            master.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"\n"
                    + "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                    + "    xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog"
                    + " http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd\">\n");
            for (int i = 1; i <= n; i++) {
                String name = pad(i) + "_create_t_" + i + ".sql";
                Files.writeString(changes.resolve(name), "--liquibase formatted sql\n\n--changeset bench:" + i + "\n"
                        + sql.apply(i) + "--rollback DROP TABLE t_" + i + ";\n", StandardCharsets.UTF_8);
                master.write("  <include file=\"changes/" + name + "\" relativeToChangelogFile=\"true\"/>\n");
            }
            master.write("</databaseChangeLog>\n");
        }
    }
}
