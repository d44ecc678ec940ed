package io.samokoder.migrations.cli.command;

import java.util.List;

/**
 * What {@code revision --autogenerate} and {@code check} compare, from the configuration
 * ({@code samokoder.migrations.autogenerate.*}); a command's own options add to or override these.
 *
 * @param excludeTables         tables left alone, by name or pattern ({@code *}, {@code ?}), besides the engine's
 *                              own version and log tables
 * @param compareServerDefaults whether column defaults are compared
 * @param dropUnmappedTables    whether tables of the database that the model does not have are dropped (by
 *                              default they are left alone)
 */
public record AutogenerateSettings(List<String> excludeTables, boolean compareServerDefaults,
        boolean dropUnmappedTables) {

    /** No exclusions, defaults compared, unmapped tables left alone. */
    public static final AutogenerateSettings DEFAULTS = new AutogenerateSettings(List.of(), true, false);

    /** Copies the list. */
    public AutogenerateSettings {
        excludeTables = List.copyOf(excludeTables);
    }
}
