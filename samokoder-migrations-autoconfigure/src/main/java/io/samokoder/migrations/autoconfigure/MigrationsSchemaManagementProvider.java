package io.samokoder.migrations.autoconfigure;

import io.samokoder.migrations.Migrations;
import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Tells Hibernate's DDL default that a DataSource migrated by us is managed, so that it does not
 * create-drop an embedded database whose schema our revisions own: the engine's own DataSource, and one of
 * the same database through another DataSource object (the engine's built for
 * {@code samokoder.migrations.user}, or a {@code @MigrationsDataSource} bean), told by the JDBC URL each
 * connection reports. Spring Boot asks only for an embedded database, whose connections are cheap.
 */
final class MigrationsSchemaManagementProvider implements SchemaManagementProvider {

    private final ObjectProvider<Migrations> migrations;

    MigrationsSchemaManagementProvider(ObjectProvider<Migrations> migrations) {
        this.migrations = migrations;
    }

    @Override
    public SchemaManagement getSchemaManagement(DataSource dataSource) {
        String url = null;
        for (Migrations engine : this.migrations.orderedStream().toList()) {
            DataSource migrated = engine.config().dataSource();
            if (dataSource.equals(migrated)) {
                return SchemaManagement.MANAGED;
            }
            if (migrated != null) {
                url = (url != null) ? url : url(dataSource);
                if (url != null && url.equals(url(migrated))) {
                    return SchemaManagement.MANAGED;
                }
            }
        }
        return SchemaManagement.UNMANAGED;
    }

    /** The URL a connection of the DataSource reports, or {@code null} when none can be opened. */
    private static @Nullable String url(DataSource dataSource) {
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getURL);
        }
        catch (MetaDataAccessException ex) {
            return null;
        }
    }
}
