package io.samokoder.migrations.autoconfigure;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Prepares command mode ({@code samokoder.migrations.command}): the application context is started
 * without a web server, with lazy beans (so only what the command needs is created), without a
 * banner or start-up info, and with the engine's own INFO lines off unless configured, so that the
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
        environment.getPropertySources()
            .addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME,
                    Map.of("spring.main.web-application-type", "none", "spring.main.lazy-initialization", "true",
                            "spring.main.banner-mode", "off", "spring.main.log-startup-info", "false")));
        // The command prints its own progress; the engine's log lines would repeat it (unless configured).
        environment.getPropertySources()
            .addLast(new MapPropertySource(PROPERTY_SOURCE_NAME + "Defaults",
                    Map.of("logging.level.io.samokoder.migrations.Migrations", "warn")));
    }
}
