package io.samokoder.migrations.autoconfigure;

import io.samokoder.migrations.MigrationsConfig;

/**
 * Adjusts the engine configuration after the properties are applied. Customizer beans run in
 * {@link org.springframework.core.annotation.Order @Order}.
 */
@FunctionalInterface
public interface MigrationsConfigCustomizer {

    /** Changes the configuration being built. */
    void customize(MigrationsConfig.Builder builder);
}
