package io.samokoder.migrations.autoconfigure;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * Where migrations connect when they should not use the application's DataSource. Backed by the
 * {@code samokoder.migrations.url/user/password} properties unless a bean of this type is
 * defined, for example by a Testcontainers {@code @ServiceConnection}.
 */
public interface MigrationsConnectionDetails extends ConnectionDetails {

    /** The JDBC URL to migrate, or {@code null} to use the application's DataSource. */
    String getJdbcUrl();

    /** The login user, or {@code null} to keep the one of the application's DataSource. */
    String getUsername();

    /** The login password, or {@code null}. */
    String getPassword();

    /** The JDBC driver class; by default the one that fits {@link #getJdbcUrl()}. */
    default String getDriverClassName() {
        String url = getJdbcUrl();
        return url == null ? null : DatabaseDriver.fromJdbcUrl(url).getDriverClassName();
    }
}
