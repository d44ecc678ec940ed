package io.samokoder.migrations.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

/** What the tests read from the actuator: the endpoint's answer for a context, and the health probes. */
final class EndpointAnswers {

    private EndpointAnswers() {
    }

    /** The endpoint's answer for the context's own migrations bean ({@code migrationsInitializer}). */
    static MigrationsEndpoint.MigrationsBeanDescriptor bean(ApplicationContext context) {
        return context.getBean(MigrationsEndpoint.class)
            .migrations()
            .contexts()
            .get(context.getId())
            .migrations()
            .get("migrationsInitializer");
    }

    /** The runner with the health endpoint, its liveness and readiness groups, and the migrations endpoint exposed. */
    static ApplicationContextRunner withProbes(ApplicationContextRunner runner) {
        return runner
            .withConfiguration(AutoConfigurations.of(ApplicationAvailabilityAutoConfiguration.class,
                    HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class,
                    AvailabilityHealthContributorAutoConfiguration.class, AvailabilityProbesAutoConfiguration.class))
            .withPropertyValues("management.endpoint.health.probes.enabled=true",
                    "management.endpoints.web.exposure.include=health,migrations");
    }
}
