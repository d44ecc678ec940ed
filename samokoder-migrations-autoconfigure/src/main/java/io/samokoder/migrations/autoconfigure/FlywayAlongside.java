package io.samokoder.migrations.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Warns when Spring Boot's Flyway auto-configuration migrates the same application at start-up too, as it
 * does while {@code spring-boot-starter-flyway} is still a dependency after a move to Samokoder Migrations:
 * two tools would change the database, each with its own history. Looks at bean definitions only (nothing
 * is created) and loads no Flyway class when Flyway is not on the class path.
 */
final class FlywayAlongside {

    private static final Log logger = LogFactory.getLog(FlywayAlongside.class);

    /** The bean that runs Flyway's migration while Spring Boot starts ({@code spring.flyway.enabled}). */
    static final String FLYWAY_INITIALIZER = "org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer";

    private FlywayAlongside() {
    }

    /** Logs the warning where the bean factory defines Flyway's start-up migration. */
    static void warnIfItMigratesToo(BeanFactory beanFactory) {
        if (!(beanFactory instanceof ConfigurableListableBeanFactory listable)) {
            return;
        }
        ClassLoader classLoader = listable.getBeanClassLoader();
        if (!ClassUtils.isPresent(FLYWAY_INITIALIZER, classLoader)) {
            return;
        }
        String[] names = listable.getBeanNamesForType(ClassUtils.resolveClassName(FLYWAY_INITIALIZER, classLoader),
                false, false);
        if (names.length == 0) {
            return;
        }
        logger.warn("Flyway migrates the database at start-up as well (bean '" + names[0] + "' of Spring Boot's"
                + " Flyway auto-configuration): two tools would change it, each with its own history. Once its"
                + " migrations are brought over (README, 'Coming from Alembic, Flyway or Liquibase'), remove"
                + " spring-boot-starter-flyway or set spring.flyway.enabled=false.");
    }
}
