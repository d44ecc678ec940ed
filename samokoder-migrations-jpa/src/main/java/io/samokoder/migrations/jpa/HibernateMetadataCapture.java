package io.samokoder.migrations.jpa;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;

/**
 * Takes the {@link Metadata} of the SessionFactory an application builds, so that autogenerate compares
 * exactly the application's mapping ({@link JpaModel#ofMetadata}): its naming strategies, settings and
 * dialect. Give an instance to Hibernate under the {@link #INTEGRATOR_PROVIDER} setting (in Spring Boot, from a
 * {@code HibernatePropertiesCustomizer}); after the EntityManagerFactory is built, {@link #model()} has it.
 * Thread-safe.
 */
public final class HibernateMetadataCapture implements Integrator, IntegratorProvider {

    /** Hibernate's setting that takes an {@link IntegratorProvider} when a JPA EntityManagerFactory is built. */
    public static final String INTEGRATOR_PROVIDER = "hibernate.integrator_provider";

    private final AtomicReference<Metadata> captured = new AtomicReference<>();

    /** A capture that has not seen a SessionFactory yet. */
    public HibernateMetadataCapture() {
        // Filled in by Hibernate through integrate.
    }

    /** This capture, as the one integrator it provides. */
    @Override
    public List<Integrator> getIntegrators() {
        return List.of(this);
    }

    /** Keeps the metadata of the SessionFactory being built (the last one, if several are). */
    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
            SessionFactoryImplementor sessionFactory) {
        captured.set(metadata);
    }

    /** The metadata captured, if a SessionFactory was built with this capture. */
    public Optional<Metadata> metadata() {
        return Optional.ofNullable(captured.get());
    }

    /**
     * The captured mapping as a model.
     *
     * @throws IllegalStateException when no SessionFactory was built with this capture
     */
    public JpaModel model() {
        Metadata metadata = captured.get();
        if (metadata == null) {
            throw new IllegalStateException("No Hibernate SessionFactory was built with this HibernateMetadataCapture;"
                    + " set it as the '" + INTEGRATOR_PROVIDER + "' Hibernate property before the"
                    + " EntityManagerFactory is created");
        }
        return JpaModel.ofMetadata(metadata);
    }
}
