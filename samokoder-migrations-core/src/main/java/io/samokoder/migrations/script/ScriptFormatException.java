package io.samokoder.migrations.script;

import io.samokoder.migrations.MigrationException;

/**
 * A revision script that cannot be read: a bad header, a missing or repeated marker, or SQL that
 * cannot be split (an unterminated string, comment or dollar quote). The message has the form
 * {@code "<file>:<line>: <problem and how to fix it>"}.
 */
public class ScriptFormatException extends MigrationException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;

    /**
     * Creates an exception for a problem at a line of a script.
     *
     * @param file the script's description, e.g. {@code classpath:db/migrations/a1_init.sql}
     * @param line the 1-based line of the file at fault
     * @param problem what is wrong and how to fix it
     */
    public ScriptFormatException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    /** The script's description, as given by {@link ScriptResource#description()}. */
    public String file() {
        return this.file;
    }

    /** The 1-based line of the file at fault. */
    public int line() {
        return this.line;
    }
}
