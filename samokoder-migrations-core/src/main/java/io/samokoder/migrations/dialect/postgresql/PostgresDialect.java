package io.samokoder.migrations.dialect.postgresql;

import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.dialect.Ddl;
import io.samokoder.migrations.dialect.LockSql;
import io.samokoder.migrations.dialect.SessionSql;
import io.samokoder.migrations.dialect.StoreSql;
import io.samokoder.migrations.ops.OperationRenderer;
import io.samokoder.migrations.schema.SchemaReader;
import java.sql.SQLException;
import java.time.Duration;

/**
 * PostgreSQL: transactional DDL, a session-level advisory lock keyed by the version table
 * ({@link PostgresLock}), {@code lock_timeout} / {@code statement_timeout} ({@link PostgresSession}),
 * and a step's version-row changes and log row in one statement of writable CTEs
 * ({@link PostgresStore}).
 *
 * <p>Configured names must be plain identifiers: a letter or underscore, then letters, digits,
 * underscores or {@code $}, at most 63 characters. They are always double-quoted in SQL, so their
 * case is kept as written ({@link PostgresDdl}).
 */
public final class PostgresDialect implements Dialect {

    /** The single instance. */
    public static final PostgresDialect INSTANCE = new PostgresDialect();

    /** Creates the dialect; {@link #INSTANCE} is the usual way to get one. */
    public PostgresDialect() {
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public boolean servesProduct(String databaseProductName) {
        return "PostgreSQL".equalsIgnoreCase(databaseProductName);
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    /** pgjdbc sends a batch in one round trip and quotes the failed entry in its error. */
    @Override
    public boolean batchesStatements() {
        return true;
    }

    @Override
    public boolean executesSeveralStatements() {
        return true;
    }

    @Override
    public boolean isLockNotAvailable(SQLException error) {
        return "55P03".equals(error.getSQLState());
    }

    /** SQLSTATE 3F000, invalid_schema_name: a named schema is missing, or the search path names none that exists. */
    @Override
    public boolean isMissingSchema(SQLException error) {
        return "3F000".equals(error.getSQLState());
    }

    @Override
    public boolean isUndefinedTable(SQLException error) {
        return "42P01".equals(error.getSQLState()) || "3F000".equals(error.getSQLState());
    }

    // The parts are loaded on first use (a fast start needs neither the lock nor the session part).

    @Override
    public Ddl ddl() {
        return PostgresDdl.INSTANCE;
    }

    @Override
    public StoreSql store() {
        return PostgresStore.INSTANCE;
    }

    @Override
    public LockSql lock() {
        return PostgresLock.INSTANCE;
    }

    @Override
    public SessionSql session() {
        return PostgresSession.INSTANCE;
    }

    /** Shortcut for {@code ddl().qualify(schema, table)}. */
    public String qualify(String schema, String table) {
        return PostgresDdl.INSTANCE.qualify(schema, table);
    }

    /** Shortcut for {@code ddl().literal(value)}. */
    public String literal(String value) {
        return PostgresDdl.INSTANCE.literal(value);
    }

    /** Shortcut for {@code session().timeoutValue(timeout)}. */
    public String timeoutValue(Duration timeout) {
        return PostgresSession.timeout(timeout);
    }

    /** Shortcut for {@code lock().lockKey(schema, table)}. */
    public long lockKey(String schema, String table) {
        return PostgresLock.INSTANCE.lockKey(schema, table);
    }

    @Override
    public OperationRenderer operations() {
        return PostgresOperationRenderer.INSTANCE;
    }

    /** Reads {@code current_schema()} from {@code pg_catalog}. */
    @Override
    public SchemaReader schemaReader() {
        return PostgresSchemaReader.INSTANCE;
    }
}
