package io.samokoder.migrations.dialect.h2;

import io.samokoder.migrations.dialect.Ddl;
import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.dialect.LockSql;
import io.samokoder.migrations.dialect.SessionSql;
import io.samokoder.migrations.dialect.StoreSql;
import io.samokoder.migrations.ops.OperationRenderer;
import io.samokoder.migrations.schema.SchemaReader;
import java.sql.SQLException;

/**
 * H2 2.x, embedded, in memory or server ({@code AUTO_SERVER=TRUE} included). DDL is not
 * transactional: H2 commits the open transaction before a DDL statement, so a revision's DDL cannot
 * be rolled back. The migration lock is a row lock held by an open transaction ({@link H2Lock}); the
 * lock timeout is {@code SET LOCK_TIMEOUT} and the statement timeout {@code SET QUERY_TIMEOUT}, both
 * per session ({@link H2Session}).
 *
 * <p>Configured names are always double-quoted, so their case is kept as written: the default
 * {@code alembic_version} is a lower-case table, and a schema must be written as H2 stores it (H2's
 * default schema is {@code PUBLIC}).
 */
public final class H2Dialect implements Dialect {

    /** The single instance. */
    public static final H2Dialect INSTANCE = new H2Dialect();

    /** H2's error code for a lock timeout (LOCK_TIMEOUT_1). */
    private static final int LOCK_TIMEOUT = 50200;
    /** H2's error codes for a missing table (TABLE_OR_VIEW_NOT_FOUND_1, _WITH_CANDIDATES_2, _DATABASE_EMPTY_1) or schema. */
    private static final int TABLE_NOT_FOUND = 42102;
    private static final int TABLE_NOT_FOUND_WITH_CANDIDATES = 42103;
    private static final int TABLE_NOT_FOUND_DATABASE_EMPTY = 42104;
    private static final int SCHEMA_NOT_FOUND = 90079;

    /** Creates the dialect; {@link #INSTANCE} is the usual way to get one. */
    public H2Dialect() {
    }

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public boolean servesProduct(String databaseProductName) {
        return "H2".equalsIgnoreCase(databaseProductName);
    }

    /** {@code false}: H2 commits the open transaction before each DDL statement. */
    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public boolean isLockNotAvailable(SQLException error) {
        return error.getErrorCode() == LOCK_TIMEOUT;
    }

    /** Error 90079, SCHEMA_NOT_FOUND_1. */
    @Override
    public boolean isMissingSchema(SQLException error) {
        return error.getErrorCode() == SCHEMA_NOT_FOUND;
    }

    @Override
    public boolean isUndefinedTable(SQLException error) {
        int code = error.getErrorCode();
        return code == TABLE_NOT_FOUND || code == TABLE_NOT_FOUND_WITH_CANDIDATES
                || code == TABLE_NOT_FOUND_DATABASE_EMPTY || code == SCHEMA_NOT_FOUND;
    }

    @Override
    public Ddl ddl() {
        return H2Ddl.INSTANCE;
    }

    @Override
    public StoreSql store() {
        return H2Store.INSTANCE;
    }

    @Override
    public LockSql lock() {
        return H2Lock.INSTANCE;
    }

    @Override
    public SessionSql session() {
        return H2Session.INSTANCE;
    }

    @Override
    public OperationRenderer operations() {
        return H2OperationRenderer.INSTANCE;
    }

    /** Reads {@code SCHEMA()} from {@code INFORMATION_SCHEMA}, upper-case names in lower case. */
    @Override
    public SchemaReader schemaReader() {
        return H2SchemaReader.INSTANCE;
    }
}
