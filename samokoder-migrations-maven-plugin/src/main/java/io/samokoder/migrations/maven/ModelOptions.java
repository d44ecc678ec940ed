package io.samokoder.migrations.maven;

import io.samokoder.migrations.cli.command.AutogenerateSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * What a goal that compares the project's entities with the database was given: where the entities are and
 * what the comparison leaves out. Unset values ({@code null}) keep the configuration file's
 * ({@code samokoder.migrations.autogenerate.*}).
 *
 * @param entityPackages the entity packages; empty to find them in the project's {@code target/classes}
 * @param excludeTables tables left alone, by name or pattern, besides the configuration file's
 * @param compareServerDefaults whether column defaults are compared, or {@code null}
 * @param dropUnmappedTables whether tables of no entity are dropped, or {@code null}
 */
record ModelOptions(List<String> entityPackages, List<String> excludeTables, Boolean compareServerDefaults,
        Boolean dropUnmappedTables) {

    ModelOptions {
        entityPackages = List.copyOf(entityPackages);
        excludeTables = List.copyOf(excludeTables);
    }

    /** The configured settings with these options: exclusions added, flags replaced when set. */
    AutogenerateSettings applyTo(AutogenerateSettings configured) {
        List<String> exclusions = new ArrayList<>(configured.excludeTables());
        this.excludeTables.stream().filter(t -> !exclusions.contains(t)).forEach(exclusions::add);
        return new AutogenerateSettings(exclusions,
                this.compareServerDefaults == null ? configured.compareServerDefaults() : this.compareServerDefaults,
                this.dropUnmappedTables == null ? configured.dropUnmappedTables() : this.dropUnmappedTables);
    }
}
