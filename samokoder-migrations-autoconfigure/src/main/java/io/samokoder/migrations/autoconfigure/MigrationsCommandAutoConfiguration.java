package io.samokoder.migrations.autoconfigure;

import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.cli.CommandMode;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Command mode: with {@code samokoder.migrations.command} set (for example
 * {@code java -jar app.jar --samokoder.migrations.command="downgrade -1"}), the application runs that
 * one command instead of the start-up migration, prints its output and exits with its status. The
 * context starts without a web server and with lazy beans
 * ({@link MigrationsCommandEnvironmentPostProcessor}), so no traffic is taken. The runner is there whether
 * or not the property is set, and reads it when the application has started: an application processed
 * ahead of time (Spring AOT, a native image) decides its beans at build time, where the property is absent,
 * and would otherwise start as usual instead of running the command.
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class)
@ConditionalOnClass(CommandMode.class)
@ConditionalOnBean(Migrations.class)
public final class MigrationsCommandAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "migrationsCommandRunner")
    static MigrationsCommandRunner migrationsCommandRunner(
            org.springframework.core.env.Environment environment) {
        return new MigrationsCommandRunner(
                environment.getProperty(MigrationsCommandEnvironmentPostProcessor.COMMAND_PROPERTY), System.out,
                System.err, System::exit);
    }
}
