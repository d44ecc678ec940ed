package io.samokoder.migrations.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * Where migrations connect when they should not use the application's DataSource. Backed by the
 * {@code samokoder.migrations.url/user/password} properties unless a bean of this type is
 * defined, for example by a Testcontainers {@code @ServiceConnection}.
 */
public interface MigrationsConnectionDetails extends ConnectionDetails {

    /** The JDBC URL to migrate, or {@code null} to use the application's DataSource. */
    @Nullable String getJdbcUrl();

    /** The login user, or {@code null} to keep the one of the application's DataSource. */
    @Nullable String getUsername();

    /** The login password, or {@code null}. */
    @Nullable String getPassword();

    /** The JDBC driver class; by default the one that fits {@link #getJdbcUrl()}. */
    default @Nullable String getDriverClassName() {
        String url = getJdbcUrl();
        return url == null ? null : DatabaseDriver.fromJdbcUrl(url).getDriverClassName();
    }
}
