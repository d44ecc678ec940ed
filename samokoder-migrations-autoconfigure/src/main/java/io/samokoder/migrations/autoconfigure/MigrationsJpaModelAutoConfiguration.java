package io.samokoder.migrations.autoconfigure;

import io.samokoder.migrations.cli.CommandMode;
import io.samokoder.migrations.jpa.HibernateMetadataCapture;
import io.samokoder.migrations.schema.ModelSource;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Command mode's model: the application's JPA entities exactly as its own Hibernate maps them (its naming
 * strategies, settings and dialect), which {@code revision --autogenerate} and {@code check} compare with the
 * database. A {@link HibernatePropertiesCustomizer} adds a {@link HibernateMetadataCapture} to the
 * EntityManagerFactory Spring Boot builds, and the {@link ModelSource} bean builds that factory (lazy in command
 * mode) when a command first asks for the model. Only in command mode, so a running application builds its
 * EntityManagerFactory as ever.
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class,
        afterName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
// The command layer, samokoder-migrations-jpa (which reads Hibernate's mapping) and Spring Boot's Hibernate
// support (whose customizer hands the capture to the EntityManagerFactory) must all be there.
@ConditionalOnClass({ CommandMode.class, HibernateMetadataCapture.class, HibernatePropertiesCustomizer.class })
@ConditionalOnProperty(MigrationsCommandEnvironmentPostProcessor.COMMAND_PROPERTY)
// Spring Boot built an EntityManagerFactory (its JPA support is on and there is a DataSource).
@ConditionalOnBean(EntityManagerFactory.class)
public final class MigrationsJpaModelAutoConfiguration {

    /** Hibernate's schema management setting, which Spring Boot's {@code spring.jpa.hibernate.ddl-auto} sets. */
    static final String HBM2DDL_AUTO = "hibernate.hbm2ddl.auto";

    /** JPA's schema generation setting. */
    static final String SCHEMA_GENERATION_ACTION = "jakarta.persistence.schema-generation.database.action";

    @Bean
    @ConditionalOnMissingBean
    static HibernateMetadataCapture migrationsHibernateMetadataCapture() {
        return new HibernateMetadataCapture();
    }

    /**
     * Adds the capture; and, since a command reads or migrates the schema itself, Hibernate's own schema
     * management is off (a {@code ddl-auto} of {@code update} would change the database before autogenerate
     * compares it, and {@code validate} would fail on the tables a revision has yet to create). Backs off for a bean
     * of its name only: the application's own HibernatePropertiesCustomizers are no replacement for it.
     */
    @Bean
    @ConditionalOnMissingBean(name = "migrationsHibernateMetadataCaptureCustomizer")
    static HibernatePropertiesCustomizer migrationsHibernateMetadataCaptureCustomizer(
            HibernateMetadataCapture capture) {
        return (properties) -> {
            properties.put(HibernateMetadataCapture.INTEGRATOR_PROVIDER,
                    withCapture(properties.get(HibernateMetadataCapture.INTEGRATOR_PROVIDER), capture));
            properties.put(HBM2DDL_AUTO, "none");
            properties.remove(SCHEMA_GENERATION_ACTION);
        };
    }

    @Bean
    @ConditionalOnMissingBean(ModelSource.class)
    static ModelSource migrationsJpaModel(HibernateMetadataCapture capture,
            ObjectProvider<EntityManagerFactory> entityManagerFactory) {
        return (dialect) -> {
            // Building the factory is what fills the capture.
            entityManagerFactory.getObject();
            return capture.model().model(dialect);
        };
    }

    /** The capture, next to the integrators of an {@link IntegratorProvider} the application set already. */
    private static IntegratorProvider withCapture(@Nullable Object existing, HibernateMetadataCapture capture) {
        if (!(existing instanceof IntegratorProvider provider) || existing == capture) {
            return capture;
        }
        return () -> {
            List<Integrator> integrators = new ArrayList<>(provider.getIntegrators());
            integrators.add(capture);
            return integrators;
        };
    }
}
