package io.samokoder.migrations.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Spring Boot's Flyway auto-configuration left active beside the starter (spring-boot-starter-flyway still a
 * dependency): the start-up warns that two tools would migrate the database; not once Flyway is disabled.
 * (Without Flyway on the class path, as in the other modules' tests and the sample app, the check stops at
 * the class's absence.)
 */
@ExtendWith(OutputCaptureExtension.class)
class FlywayAlongsideTests {

    private static final String WARNING = "Flyway migrates the database at start-up as well (bean 'flywayInitializer'"
            + " of Spring Boot's Flyway auto-configuration): two tools would change it, each with its own history."
            + " Once its migrations are brought over (README, 'Coming from Alembic, Flyway or Liquibase'), remove"
            + " spring-boot-starter-flyway or set spring.flyway.enabled=false.";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
                MigrationsAutoConfiguration.class))
        .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "samokoder.migrations.locations=classpath:db/none", "spring.flyway.locations=classpath:db/none",
                "spring.flyway.fail-on-missing-locations=false");

    @Test
    void flywayLeftOnIsWarnedAbout(CapturedOutput output) {
        this.runner.run((context) -> {
            assertThat(context).hasNotFailed().hasBean("flywayInitializer");
            assertThat(output).contains(WARNING);
        });
    }

    @Test
    void flywayDisabledIsNot(CapturedOutput output) {
        this.runner.withPropertyValues("spring.flyway.enabled=false").run((context) -> {
            assertThat(context).hasNotFailed().doesNotHaveBean("flywayInitializer");
            assertThat(output).doesNotContain("Flyway migrates the database");
        });
    }
}
