package io.samokoder.migrations.runtime;

import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.dialect.Dialect;

/** The quoted names of the engine's tables: version, log and verified script sets. */
record Tables(Dialect dialect, String schema, String versionTable, String logTable, String stateTable,
        String qualifiedVersion, String qualifiedLog, String qualifiedState) {

    static Tables of(MigrationsConfig config, Dialect d) {
        return new Tables(d, config.schema(), config.versionTable(), config.logTable(), config.stateTable(),
                d.ddl().qualify(config.schema(), config.versionTable()),
                d.ddl().qualify(config.schema(), config.logTable()),
                d.ddl().qualify(config.schema(), config.stateTable()));
    }

    /** The same tables for a dialect that writes them alike (one in another SQL mode, {@link Dialect#forSqlMode}). */
    Tables withDialect(Dialect d) {
        return new Tables(d, this.schema, this.versionTable, this.logTable, this.stateTable, this.qualifiedVersion,
                this.qualifiedLog, this.qualifiedState);
    }

    /** The version table as people read it, e.g. {@code public.alembic_version} or {@code alembic_version}. */
    String versionTableName() {
        return this.schema == null ? this.versionTable : this.schema + "." + this.versionTable;
    }
}
