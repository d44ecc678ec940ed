package io.samokoder.migrations.script;

import io.samokoder.migrations.MigrationException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A script location that cannot be listed: a {@code filesystem:} directory that does not exist, an
 * unknown prefix, or a class path entry that cannot be read; or one that holds what would be passed over
 * without a word: a script named {@code *.SQL}, Alembic's Python revisions alone.
 */
public class ScriptLocationException extends MigrationException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception with a readable message that names the location. */
    public ScriptLocationException(String message) {
        super(message);
    }

    /** Creates an exception with a readable message that names the location, and its cause. */
    public ScriptLocationException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * A location that holds Python files and no scripts: Alembic's script directory or its {@code versions}
     * folder, pointed at as it is. Its revisions would be passed over and a run would find nothing to do.
     */
    static ScriptLocationException alembicDirectory(String location, Path dir, String python) {
        boolean root = Files.isRegularFile(dir.resolve("env.py")) && Files.isDirectory(dir.resolve("versions"));
        return new ScriptLocationException("Script location '" + location + "' holds "
                + (root ? "Alembic's script directory (env.py; its revisions are in versions/)"
                        : "Python files (" + python + ")")
                + " and no revision scripts (*.sql): Samokoder Migrations runs SQL scripts and Java revisions, not"
                + " Alembic's Python ones. Port each revision to a script that keeps its Revision ID and down_revision"
                + " (README, 'Coming from Alembic, Flyway or Liquibase'), or point the location at the scripts.");
    }

    /** A script named {@code *.SQL} (or another case): meant as one, and passed over. */
    static ScriptLocationException misnamed(String location, String name) {
        return new ScriptLocationException("Script location '" + location + "' has " + name + ", whose extension is"
                + " not '.sql' in lower case, so it would be passed over; rename it to "
                + name.substring(0, name.length() - 4) + ".sql");
    }
}
