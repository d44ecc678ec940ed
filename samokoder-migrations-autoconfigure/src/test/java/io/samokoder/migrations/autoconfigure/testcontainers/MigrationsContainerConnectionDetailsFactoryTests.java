package io.samokoder.migrations.autoconfigure.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import io.samokoder.migrations.autoconfigure.MigrationsConnectionDetails;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.springframework.boot.testcontainers.service.connection.TestContainerConnectionSources;
import org.testcontainers.containers.JdbcDatabaseContainer;

/** The factory's logic, with a mocked container: no Docker needed. */
class MigrationsContainerConnectionDetailsFactoryTests {

    @Test
    @SuppressWarnings({ "unchecked", "rawtypes" })
    void serviceConnectionContainerGivesMigrationsConnectionDetails() throws Exception {
        JdbcDatabaseContainer<?> container = mock(JdbcDatabaseContainer.class);
        given(container.getJdbcUrl()).willReturn("jdbc:postgresql://localhost:32768/test");
        given(container.getUsername()).willReturn("test");
        given(container.getPassword()).willReturn("secret");
        given(container.getDriverClassName()).willReturn("org.postgresql.Driver");
        ContainerConnectionSource source = TestContainerConnectionSources.of(JdbcDatabaseContainer.class,
                "postgres:17", () -> container);

        Map<Class<?>, ConnectionDetails> all = new ConnectionDetailsFactories(getClass().getClassLoader())
            .getConnectionDetails(source, true);

        assertThat(all).containsKeys(MigrationsConnectionDetails.class, JdbcConnectionDetails.class);
        MigrationsConnectionDetails details = (MigrationsConnectionDetails) all.get(MigrationsConnectionDetails.class);
        ((InitializingBean) details).afterPropertiesSet();
        assertThat(details.getJdbcUrl()).isEqualTo("jdbc:postgresql://localhost:32768/test");
        assertThat(details.getUsername()).isEqualTo("test");
        assertThat(details.getPassword()).isEqualTo("secret");
        assertThat(details.getDriverClassName()).isEqualTo("org.postgresql.Driver");
    }

    @Test
    void propertiesDetailsDeriveTheDriverFromTheUrl() {
        MigrationsConnectionDetails details = new MigrationsConnectionDetails() {
            @Override
            public String getJdbcUrl() {
                return "jdbc:postgresql://localhost/app";
            }

            @Override
            public String getUsername() {
                return null;
            }

            @Override
            public String getPassword() {
                return null;
            }
        };
        assertThat(details.getDriverClassName()).isEqualTo("org.postgresql.Driver");
    }
}
