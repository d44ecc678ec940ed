package io.samokoder.migrations.dialect;

/**
 * The migration lock: its key and the queries that take, release and describe it. The lock is held
 * by a session in autocommit and is freed by the server when that session ends. One part of a
 * {@link Dialect}.
 */
public interface LockSql {

    /** The key of the migration lock for a version table ({@code schema} already resolved). */
    long lockKey(String schema, String table);

    /** A query with one parameter (the key) returning one boolean: whether the lock was taken, without waiting. */
    String tryLockQuery();

    /** A query with one parameter (the key) releasing the lock. */
    String unlockQuery();

    /**
     * A query with one parameter (the key) describing the session that holds the lock, columns
     * {@code pid} (int), {@code application_name}, {@code client_addr} (text) and
     * {@code backend_start} (timestamp); no row when nobody holds it.
     */
    String lockHolderQuery();

    /**
     * A query with one parameter (a backend pid) describing the locks that session is waiting for and
     * who holds them, columns {@code locktype}, {@code mode}, {@code relation} (text or null),
     * {@code blocker_pid}, {@code blocker_application}, {@code blocker_state}, {@code blocker_xact_start}.
     */
    String waitingLocksQuery();
}
