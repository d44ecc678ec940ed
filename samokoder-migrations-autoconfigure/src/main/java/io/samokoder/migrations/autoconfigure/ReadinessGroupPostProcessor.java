package io.samokoder.migrations.autoconfigure;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.core.env.Environment;

/**
 * Adds the {@code migrations} contributor to the {@code readiness} health group (when there is
 * one), so that an instance with pending revisions or a failed run takes no traffic. Liveness is
 * left alone, so Kubernetes does not restart a pod for migrating. When the application configures the
 * group's members ({@code management.endpoint.health.group.readiness.include} or {@code .exclude}), those
 * decide, as for any contributor.
 */
final class ReadinessGroupPostProcessor implements HealthEndpointGroupsPostProcessor {

    static final String GROUP = "readiness";

    private static final String MEMBERS = "management.endpoint.health.group." + GROUP + ".";

    private final String contributor;

    private final boolean membersConfigured;

    ReadinessGroupPostProcessor(String contributor, boolean membersConfigured) {
        this.contributor = contributor;
        this.membersConfigured = membersConfigured;
    }

    /** Whether the application lists the readiness group's members itself. */
    static boolean membersConfigured(Environment environment) {
        // Bound as Spring Boot binds them, so that a YAML list (include[0]=...) counts as well as a comma list.
        Binder binder = Binder.get(environment);
        return binder.bind(MEMBERS + "include", Bindable.setOf(String.class)).isBound()
                || binder.bind(MEMBERS + "exclude", Bindable.setOf(String.class)).isBound();
    }

    @Override
    public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
        HealthEndpointGroup readiness = groups.get(GROUP);
        if (readiness == null || this.membersConfigured || readiness.isMember(this.contributor)) {
            return groups;
        }
        HealthEndpointGroup withMigrations = new WithMember(readiness, this.contributor);
        return new HealthEndpointGroups() {

            @Override
            public HealthEndpointGroup getPrimary() {
                return groups.getPrimary();
            }

            @Override
            public Set<String> getNames() {
                return groups.getNames();
            }

            @Override
            public @Nullable HealthEndpointGroup get(String name) {
                return GROUP.equals(name) ? withMigrations : groups.get(name);
            }
        };
    }

    /** A group with one more member. */
    private record WithMember(HealthEndpointGroup delegate, String member) implements HealthEndpointGroup {

        @Override
        public boolean isMember(String name) {
            return this.member.equals(name) || this.delegate.isMember(name);
        }

        @Override
        public boolean showComponents(SecurityContext securityContext) {
            return this.delegate.showComponents(securityContext);
        }

        @Override
        public boolean showDetails(SecurityContext securityContext) {
            return this.delegate.showDetails(securityContext);
        }

        @Override
        public StatusAggregator getStatusAggregator() {
            return this.delegate.getStatusAggregator();
        }

        @Override
        public HttpCodeStatusMapper getHttpCodeStatusMapper() {
            return this.delegate.getHttpCodeStatusMapper();
        }

        @Override
        public @Nullable AdditionalHealthEndpointPath getAdditionalPath() {
            return this.delegate.getAdditionalPath();
        }
    }
}
