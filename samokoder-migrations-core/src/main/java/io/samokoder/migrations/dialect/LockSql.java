package io.samokoder.migrations.dialect;

import java.util.List;
import java.util.Optional;

/**
 * The migration lock: its key and the queries that take, release and describe it. The lock is held
 * by a session in autocommit, or, where {@link #heldInTransaction()}, by an open transaction of that
 * session; either way the server frees it when the session ends. One part of a {@link Dialect}.
 */
public interface LockSql {

    /**
     * Whether the lock is a row lock held by an open transaction on the lock's connection (taken by
     * {@link #tryLockQuery(String, String)}, released by rolling back) rather than a session lock taken
     * and released in autocommit. {@code false} by default.
     */
    default boolean heldInTransaction() {
        return false;
    }

    /**
     * The tables the lock itself keeps beside the version table {@code versionTable}, which autogenerate
     * must not take for the application's (H2's lock table); none by default.
     */
    default List<String> ownTables(String versionTable) {
        return List.of();
    }

    /**
     * Statements run in autocommit before the first attempt to take the lock of a version table
     * ({@code schema} already resolved), e.g. creating a lock table and the key's row; none by default.
     * The last one's update count is positive when it created the key's row, which tells that taking the
     * lock created what {@link #tableDrop} removes.
     */
    default List<String> prepareStatements(String schema, String table, long key) {
        return List.of();
    }

    /**
     * Where the lock is a row of a table that {@link #prepareStatements} creates: how a run whose taking of the
     * lock created that table, and that failed without creating the version table, drops it again, so that bad
     * input leaves a new database as it found it; a waiter whose attempts find it gone makes it again. None by
     * default.
     */
    default Optional<LockTableDrop> tableDrop(String schema, String table) {
        return Optional.empty();
    }

    /** The lock as messages name it, e.g. {@code advisory lock 123 for public.alembic_version}. */
    default String lockName(String schema, String table, long key) {
        return "advisory lock " + key + " for " + (schema.isEmpty() ? "" : schema + ".") + table;
    }

    /**
     * The statement an administrator runs to end the session {@code sessionId} (a holder named by
     * {@link #lockHolderQuery}) and so free the lock, for messages; {@code null} (the default) where there is none.
     */
    default String endSessionStatement(int sessionId) {
        return null;
    }

    /** The key of the migration lock for a version table ({@code schema} already resolved). */
    long lockKey(String schema, String table);

    /**
     * A query with one parameter (the key) returning one row of a boolean and the session's id (its backend
     * pid, connection id): whether the lock of a version table ({@code schema} already resolved) was taken,
     * without waiting; {@code NULL} where this session holds it already, so that taking it again would exclude
     * nobody (the session is shared with another client, as behind a transaction-pooling pooler). Where
     * {@link #heldInTransaction()}, it runs in the lock connection's open transaction, and a {@code true} result
     * leaves the lock held by that transaction.
     */
    String tryLockQuery(String schema, String table);

    /**
     * Whether {@link #tryLockQuery}'s row has a third column, the session's SQL mode (MariaDB's and MySQL's
     * {@code @@SESSION.sql_mode}), for {@link Dialect#forSqlMode}. {@code false} by default.
     */
    default boolean tellsSqlMode() {
        return false;
    }

    /**
     * A query without parameters returning one boolean: whether another session holds the lock of a version
     * table ({@code schema} already resolved) now, read without taking it or waiting. Reads that do not take
     * the lock (validate, status, the dry run) use it to tell a revision being applied by a live run from one
     * left part-way. Empty by default (a database with transactional DDL, which never has to tell).
     */
    default Optional<String> heldElsewhereQuery(String schema, String table, long key) {
        return Optional.empty();
    }

    /**
     * A query with one parameter (the key) releasing a session lock; empty where
     * {@link #heldInTransaction()}: rolling back the transaction that holds the lock releases it.
     */
    Optional<String> unlockQuery();

    /**
     * A query with two parameters (the key, twice) describing the session that holds the lock of a
     * version table, columns {@code pid} (int), {@code application_name}, {@code client_addr} (text)
     * and {@code backend_start} (timestamp); no row when nobody holds it. Where
     * {@link #heldInTransaction()}, it has no parameters.
     */
    String lockHolderQuery(String schema, String table);

    /**
     * A query with one parameter (a backend pid) describing the locks that session is waiting for and
     * who holds them, columns {@code locktype}, {@code mode}, {@code relation} (text or null),
     * {@code blocker_pid}, {@code blocker_application}, {@code blocker_state}, {@code blocker_xact_start}.
     */
    String waitingLocksQuery();
}
