package io.samokoder.migrations.autoconfigure;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

/**
 * A {@link DatabaseInitializerDetector} for {@link MigrationsInitializer}: beans that use the
 * database (JdbcTemplate, JdbcClient, JPA, jOOQ, ...) wait for migrations.
 */
final class MigrationsInitializerDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    /** After Flyway's (0, 1) and before Liquibase-free SQL scripts (schema.sql, data.sql). */
    static final int ORDER = 5;

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(MigrationsInitializer.class);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
