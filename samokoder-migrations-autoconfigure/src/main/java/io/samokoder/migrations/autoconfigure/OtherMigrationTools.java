package io.samokoder.migrations.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Warns when Flyway or Liquibase migrates the same application at start-up too, as Spring Boot's
 * auto-configuration of either does while {@code spring-boot-starter-flyway} or {@code spring-boot-starter-liquibase}
 * is still a dependency after a move to Samokoder Migrations: two tools would change the database, each with its
 * own history. Looks at bean definitions only (nothing is created) and loads no class of a tool that is not on the
 * class path.
 */
final class OtherMigrationTools {

    private static final Log logger = LogFactory.getLog(OtherMigrationTools.class);

    /** The bean that runs Flyway's migration while Spring Boot starts ({@code spring.flyway.enabled}). */
    static final String FLYWAY_INITIALIZER = "org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer";

    /** Liquibase's bean that runs its update when initialised ({@code spring.liquibase.enabled}). */
    static final String SPRING_LIQUIBASE = "liquibase.integration.spring.SpringLiquibase";

    private OtherMigrationTools() {
    }

    /** Logs a warning for each other tool whose start-up migration the bean factory defines. */
    static void warnIfTheyMigrateToo(BeanFactory beanFactory) {
        if (!(beanFactory instanceof ConfigurableListableBeanFactory listable)) {
            return;
        }
        warnIfDefined(listable, FLYWAY_INITIALIZER, "Flyway migrates the database at start-up as well (bean '%s' of"
                + " Spring Boot's Flyway auto-configuration)", "migrations", "flyway");
        warnIfDefined(listable, SPRING_LIQUIBASE, "Liquibase updates the database at start-up as well (bean '%s', a"
                + " SpringLiquibase)", "changesets", "liquibase");
    }

    /**
     * Warns, opening with {@code what} (the bean's name in it), where a bean of the class named is defined;
     * {@code tool} names its starter and its {@code enabled} property.
     */
    private static void warnIfDefined(ConfigurableListableBeanFactory listable, String className, String what,
            String changes, String tool) {
        String bean = firstBean(listable, className);
        if (bean != null) {
            logger.warn(what.formatted(bean) + ": two tools would change it, each with its own history. Once its "
                    + changes + " are brought over (README, 'Coming from Alembic, Flyway or Liquibase'), remove"
                    + " spring-boot-starter-" + tool + " or set spring." + tool + ".enabled=false.");
        }
    }

    /** The first bean defined of the class named, without creating any; {@code null} for none or no such class. */
    private static @Nullable String firstBean(ConfigurableListableBeanFactory listable, String className) {
        ClassLoader classLoader = listable.getBeanClassLoader();
        if (!ClassUtils.isPresent(className, classLoader)) {
            return null;
        }
        String[] names = listable.getBeanNamesForType(ClassUtils.resolveClassName(className, classLoader), false,
                false);
        return names.length == 0 ? null : names[0];
    }
}
