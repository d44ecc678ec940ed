package io.samokoder.migrations.script;

import java.io.IOException;
import java.io.InputStream;

/**
 * A revision script file, wherever it lives: a directory, a jar, or a resource that a framework
 * such as Spring resolved.
 */
public interface ScriptResource {

    /** The file name, e.g. {@code 3f2a9c1b7d4e_add_users.sql}; files sort by it within a location. */
    String fileName();

    /** Where the file is, for messages, e.g. {@code classpath:db/migrations/3f2a9c1b7d4e_add_users.sql}. */
    String description();

    /** Opens the file's bytes. */
    InputStream open() throws IOException;

    /**
     * A short token, got without reading the content, that changes whenever the content does: for a
     * file {@link ScriptLocations#fileStamp}, for a jar entry its size and CRC-32. When every script
     * of a configuration has one, a no-op start can skip reading them (see
     * {@code MigrationsConfig.fastStart()}). The default, {@code null}, means there is none.
     */
    default String stamp() {
        return null;
    }
}
