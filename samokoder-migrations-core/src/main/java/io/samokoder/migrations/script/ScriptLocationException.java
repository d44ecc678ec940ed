package io.samokoder.migrations.script;

import io.samokoder.migrations.MigrationException;

/**
 * A script location that cannot be listed: a {@code filesystem:} directory that does not exist, an
 * unknown prefix, or a class path entry that cannot be read.
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
}
