package io.samokoder.migrations.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.BeanCurrentlyInCreationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Explains a dependency cycle through the migrations: a Java revision bean that needs a bean using the
 * database (a JdbcTemplate, a JPA repository, a service built on them), which waits for the migrations the
 * revision belongs to. Spring's own report of the cycle advises circular references, which do not help.
 * Ordered ahead of Spring Boot's analyzer of cycles.
 */
final class MigrationsCycleFailureAnalyzer extends AbstractFailureAnalyzer<BeanCurrentlyInCreationException>
        implements Ordered {

    private static final List<String> MIGRATION_BEANS = List.of("migrationsInitializer", "migrations");

    @Override
    protected @Nullable FailureAnalysis analyze(Throwable rootFailure, BeanCurrentlyInCreationException cause) {
        List<String> chain = new ArrayList<>();
        boolean ours = false;
        for (Throwable t = rootFailure; t != null; t = t.getCause()) {
            if (t instanceof BeanCreationException creation && creation.getBeanName() != null) {
                if (chain.isEmpty() || !chain.get(chain.size() - 1).equals(creation.getBeanName())) {
                    chain.add(creation.getBeanName());
                }
                // The migrations' own beans, as this starter defines them (not a user's bean of that name).
                ours |= MIGRATION_BEANS.contains(creation.getBeanName()) && creation.getResourceDescription() != null
                        && creation.getResourceDescription()
                            .contains(MigrationsAutoConfiguration.class.getSimpleName());
            }
        }
        if (!ours) {
            return null;
        }
        return new FailureAnalysis("A bean the migrations need depends on the migrations themselves: "
                + String.join(" -> ", chain) + ". Beans that use the database (JdbcTemplate, JdbcClient, JPA"
                + " repositories, jOOQ, and services built on them) wait for the migrations to finish, so a Java"
                + " revision cannot take them in its constructor.",
                "In a Java revision, do JDBC work through op.connection() (the revision's own connection and"
                        + " transaction), and inject only beans that do not use the database; a bean it needs later"
                        + " can be taken as an ObjectProvider and got when the application runs.",
                cause);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
