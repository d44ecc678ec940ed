package io.samokoder.migrations.autoconfigure;

import io.samokoder.migrations.MigrationResult;
import io.samokoder.migrations.Migrations;
import org.jspecify.annotations.Nullable;

/**
 * Replaces what happens at start-up. Define a bean of this type to, for example, only validate, or
 * stamp a database that was created by other means. The start-up report (endpoint, health, metrics)
 * is still captured afterwards.
 */
@FunctionalInterface
public interface MigrationsStrategy {

    /**
     * Runs at start-up, before the application takes traffic. An exception stops start-up.
     *
     * @param migrations the configured engine
     * @return the run it made, or {@code null} when it changed nothing
     */
    @Nullable MigrationResult migrate(Migrations migrations);
}
