package io.samokoder.migrations.runtime;

import io.samokoder.migrations.DatabaseNotUpToDateException;
import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.schema.Schema;
import io.samokoder.migrations.schema.TableFilter;
import java.util.HashSet;
import java.util.List;

/**
 * Reads the live schema for autogenerate and {@code check}, on one connection: first the version rows,
 * which must be the heads (as a set, as Alembic checks them), then the catalog of the connection's current
 * schema without the engine's version, log and state tables (and the lock's, on H2) and the user's
 * exclusions.
 */
final class SchemaAtHeads {

    private SchemaAtHeads() {
    }

    static Schema read(MigrationsConfig config, Binding binding, List<String> heads, List<String> excludedTables) {
        Jdbc.require(config.dataSource(), "comparing the schema with the model");
        TableFilter filter = TableFilter.excluding(List.of(config.versionTable(), config.logTable(),
                config.stateTable())).andExcluding(excludedTables);
        return Jdbc.autocommit(config.dataSource(), "reading the database schema", c -> {
            Binding.Bound bound = binding.on(c);
            DbState state = DbState.read(c, bound.versions(), bound.log(), bound.tables());
            if (!new HashSet<>(state.rows()).equals(new HashSet<>(heads))) {
                throw new DatabaseNotUpToDateException(state.rows(), heads);
            }
            return bound.dialect().schemaReader().read(c,
                    filter.andExcluding(bound.dialect().lock().ownTables(config.versionTable())));
        });
    }
}
