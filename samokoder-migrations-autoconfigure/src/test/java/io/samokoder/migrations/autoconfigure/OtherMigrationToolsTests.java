package io.samokoder.migrations.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Spring Boot's Flyway or Liquibase auto-configuration left active beside the starter (its starter still a
 * dependency): the start-up warns that two tools would migrate the database; not once the tool is disabled.
 * (Without them on the class path, as in the other modules' tests and the sample app, the check stops at the
 * classes' absence.)
 */
@ExtendWith(OutputCaptureExtension.class)
class OtherMigrationToolsTests {

    private static final String FLYWAY_WARNING = "Flyway migrates the database at start-up as well (bean"
            + " 'flywayInitializer' of Spring Boot's Flyway auto-configuration): two tools would change it, each with"
            + " its own history. Once its migrations are brought over (README, 'Coming from Alembic, Flyway or"
            + " Liquibase'), remove spring-boot-starter-flyway or set spring.flyway.enabled=false.";

    private static final String LIQUIBASE_WARNING = "Liquibase updates the database at start-up as well (bean"
            + " 'liquibase', a SpringLiquibase): two tools would change it, each with its own history. Once its"
            + " changesets are brought over (README, 'Coming from Alembic, Flyway or Liquibase'), remove"
            + " spring-boot-starter-liquibase or set spring.liquibase.enabled=false.";

    private final ApplicationContextRunner flyway = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
                MigrationsAutoConfiguration.class))
        .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "samokoder.migrations.locations=classpath:db/none", "spring.flyway.locations=classpath:db/none",
                "spring.flyway.fail-on-missing-locations=false");

    private final ApplicationContextRunner liquibase = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, LiquibaseAutoConfiguration.class,
                MigrationsAutoConfiguration.class))
        .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "samokoder.migrations.locations=classpath:db/none",
                "spring.liquibase.change-log=classpath:db/liquibase/changelog.yaml");

    @Test
    void flywayLeftOnIsWarnedAbout(CapturedOutput output) {
        this.flyway.run((context) -> {
            assertThat(context).hasNotFailed().hasBean("flywayInitializer");
            assertThat(output).contains(FLYWAY_WARNING).doesNotContain("Liquibase updates");
        });
    }

    @Test
    void flywayDisabledIsNot(CapturedOutput output) {
        this.flyway.withPropertyValues("spring.flyway.enabled=false").run((context) -> {
            assertThat(context).hasNotFailed().doesNotHaveBean("flywayInitializer");
            assertThat(output).doesNotContain("at start-up as well");
        });
    }

    @Test
    void liquibaseLeftOnIsWarnedAbout(CapturedOutput output) {
        this.liquibase.run((context) -> {
            assertThat(context).hasNotFailed().hasBean("liquibase");
            assertThat(output).contains(LIQUIBASE_WARNING).doesNotContain("Flyway migrates");
        });
    }

    @Test
    void liquibaseDisabledIsNot(CapturedOutput output) {
        this.liquibase.withPropertyValues("spring.liquibase.enabled=false").run((context) -> {
            assertThat(context).hasNotFailed().doesNotHaveBean("liquibase");
            assertThat(output).doesNotContain("at start-up as well");
        });
    }

    @Test
    void neitherWhileTheStarterDoesNotMigrate(CapturedOutput output) {
        this.liquibase.withPropertyValues("samokoder.migrations.enabled=false").run((context) -> {
            assertThat(context).hasNotFailed().hasBean("liquibase");
            assertThat(output).doesNotContain("at start-up as well");
        });
    }
}
