package io.samokoder.migrations.runtime;

import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.dialect.postgresql.PostgresDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The dialect of an engine and the stores that depend on it: the configured one, or, when none is
 * configured, the one detected from the first connection's metadata ({@link ProductCheck}), which
 * costs neither a round trip nor a connection: the commands detect it on a connection they open anyway
 * (the fast start's, the lock's, the read's).
 */
final class Binding {

    /** A dialect and the tables and stores written in it. */
    record Bound(Dialect dialect, Tables tables, VersionStore versions, LogStore log, FastStart fastStart) {

        static Bound of(MigrationsConfig config, Dialect dialect) {
            Tables tables = Tables.of(config, dialect);
            return new Bound(dialect, tables, new VersionStore(tables), new LogStore(tables), new FastStart(tables));
        }
    }

    private final MigrationsConfig config;
    private volatile Bound bound;

    Binding(MigrationsConfig config) {
        this.config = config;
        this.bound = config.dialect().isPresent() ? Bound.of(config, config.dialect().get()) : null;
    }

    /**
     * The binding for a connection's database, after checking that the dialect serves it (detecting
     * the dialect the first time when none is configured).
     */
    Bound on(Connection connection) throws SQLException {
        Bound b = this.bound;
        if (b == null) {
            b = Bound.of(this.config, ProductCheck.detect(connection));
            this.bound = b;
        } else {
            ProductCheck.verify(connection, b.dialect());
        }
        return b;
    }

    /**
     * Takes the migration lock on a connection whose database is checked first (and the dialect
     * detected on it, when it is not known yet): {@code first}, an open connection handed over (closed
     * here on failure), or else a new one.
     */
    MigrationLock lock(DataSource dataSource, Connection first, Duration waitTimeout) {
        Bound b;
        Connection connection = first != null ? first : Jdbc.open(dataSource, "the migration lock");
        try {
            b = on(connection);
        } catch (SQLException e) {
            Jdbc.closeQuietly(connection);
            throw Jdbc.failure("Could not read the database's metadata", e);
        } catch (RuntimeException e) {
            Jdbc.closeQuietly(connection);
            throw e;
        }
        try (FirstConnection source = new FirstConnection(dataSource, connection)) {
            return MigrationLock.acquire(source, b.tables(), waitTimeout);
        }
    }

    /** The dialect: configured or detected before, else detected on a connection of the DataSource. */
    Dialect dialect(DataSource dataSource) {
        Bound b = this.bound;
        if (b != null) {
            return b.dialect();
        }
        String what = "detecting the database's dialect";
        return Jdbc.autocommit(Jdbc.require(dataSource, what), what, c -> on(c).dialect());
    }

    /** The binding when it is known already (configured, or detected before), else {@code null}. */
    Bound known() {
        return this.bound;
    }

    /**
     * The binding for offline scripts, which connect to nothing: the configured dialect, else the one
     * an earlier command of this engine detected, else the configured offline dialect, else PostgreSQL's.
     */
    Bound offline() {
        Bound b = this.bound;
        return b != null ? b : Bound.of(this.config, this.config.offlineDialect().orElse(PostgresDialect.INSTANCE));
    }
}
