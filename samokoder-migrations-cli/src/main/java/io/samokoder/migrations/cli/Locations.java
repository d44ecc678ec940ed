package io.samokoder.migrations.cli;

import io.samokoder.migrations.script.ScriptLocations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@code --locations} option: comma-separated, in the engine's form. */
final class Locations {

    /** Where scripts are when nothing is configured. */
    static final String DEFAULT = "filesystem:src/main/resources/db/migrations";

    /** Where repeatable scripts are when nothing is configured, if that directory exists. */
    static final String DEFAULT_REPEATABLE = "filesystem:src/main/resources/db/repeatable";

    private Locations() {
    }

    /**
     * Splits and normalises: {@code file:} becomes {@code filesystem:}; a location without a prefix
     * is a directory ({@code filesystem:}), as the command line's users expect (also with {@code --classpath}).
     */
    static List<String> parse(String option) {
        List<String> result = new ArrayList<>();
        for (String part : option.split(",")) {
            String location = part.strip();
            if (location.isEmpty()) {
                continue;
            }
            if (location.startsWith("file:")) {
                location = ScriptLocations.FILESYSTEM_PREFIX + location.substring("file:".length());
            } else if (!location.startsWith(ScriptLocations.FILESYSTEM_PREFIX)
                    && !location.startsWith(ScriptLocations.CLASSPATH_PREFIX)) {
                location = ScriptLocations.FILESYSTEM_PREFIX + location;
            }
            result.add(location);
        }
        if (result.isEmpty()) {
            throw new CliUsageException("--locations is empty; give comma-separated locations such as "
                    + DEFAULT + ",classpath:db/migrations");
        }
        return result;
    }

    /** {@link #DEFAULT_REPEATABLE}, resolved against {@code baseDirectory} if given, where it exists; else none. */
    static List<String> defaultRepeatable(Path baseDirectory) {
        String path = DEFAULT_REPEATABLE.substring(ScriptLocations.FILESYSTEM_PREFIX.length());
        Path directory = baseDirectory == null ? Path.of(path) : baseDirectory.resolve(path).normalize();
        return Files.isDirectory(directory)
                ? List.of(baseDirectory == null ? DEFAULT_REPEATABLE : ScriptLocations.FILESYSTEM_PREFIX + directory)
                : List.of();
    }

    /** The directories of the {@code filesystem:} locations. */
    static List<Path> directories(List<String> locations) {
        List<Path> directories = new ArrayList<>();
        for (String location : locations) {
            if (location.startsWith(ScriptLocations.FILESYSTEM_PREFIX)) {
                directories.add(Path.of(location.substring(ScriptLocations.FILESYSTEM_PREFIX.length())));
            }
        }
        return directories;
    }
}
