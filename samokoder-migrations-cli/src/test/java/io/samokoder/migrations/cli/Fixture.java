package io.samokoder.migrations.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small branched map: a -> b; b -> c (label reporting); b -> d (depends on c); merge e of c and d.
 *
 * <pre>
 * aaaa1111 -> bbbb2222 -> cccc3333 (reporting) --> eeee5555 (merge)
 *                      \-> dddd4444 (dep cccc3333) -/
 * </pre>
 */
final class Fixture {

    private Fixture() {
    }

    static Path write(Path dir) {
        try {
            Files.createDirectories(dir);
            script(dir, "001_a.sql", "Create accounts", "aaaa1111", "", "",
                    "CREATE TABLE accounts (id int PRIMARY KEY);", "DROP TABLE accounts;");
            script(dir, "002_b.sql", "Add name", "bbbb2222", "aaaa1111", "",
                    "ALTER TABLE accounts ADD COLUMN name text;", "ALTER TABLE accounts DROP COLUMN name;");
            script(dir, "003_c.sql", "Reporting branch", "cccc3333", "bbbb2222", "-- Branch Labels: reporting\n",
                    "CREATE TABLE reports (id int);", "DROP TABLE reports;");
            script(dir, "004_d.sql", "Add email", "dddd4444", "bbbb2222", "-- Depends On: cccc3333\n",
                    "ALTER TABLE accounts ADD COLUMN email text;", "ALTER TABLE accounts DROP COLUMN email;");
            script(dir, "005_e.sql", "Merge reporting and email", "eeee5555", "cccc3333, dddd4444", "", "", "");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void script(Path dir, String file, String message, String id, String revises, String extra,
            String upgrade, String downgrade) throws IOException {
        Files.writeString(dir.resolve(file), "-- " + message + "\n--\n-- Revision ID: " + id + "\n-- Revises: "
                + revises + "\n" + extra + "\n-- migrate:upgrade\n" + upgrade + "\n\n-- migrate:downgrade\n"
                + downgrade + "\n");
    }
}
