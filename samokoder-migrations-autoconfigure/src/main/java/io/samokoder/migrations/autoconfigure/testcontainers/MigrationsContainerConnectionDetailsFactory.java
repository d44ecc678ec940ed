package io.samokoder.migrations.autoconfigure.testcontainers;

import io.samokoder.migrations.autoconfigure.MigrationsConnectionDetails;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.testcontainers.containers.JdbcDatabaseContainer;

/**
 * Creates {@link MigrationsConnectionDetails} for a {@code @ServiceConnection} JDBC container, so that
 * migrations run against the container.
 */
class MigrationsContainerConnectionDetailsFactory
        extends ContainerConnectionDetailsFactory<JdbcDatabaseContainer<?>, MigrationsConnectionDetails> {

    @Override
    protected MigrationsConnectionDetails getContainerConnectionDetails(
            ContainerConnectionSource<JdbcDatabaseContainer<?>> source) {
        return new MigrationsContainerConnectionDetails(source);
    }

    /** Connection details read from the container once it has started. */
    static final class MigrationsContainerConnectionDetails extends ContainerConnectionDetails<JdbcDatabaseContainer<?>>
            implements MigrationsConnectionDetails {

        MigrationsContainerConnectionDetails(ContainerConnectionSource<JdbcDatabaseContainer<?>> source) {
            super(source);
        }

        @Override
        public String getJdbcUrl() {
            return getContainer().getJdbcUrl();
        }

        @Override
        public String getUsername() {
            return getContainer().getUsername();
        }

        @Override
        public String getPassword() {
            return getContainer().getPassword();
        }

        @Override
        public String getDriverClassName() {
            return getContainer().getDriverClassName();
        }
    }
}
