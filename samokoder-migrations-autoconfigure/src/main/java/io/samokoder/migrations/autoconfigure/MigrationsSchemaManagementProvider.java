package io.samokoder.migrations.autoconfigure;

import io.samokoder.migrations.Migrations;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;

/**
 * Tells Hibernate's DDL default that a DataSource migrated by us is managed, so that it does not
 * create-drop an embedded database whose schema our revisions own.
 */
final class MigrationsSchemaManagementProvider implements SchemaManagementProvider {

    private final ObjectProvider<Migrations> migrations;

    MigrationsSchemaManagementProvider(ObjectProvider<Migrations> migrations) {
        this.migrations = migrations;
    }

    @Override
    public SchemaManagement getSchemaManagement(DataSource dataSource) {
        return this.migrations.stream().anyMatch((engine) -> dataSource.equals(engine.config().dataSource()))
                ? SchemaManagement.MANAGED : SchemaManagement.UNMANAGED;
    }
}
