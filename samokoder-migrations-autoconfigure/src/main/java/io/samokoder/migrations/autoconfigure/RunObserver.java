package io.samokoder.migrations.autoconfigure;

import io.samokoder.migrations.MigrationResult;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Wraps the start-up run, e.g. in a Micrometer Observation. */
@FunctionalInterface
interface RunObserver {

    /** Observes nothing. */
    RunObserver NONE = (mode, target, run) -> run.get();

    @Nullable MigrationResult observe(MigrationsProperties.Mode mode, String target,
            Supplier<@Nullable MigrationResult> run);
}
