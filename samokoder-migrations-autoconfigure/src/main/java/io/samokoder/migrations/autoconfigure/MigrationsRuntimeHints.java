package io.samokoder.migrations.autoconfigure;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Includes the scripts of the default location in a native image; scripts elsewhere need hints of
 * the application's own.
 */
final class MigrationsRuntimeHints implements RuntimeHintsRegistrar {

    @Override
    public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
        hints.resources().registerPattern("db/migrations/*.sql");
    }
}
