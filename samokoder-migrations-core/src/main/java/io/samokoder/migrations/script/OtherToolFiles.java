package io.samokoder.migrations.script;

import java.util.Locale;

/**
 * Files that another tool wrote (a Flyway migration, a Liquibase formatted-SQL changelog), told apart on the error
 * path of a script without a header, so that its error says where to read how to bring them over.
 */
final class OtherToolFiles {

    private OtherToolFiles() {
    }

    /** For another tool's file, the hint to append to its error; else the empty string. */
    static String hint(String file, String text) {
        String name = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf(':')) + 1);
        if (name.matches("R__.+\\.sql")) {
            return " (its name is a Flyway repeatable migration's: move it, as it is, to a location of repeatable"
                    + " scripts, by default db/repeatable beside db/migrations; README, 'Repeatable scripts')";
        }
        String tool = name.matches("[VU]\\d[0-9._]*__.+\\.sql") ? "its name is a Flyway migration's"
                : text.stripLeading().toLowerCase(Locale.ROOT).matches("(?s)^--\\s*liquibase formatted sql.*")
                        ? "it is a Liquibase formatted-SQL changelog" : null;
        return tool == null ? "" : " (" + tool + ": a revision carries its own id and parent in this header;"
                + " README's 'Coming from Alembic, Flyway or Liquibase' tells how to start from a baseline revision"
                + " of the schema as it is and stamp it where the schema exists)";
    }
}
