package io.samokoder.migrations.cli;

import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.cli.command.Workspace;
import io.samokoder.migrations.script.ScriptLocations;
import java.io.Console;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Creates a {@link Workspace} with the command line's settings resolution, for other front-ends
 * (the Maven plugin): explicit settings first, then a Spring Boot configuration file read as
 * {@code --config} reads it ({@code samokoder.migrations.*}, {@code spring.datasource.*}), then the
 * defaults. The Java revisions of {@code samokoder.migrations.java-packages} are found on a given class
 * path when the engine is created. The database is reached through a DriverManager DataSource that opens a
 * connection per use; the password is never part of the workspace's database description.
 */
public final class Workspaces {

    private Workspaces() {
    }

    /**
     * A workspace from explicit settings and a configuration file, with the Java revisions of the
     * file's {@code samokoder.migrations.java-packages} found on the class path of this library.
     *
     * @see #create(String, String, String, String, String, Map, Path, Map, Path, JavaClassPath)
     */
    public static Workspace create(String url, String user, String password, String locations, Path configFile,
            Map<String, String> environment, Path baseDirectory) {
        return create(url, user, password, locations, null, null, configFile, environment, baseDirectory, null);
    }

    /**
     * A workspace from explicit settings and a configuration file.
     *
     * @param url the JDBC URL, or {@code null} for the file's
     * @param user the user, or {@code null} for the file's
     * @param password the password, or {@code null} for the file's (never shown)
     * @param locations comma-separated script locations as {@code --locations} takes them, or
     *     {@code null} for the file's, else {@code filesystem:src/main/resources/db/migrations}
     * @param javaPackages comma-separated packages of Java revisions as {@code --java-packages} takes
     *     them, or {@code null} for the file's {@code samokoder.migrations.java-packages}, else none
     * @param placeholders values of the scripts' {@code ${name}} placeholders as {@code --placeholder} gives
     *     them, added to the file's {@code samokoder.migrations.placeholders.*} and winning for a name both
     *     give; {@code null} for none
     * @param configFile an {@code application.properties} or {@code .yml}, or {@code null} for none
     * @param environment the variables that {@code ${...}} placeholders of the file resolve against; its
     *     {@code SAMOKODER_MIGRATIONS_*} settings (but the URL, user and password) count too, over the file's, as
     *     for the application
     * @param baseDirectory the directory that relative {@code filesystem:} locations are resolved
     *     against, or {@code null} for the working directory
     * @param classPath where the Java revisions' classes are searched and loaded from (and
     *     {@code classpath:} locations read), or {@code null} for this library's own class path
     * @return the workspace; the engine, with the Java revisions, is created on first use
     * @throws IllegalArgumentException when the locations are empty or the file cannot be read or
     *     holds an invalid value
     */
    public static Workspace create(String url, String user, String password, String locations, String javaPackages,
            Map<String, String> placeholders, Path configFile, Map<String, String> environment, Path baseDirectory,
            JavaClassPath classPath) {
        try {
            Settings explicit = Settings.builder().url(url).user(user).password(password)
                    .locations(locations == null ? null : Locations.parse(locations))
                    .javaPackages(javaPackages == null ? null : javaPackages(javaPackages))
                    .placeholders(placeholders == null || placeholders.isEmpty() ? null : Map.copyOf(placeholders))
                    .build();
            Settings file = configFile == null ? Settings.NONE : ConfigFile.load(configFile, environment);
            Settings settings = explicit.or(ConfigFile.fromEnvironment(environment)).or(file);
            return create(ConfigFile.requireResolved(configFile, settings), baseDirectory, null, classPath);
        } catch (CliUsageException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The packages of a comma-separated list; an empty entry is kept, so that it is refused as the starter does. */
    static List<String> javaPackages(String option) {
        return option.isBlank() ? List.of() : List.of(option.split(",", -1));
    }

    /**
     * The workspace of resolved settings (the command line's and {@link #create}'s).
     *
     * @param console where to ask for a missing password, or {@code null} never to ask
     * @param classPath where Java revisions come from, or {@code null} for this library's class path
     */
    static Workspace create(Settings settings, Path baseDirectory, Console console, JavaClassPath classPath) {
        List<String> scriptLocations = resolve(settings.locations() == null ? List.of(Locations.DEFAULT)
                : settings.locations(), baseDirectory);
        List<String> repeatableLocations = settings.repeatableLocations() != null
                ? resolve(settings.repeatableLocations(), baseDirectory)
                : Locations.defaultRepeatable(baseDirectory);
        return new Workspace(() -> new Migrations(EngineConfigs.of(settings, scriptLocations, repeatableLocations,
                console, classPath)),
                Urls.mask(settings.url()), Locations.directories(scriptLocations), settings.fileTemplate(),
                settings.fastStart() == null ? Boolean.TRUE : settings.fastStart())
            .withAutogenerate(settings.autogenerate());
    }

    private static List<String> resolve(List<String> locations, Path baseDirectory) {
        if (baseDirectory == null) {
            return locations;
        }
        List<String> resolved = new ArrayList<>(locations.size());
        for (String location : locations) {
            if (location.startsWith(ScriptLocations.FILESYSTEM_PREFIX)) {
                Path path = baseDirectory.resolve(location.substring(ScriptLocations.FILESYSTEM_PREFIX.length()));
                resolved.add(ScriptLocations.FILESYSTEM_PREFIX + path.normalize());
            } else {
                resolved.add(location);
            }
        }
        return resolved;
    }
}
