package io.samokoder.migrations.cli;

import io.samokoder.migrations.ChecksumPolicy;
import io.samokoder.migrations.TransactionMode;
import io.samokoder.migrations.dialect.Dialects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.PropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * Reads a Spring Boot {@code application.properties} or {@code .yml} with Spring Boot's own loaders
 * and {@link Binder}: the starter's {@code samokoder.migrations.*} keys and
 * {@code spring.datasource.url/username/password}. {@code ${...}} placeholders resolve against the
 * file and the environment. The same keys are read from {@code SAMOKODER_MIGRATIONS_*} environment
 * variables ({@link #fromEnvironment}). Only loaded for {@code --config} or such a variable, so other
 * runs load no Spring class.
 *
 * <p>A {@code classpath:} location (the starter's default is {@code classpath:db/migrations}) is
 * read from the directory of the file when it exists there, since an application's configuration
 * file usually sits at the root of its resources ({@code src/main/resources}).
 */
final class ConfigFile {

    private static final String PREFIX = "samokoder.migrations.";
    private static final String AUTOGENERATE = PREFIX + "autogenerate.";
    private static final String VARIABLE_PREFIX = "SAMOKODER_MIGRATIONS_";
    private static final Set<String> CONNECTION_VARIABLES = Set.of(VARIABLE_PREFIX + "URL", VARIABLE_PREFIX + "USER",
            VARIABLE_PREFIX + "PASSWORD");

    private ConfigFile() {
    }

    static Settings load(Path file, Map<String, String> environment) {
        if (!Files.isRegularFile(file)) {
            throw new CliUsageException("--config " + file + ": no such file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        PropertySourceLoader loader = name.endsWith(".yml") || name.endsWith(".yaml") ? new YamlPropertySourceLoader()
                : new PropertiesPropertySourceLoader();
        List<PropertySource<?>> sources;
        try {
            sources = loader.load(file.toString(), new FileSystemResource(file));
        } catch (IOException | RuntimeException e) {
            throw new CliUsageException("--config " + file + " cannot be read: " + e.getMessage());
        }
        MutablePropertySources all = new MutablePropertySources();
        sources.forEach(all::addLast);
        all.addLast(new SystemEnvironmentPropertySource("environment", Map.copyOf(environment)));
        Binder binder = new Binder(ConfigurationPropertySources.from(sources),
                new PropertySourcesPlaceholdersResolver(all));
        return bind(binder, new Origin(file, null));
    }

    /**
     * The {@code SAMOKODER_MIGRATIONS_*} environment variables, bound as Spring Boot binds them for the application
     * ({@code SAMOKODER_MIGRATIONS_LOCK_TIMEOUT} is {@code samokoder.migrations.lock-timeout}), but for the URL, user
     * and password, which the command line reads itself. Spring is loaded only when there is such a variable.
     */
    static Settings fromEnvironment(Map<String, String> environment) {
        Map<String, Object> ours = new LinkedHashMap<>();
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            String name = variable.getKey();
            if (name.startsWith(VARIABLE_PREFIX) && !CONNECTION_VARIABLES.contains(name)) {
                ours.put(name, variable.getValue());
            }
        }
        if (ours.isEmpty()) {
            return Settings.NONE;
        }
        MutablePropertySources all = new MutablePropertySources();
        all.addLast(new SystemEnvironmentPropertySource("environment", Map.copyOf(environment)));
        // Named as Spring's own, so that Spring Boot maps the names as it does for the application.
        Binder binder = new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, ours)),
                new PropertySourcesPlaceholdersResolver(all));
        return bind(binder, new Origin(null, ours.keySet()));
    }

    private static Settings bind(Binder binder, Origin origin) {
        Path directory = origin.file == null ? null : origin.file.toAbsolutePath().getParent();
        try {
            List<String> locations = binder.bind(PREFIX + "locations", Bindable.listOf(String.class)).orElse(null);
            List<String> repeatable = binder.bind(PREFIX + "repeatable-locations", Bindable.listOf(String.class))
                .orElse(null);
            return Settings.builder()
                    .url(string(binder, PREFIX + "url", "spring.datasource.url"))
                    .user(string(binder, PREFIX + "user", "spring.datasource.username"))
                    .password(string(binder, PREFIX + "password", "spring.datasource.password"))
                    .locations(locations == null ? null : locations(locations, directory))
                    .schema(string(binder, PREFIX + "schema", null))
                    .versionTable(string(binder, PREFIX + "version-table", null))
                    .logTable(string(binder, PREFIX + "log-table", null))
                    .fileTemplate(string(binder, PREFIX + "file-template", null))
                    .transactionMode(binder.bind(PREFIX + "transaction-mode", TransactionMode.class).orElse(null))
                    .lockWaitTimeout(duration(origin, binder, "lock-wait-timeout"))
                    .lockTimeout(duration(origin, binder, "lock-timeout"))
                    .lockRetries(binder.bind(PREFIX + "lock-retries", Integer.class).orElse(null))
                    .statementTimeout(duration(origin, binder, "statement-timeout"))
                    .checksumPolicy(binder.bind(PREFIX + "validate-checksums", ChecksumPolicy.class).orElse(null))
                    .fastStart(binder.bind(PREFIX + "fast-start", Boolean.class).orElse(null))
                    .excludeTables(binder.bind(AUTOGENERATE + "exclude-tables", Bindable.listOf(String.class))
                        .orElse(null))
                    .compareServerDefaults(binder.bind(AUTOGENERATE + "compare-server-defaults", Boolean.class)
                        .orElse(null))
                    .dropUnmappedTables(binder.bind(AUTOGENERATE + "drop-unmapped-tables", Boolean.class)
                        .orElse(null))
                    .javaPackages(binder.bind(PREFIX + "java-packages", Bindable.listOf(String.class)).orElse(null))
                    .namingConvention(binder.bind(PREFIX + "naming-convention",
                            Bindable.mapOf(String.class, String.class)).orElse(null))
                    .retryPartial(binder.bind(PREFIX + "retry-partial", Boolean.class).orElse(null))
                    .dialect(dialect(origin, string(binder, PREFIX + "dialect", null)))
                    .deadHolderTimeout(duration(origin, binder, "dead-holder-timeout"))
                    .placeholders(binder.bind(PREFIX + "placeholders", Bindable.mapOf(String.class, String.class))
                        .orElse(null))
                    .placeholderReplacement(binder.bind(PREFIX + "placeholder-replacement", Boolean.class)
                        .orElse(null))
                    .repeatableLocations(repeatable == null ? null
                            : locations(repeatable, directory))
                    // A negative count or interval is left to the engine, whose message names the property.
                    .connectRetries(binder.bind(PREFIX + "connect-retries", Integer.class).orElse(null))
                    .connectRetriesInterval(duration(origin, binder, "connect-retries-interval"))
                    .allowNewerRevisions(binder.bind(PREFIX + "allow-newer-revisions", Boolean.class).orElse(null))
                    .build();
        } catch (BindException e) {
            throw new CliUsageException(origin.name(e.getProperty().getName().toString()) + " = '"
                    + e.getProperty().getValue() + "' is invalid; " + expected(e));
        }
    }

    private static String string(Binder binder, String key, String fallbackKey) {
        String value = binder.bind(key, String.class).orElse(null);
        if (value == null && fallbackKey != null) {
            value = binder.bind(fallbackKey, String.class).orElse(null);
        }
        return value;
    }

    /**
     * The settings, once their URL, user and password hold no placeholder that nothing resolved: Spring's
     * binder keeps such a placeholder as text, and a URL or password of {@code ${DB_URL}} would only fail
     * later, less clearly (or be sent as the password). Checked on the settings in use, so that a value of
     * the file that an option overrides does not matter.
     *
     * @param file the configuration file the settings may come from, or {@code null}
     */
    static Settings requireResolved(Path file, Settings settings) {
        if (file != null) {
            requireResolved(file, "URL (samokoder.migrations.url, spring.datasource.url)", settings.url());
            requireResolved(file, "user (samokoder.migrations.user, spring.datasource.username)", settings.user());
            requireResolved(file, "password (samokoder.migrations.password, spring.datasource.password)",
                    settings.password());
        }
        return settings;
    }

    private static void requireResolved(Path file, String setting, String value) {
        int start = value == null ? -1 : value.indexOf("${");
        if (start >= 0) {
            int end = value.indexOf('}', start);
            throw new CliUsageException("--config " + file + ": the " + setting + " has the placeholder "
                    + (end < 0 ? value.substring(start) : value.substring(start, end + 1)) + ", which neither the"
                    + " file nor the environment resolves; set it in the environment, or give a default"
                    + " (${NAME:default})");
        }
    }

    /** The dialect's name as given, once known; an unknown one is a usage error naming where it was set. */
    private static String dialect(Origin origin, String name) {
        if (name != null && !name.isBlank() && Dialects.forName(name.strip()).isEmpty()) {
            throw new CliUsageException(origin.name(PREFIX + "dialect") + " = '" + name
                    + "' is invalid; use one of " + Dialects.names());
        }
        return name;
    }

    /** What a property of the failed binding takes, as a user writes it. */
    private static String expected(BindException e) {
        Class<?> type = e.getTarget().getType().resolve(Object.class);
        if (type.isEnum()) {
            List<String> values = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                values.add(((Enum<?>) constant).name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            }
            return "use one of " + String.join(", ", values);
        }
        if (type == Boolean.class) {
            return "use true or false";
        }
        if (type == Integer.class) {
            return "use a whole number";
        }
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return cause.getMessage();
    }

    /** As the starter reads them: a bare number is seconds. */
    private static Duration duration(Origin origin, Binder binder, String key) {
        String value = binder.bind(PREFIX + key, String.class).orElse(null);
        if (value == null) {
            return null;
        }
        try {
            return DurationStyle.detectAndParse(value.strip(), ChronoUnit.SECONDS);
        } catch (IllegalArgumentException e) {
            throw new CliUsageException(origin.name(PREFIX + key) + " = '" + value
                    + "' is not a duration; use 500ms, 5s or 10m");
        }
    }

    /** Spring-style locations in the engine's form; {@code classpath:} read next to the file when there. */
    static List<String> locations(List<String> locations, Path directory) {
        List<String> result = new ArrayList<>();
        for (String raw : locations) {
            String location = raw.strip();
            if (location.startsWith("file:")) {
                result.add("filesystem:" + location.substring("file:".length()));
                continue;
            }
            String path = location.startsWith("classpath*:") ? location.substring("classpath*:".length())
                    : location.startsWith("classpath:") ? location.substring("classpath:".length())
                    : location.contains(":") ? null : location;
            if (path != null && directory != null) {
                Path local = directory.resolve(path.startsWith("/") ? path.substring(1) : path);
                if (Files.isDirectory(local)) {
                    result.add("filesystem:" + local);
                    continue;
                }
            }
            result.add(location);
        }
        return result;
    }

    /** Where settings were read, for messages: a configuration file, or the environment's variables. */
    private static final class Origin {

        private final Path file;
        private final Set<String> variables;

        Origin(Path file, Set<String> variables) {
            this.file = file;
            this.variables = variables;
        }

        /** The property as a user finds it here: in the file, or the variable that set it. */
        String name(String property) {
            if (this.file != null) {
                return "--config " + this.file + ": property " + property;
            }
            String upper = property.toUpperCase(Locale.ROOT);
            String legacy = upper.replace('.', '_').replace('-', '_');
            String canonical = upper.replace("-", "").replace('.', '_');
            return "environment variable " + (this.variables.contains(legacy) || !this.variables.contains(canonical)
                    ? legacy : canonical) + " (" + property + ")";
        }
    }
}
