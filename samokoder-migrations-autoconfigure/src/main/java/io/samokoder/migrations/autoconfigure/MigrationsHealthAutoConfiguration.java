package io.samokoder.migrations.autoconfigure;

import io.samokoder.migrations.Migrations;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the {@code migrations} health contributor, which joins the readiness group.
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class,
        afterName = "org.springframework.boot.health.autoconfigure.actuate.endpoint"
                + ".AvailabilityProbesAutoConfiguration")
@ConditionalOnClass({ Migrations.class, HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(MigrationsInitializer.class)
@ConditionalOnEnabledHealthIndicator("migrations")
public final class MigrationsHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "migrationsHealthIndicator")
    MigrationsHealthIndicator migrationsHealthIndicator(ListableBeanFactory beanFactory) {
        return new MigrationsHealthIndicator(beanFactory.getBeansOfType(MigrationsInitializer.class, false, false));
    }

    @Bean
    @ConditionalOnClass(name = "org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor")
    @ConditionalOnMissingBean(name = "migrationsReadinessGroupPostProcessor")
    ReadinessGroupPostProcessor migrationsReadinessGroupPostProcessor(Environment environment) {
        return new ReadinessGroupPostProcessor("migrations",
                ReadinessGroupPostProcessor.membersConfigured(environment));
    }
}
