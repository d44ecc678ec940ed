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
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * Reads a Spring Boot {@code application.properties} or {@code .yml} with Spring Boot's own loaders
 * and {@link Binder}: the starter's {@code samokoder.migrations.*} keys and
 * {@code spring.datasource.url/username/password}. {@code ${...}} placeholders resolve against the
 * file and the environment. Only loaded for {@code --config}, so other runs load no Spring class.
 *
 * <p>A {@code classpath:} location (the starter's default is {@code classpath:db/migrations}) is
 * read from the directory of the file when it exists there, since an application's configuration
 * file usually sits at the root of its resources ({@code src/main/resources}).
 */
final class ConfigFile {

    private static final String PREFIX = "samokoder.migrations.";
    private static final String AUTOGENERATE = PREFIX + "autogenerate.";

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
        try {
            List<String> locations = binder.bind(PREFIX + "locations", Bindable.listOf(String.class)).orElse(null);
            List<String> repeatable = binder.bind(PREFIX + "repeatable-locations", Bindable.listOf(String.class))
                .orElse(null);
            return Settings.builder()
                    .url(string(binder, PREFIX + "url", "spring.datasource.url"))
                    .user(string(binder, PREFIX + "user", "spring.datasource.username"))
                    .password(string(binder, PREFIX + "password", "spring.datasource.password"))
                    .locations(locations == null ? null : locations(locations, file.toAbsolutePath().getParent()))
                    .schema(string(binder, PREFIX + "schema", null))
                    .versionTable(string(binder, PREFIX + "version-table", null))
                    .logTable(string(binder, PREFIX + "log-table", null))
                    .fileTemplate(string(binder, PREFIX + "file-template", null))
                    .transactionMode(binder.bind(PREFIX + "transaction-mode", TransactionMode.class).orElse(null))
                    .lockWaitTimeout(duration(file, binder, "lock-wait-timeout"))
                    .lockTimeout(duration(file, binder, "lock-timeout"))
                    .lockRetries(binder.bind(PREFIX + "lock-retries", Integer.class).orElse(null))
                    .statementTimeout(duration(file, binder, "statement-timeout"))
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
                    .dialect(dialect(file, string(binder, PREFIX + "dialect", null)))
                    .deadHolderTimeout(duration(file, binder, "dead-holder-timeout"))
                    .placeholders(binder.bind(PREFIX + "placeholders", Bindable.mapOf(String.class, String.class))
                        .orElse(null))
                    .placeholderReplacement(binder.bind(PREFIX + "placeholder-replacement", Boolean.class)
                        .orElse(null))
                    .repeatableLocations(repeatable == null ? null
                            : locations(repeatable, file.toAbsolutePath().getParent()))
                    // A negative count or interval is left to the engine, whose message names the property.
                    .connectRetries(binder.bind(PREFIX + "connect-retries", Integer.class).orElse(null))
                    .connectRetriesInterval(duration(file, binder, "connect-retries-interval"))
                    .allowNewerRevisions(binder.bind(PREFIX + "allow-newer-revisions", Boolean.class).orElse(null))
                    .build();
        } catch (BindException e) {
            throw new CliUsageException("--config " + file + ": property " + e.getProperty().getName() + " = '"
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

    /** The dialect's name as given, once known; an unknown one is a usage error naming the file. */
    private static String dialect(Path file, String name) {
        if (name != null && !name.isBlank() && Dialects.forName(name.strip()).isEmpty()) {
            throw new CliUsageException("--config " + file + ": property " + PREFIX + "dialect = '" + name
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
    private static Duration duration(Path file, Binder binder, String key) {
        String value = binder.bind(PREFIX + key, String.class).orElse(null);
        if (value == null) {
            return null;
        }
        try {
            return DurationStyle.detectAndParse(value.strip(), ChronoUnit.SECONDS);
        } catch (IllegalArgumentException e) {
            throw new CliUsageException("--config " + file + ": property " + PREFIX + key + " = '" + value
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
}
