package io.samokoder.migrations.autoconfigure;

import io.samokoder.migrations.cli.CommandMode;
import java.util.HashMap;
import java.util.Map;
import org.springframework.aot.AotDetector;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Prepares command mode ({@code samokoder.migrations.command}): the application context is started
 * without a web server (in an AOT-processed application, whose context's type is fixed, a web server
 * and a management server that open no port), with lazy beans (so only what the command needs is created), without a
 * banner or start-up info, and with INFO lines off the console unless configured, so that the
 * command's output is what the process prints.
 */
final class MigrationsCommandEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String COMMAND_PROPERTY = "samokoder.migrations.command";

    static final String PROPERTY_SOURCE_NAME = "samokoderMigrationsCommandMode";

    static final String COMMAND_MODE_CLASS = "io.samokoder.migrations.cli.CommandMode";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String command = environment.getProperty(COMMAND_PROPERTY);
        if (!StringUtils.hasText(command)) {
            return;
        }
        if (!ClassUtils.isPresent(COMMAND_MODE_CLASS, application.getClassLoader())) {
            throw new IllegalStateException(COMMAND_PROPERTY + " is set, but the command layer is not on the class"
                    + " path; add the dependency io.samokoder:samokoder-migrations-cli (samokoder-migrations-starter"
                    + " brings it), or remove " + COMMAND_PROPERTY + " to start the application normally");
        }
        Map<String, Object> settings = new HashMap<>(Map.of("spring.main.lazy-initialization", "true",
                "spring.main.banner-mode", "off", "spring.main.log-startup-info", "false"));
        if (AotDetector.useGeneratedArtifacts()) {
            // The context Spring AOT generated at build time is one of the application's web type, and a context
            // of another type cannot run it: keep the type, and open no port (Boot's server.port=-1). A management
            // server on a port of its own is a child context the build generated as well: its port is closed
            // too, or a command run beside the application would fail on the port the application holds.
            settings.put("server.port", "-1");
            settings.put("management.server.port", "-1");
        }
        else {
            settings.put("spring.main.web-application-type", "none");
        }
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, settings));
        // The command prints its own progress; the engine's log lines would repeat it (unless configured).
        // The console shows warnings and errors only: what the process prints is the command's output,
        // parseable with --format json (the pool's and Hibernate's start-up lines are INFO). MariaDB's driver
        // logs every error the server sends as a warning; the command reports those itself.
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("logging.level.io.samokoder.migrations.Migrations", "warn");
        // A failed step is the command's FAILED line; logged as well, it would be printed twice.
        defaults.put("logging.level.io.samokoder.migrations.Migrations.failures", "off");
        defaults.put("logging.threshold.console", "warn");
        defaults.put("logging.level.org.mariadb.jdbc", "error");
        if (!CommandMode.comparesModel(command)) {
            defaults.putAll(withoutJdbcMetadata(environment));
        }
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME + "Defaults", defaults));
    }

    /**
     * For a command that does not compare the application's model: Hibernate, whose EntityManagerFactory Spring
     * creates even with lazy beans (it is LoadTimeWeaverAware), builds it without a connection, its dialect told
     * by the URL's scheme, so that {@code history} or {@code upgrade heads --sql} run where the database cannot
     * be reached, and a command that needs it fails with its own message. Nothing when the URL names no
     * database Hibernate is told of here (then it connects, as without command mode).
     */
    private static Map<String, Object> withoutJdbcMetadata(ConfigurableEnvironment environment) {
        String url = environment.getProperty("spring.datasource.url", "");
        String dialect = url.startsWith("jdbc:postgresql:") ? "org.hibernate.dialect.PostgreSQLDialect"
                : url.startsWith("jdbc:mariadb:") ? "org.hibernate.dialect.MariaDBDialect"
                : url.startsWith("jdbc:mysql:") ? "org.hibernate.dialect.MySQLDialect"
                : url.startsWith("jdbc:h2:") ? "org.hibernate.dialect.H2Dialect" : null;
        boolean given = environment.containsProperty("spring.jpa.database-platform")
                || environment.containsProperty("spring.jpa.properties.hibernate.dialect");
        if (dialect == null && !given) {
            return Map.of();
        }
        Map<String, Object> settings = new HashMap<>();
        settings.put("spring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access", "false");
        if (!given) {
            settings.put("spring.jpa.database-platform", dialect);
            // Hibernate would warn that the dialect need not be set: without metadata access it must be.
            settings.put("logging.level.org.hibernate.orm.deprecation", "error");
        }
        return settings;
    }
}
