package io.samokoder.migrations.jpa;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * Builds Hibernate's boot {@link Metadata} of entity classes for a Hibernate dialect, with no database
 * connection: the dialect is given and JDBC metadata access is off.
 */
final class MetadataFactory {

    static final String DATABASE_PRODUCT_NAME = "jakarta.persistence.database-product-name";
    static final String ALLOW_JDBC_METADATA_ACCESS = "hibernate.boot.allow_jdbc_metadata_access";
    static final String PHYSICAL_NAMING_STRATEGY = "hibernate.physical_naming_strategy";
    static final String IMPLICIT_NAMING_STRATEGY = "hibernate.implicit_naming_strategy";

    private MetadataFactory() {
    }

    /**
     * The mapping of these classes.
     *
     * @param settings Hibernate settings, the dialect and naming strategies among them
     * @throws IllegalStateException when a class cannot be mapped, naming it and giving Hibernate's reason
     */
    static Metadata build(List<Class<?>> classes, ClassLoader loader, Map<String, Object> settings) {
        Map<String, Object> all = new LinkedHashMap<>(settings);
        all.put(ALLOW_JDBC_METADATA_ACCESS, false);
        BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build();
        StandardServiceRegistry registry = null;
        try {
            registry = new StandardServiceRegistryBuilder(bootstrap).applySettings(all).build();
            MetadataSources sources = new MetadataSources(registry);
            classes.forEach(sources::addAnnotatedClass);
            return sources.buildMetadata();
        } catch (RuntimeException e) {
            throw new IllegalStateException(failure(classes, e), e);
        } finally {
            if (registry != null) {
                StandardServiceRegistryBuilder.destroy(registry);
            } else {
                bootstrap.close();
            }
        }
    }

    /** Says which class failed (the one Hibernate's messages name) and Hibernate's reasons, outermost first. */
    static String failure(List<Class<?>> classes, Throwable error) {
        List<String> reasons = new ArrayList<>();
        for (Throwable t = error; t != null && reasons.size() < 5; t = t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getName() : t.getMessage();
            if (reasons.stream().noneMatch(r -> r.contains(message))) {
                reasons.add(message);
            }
        }
        String reason = String.join("; caused by: ", reasons);
        String culprit = null;
        for (Class<?> type : classes) {
            if (reason.contains(type.getName())) {
                culprit = type.getName();
                break;
            }
        }
        if (culprit == null) {
            for (Class<?> type : classes) {
                if (reason.contains("'" + type.getSimpleName() + "'") || reason.contains(type.getSimpleName() + ".")) {
                    culprit = type.getName();
                    break;
                }
            }
        }
        String which = culprit != null ? "Entity class " + culprit + " could not be mapped by Hibernate"
                : "The JPA entities " + classes.stream().map(Class::getName).toList()
                        + " could not be mapped by Hibernate";
        return which + ": " + reason + ". Fix the mapping so that Hibernate can build it (the application would"
                + " fail to start the same way).";
    }
}
