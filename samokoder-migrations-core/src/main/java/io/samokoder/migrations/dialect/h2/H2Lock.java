package io.samokoder.migrations.dialect.h2;

import io.samokoder.migrations.dialect.LockSql;
import io.samokoder.migrations.dialect.LockTableDrop;
import java.util.List;
import java.util.Optional;

/**
 * H2's migration lock. H2 has no advisory locks, so the lock is a row of a lock table next to the
 * version table ({@code <version table>_lock}, one row per key, created when missing), locked by an
 * UPDATE in a transaction that the lock's connection keeps open: a row lock, released when that
 * transaction rolls back or its session ends (also when the process holding it dies, whether it
 * opened the database itself or reached it through {@code AUTO_SERVER}). An attempt skips the row
 * when another session holds it ({@code FOR UPDATE SKIP LOCKED}), so waiting never blocks.
 *
 * <p>A run that created the lock table and fails before it creates the version table (bad input on a new
 * database) drops the lock table again when it has released the lock ({@link #tableDrop}), once it has
 * taken the row again and found the version table still missing: an instance that took the lock in between
 * keeps the table, whether it still holds the row or has migrated and let it go (and the drop needs the
 * table exclusively, so it would wait for that instance's transaction only until a short lock timeout). A waiter
 * whose attempts find the table dropped (H2 reports it missing, or fails the statement that was using it)
 * creates it again and goes on waiting.
 *
 * <p>The holder is found in {@code INFORMATION_SCHEMA}: the session with uncommitted changes that
 * holds a table lock on the lock table (H2 lists a session's table locks, not its row locks). H2
 * shows other sessions only to an administrator; for another user the holder is not identified.
 */
final class H2Lock implements LockSql {

    static final H2Lock INSTANCE = new H2Lock();

    /** The suffix of the lock table's name. */
    static final String SUFFIX = "_lock";

    @Override
    public boolean heldInTransaction() {
        return true;
    }

    @Override
    public List<String> ownTables(String versionTable) {
        return List.of(versionTable + SUFFIX);
    }

    /** The hash of {@code <schema>.<table>}: one key per version table (and so per lock table). */
    @Override
    public long lockKey(String schema, String table) {
        return (schema + "." + table).hashCode();
    }

    @Override
    public String lockName(String schema, String table, long key) {
        return "row " + key + " of " + (schema.isEmpty() ? "" : schema + ".") + table + SUFFIX;
    }

    @Override
    public List<String> prepareStatements(String schema, String table, long key) {
        String lockTable = lockTable(schema, table);
        return List.of("CREATE TABLE IF NOT EXISTS " + lockTable + " (lock_key BIGINT NOT NULL PRIMARY KEY,"
                + " locked_at TIMESTAMP WITH TIME ZONE)",
                "INSERT INTO " + lockTable + " (lock_key) SELECT " + key + " WHERE NOT EXISTS (SELECT 1 FROM "
                        + lockTable + " WHERE lock_key = " + key + ")");
    }

    /**
     * Drops the lock table after waiting half a second at most for the sessions using it (a waiter's attempt
     * takes it briefly; a holder keeps it, and the table then stays); not with {@code LOCK_MODE=0}, where H2
     * takes no table locks and the drop would remove the table under an instance that took the row since.
     */
    @Override
    public Optional<LockTableDrop> tableDrop(String schema, String table) {
        return Optional.of(new LockTableDrop("DROP TABLE IF EXISTS " + lockTable(schema, table),
                "SELECT CASE WHEN (SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                        + " WHERE SETTING_NAME = 'LOCK_MODE') = '0' THEN NULL ELSE LOCK_TIMEOUT() END",
                "SET LOCK_TIMEOUT ", tryLockQuery(schema, table),
                H2Store.INSTANCE.tablesExist(schema.isEmpty() ? null : schema, List.of(table))));
    }

    /**
     * Marks the key's row as locked now unless another session holds it: true when the row is this
     * transaction's. The UPDATE makes the holder visible to others (uncommitted changes, a table lock).
     */
    @Override
    public String tryLockQuery(String schema, String table) {
        String lockTable = lockTable(schema, table);
        return "SELECT COUNT(*) = 1, SESSION_ID() FROM FINAL TABLE (UPDATE " + lockTable
                + " SET locked_at = CURRENT_TIMESTAMP WHERE lock_key = (SELECT lock_key FROM " + lockTable
                + " WHERE lock_key = ? FOR UPDATE SKIP LOCKED))";
    }

    /**
     * The key's row exists and an attempt to lock it skips it ({@code FOR UPDATE SKIP LOCKED}): another
     * session's transaction holds it. Works for any user and across {@code AUTO_SERVER} processes (one server
     * keeps the row locks); run in autocommit, the probe's own row lock ends with the statement.
     */
    @Override
    public Optional<String> heldElsewhereQuery(String schema, String table, long key) {
        String lockTable = lockTable(schema, table);
        return Optional.of("SELECT EXISTS (SELECT 1 FROM " + lockTable + " WHERE lock_key = " + key + ") AND NOT EXISTS"
                + " (SELECT 1 FROM " + lockTable + " WHERE lock_key = " + key + " FOR UPDATE SKIP LOCKED)");
    }

    /** The session holding the lock: session id, user, client address and session start; no parameters. */
    @Override
    public String lockHolderQuery(String schema, String table) {
        return "SELECT s.SESSION_ID, 'H2 user ' || s.USER_NAME, s.CLIENT_ADDR, s.SESSION_START"
                + " FROM INFORMATION_SCHEMA.LOCKS l JOIN INFORMATION_SCHEMA.SESSIONS s ON s.SESSION_ID = l.SESSION_ID"
                + " WHERE l.TABLE_SCHEMA = " + H2Ddl.INSTANCE.literal(schema)
                + " AND l.TABLE_NAME = " + H2Ddl.INSTANCE.literal(table + SUFFIX)
                + " AND s.CONTAINS_UNCOMMITTED AND s.SESSION_ID <> SESSION_ID()"
                + " ORDER BY s.SESSION_START FETCH FIRST 1 ROW ONLY";
    }

    /** None: rolling back the transaction that holds the row lock releases it. */
    @Override
    public Optional<String> unlockQuery() {
        return Optional.empty();
    }

    /**
     * The session the given session waits for ({@code BLOCKER_ID} in {@code INFORMATION_SCHEMA.SESSIONS});
     * H2 does not say which lock, so the lock type reads "a lock".
     */
    @Override
    public String waitingLocksQuery() {
        return "SELECT 'a lock' AS locktype, 'waiting' AS mode, CAST(NULL AS VARCHAR) AS relation,"
                + " b.SESSION_ID AS blocker_pid, 'H2 user ' || b.USER_NAME AS blocker_application,"
                + " b.SESSION_STATE AS blocker_state, b.SESSION_START AS blocker_xact_start"
                + " FROM INFORMATION_SCHEMA.SESSIONS w JOIN INFORMATION_SCHEMA.SESSIONS b ON b.SESSION_ID = w.BLOCKER_ID"
                + " WHERE w.SESSION_ID = ?";
    }

    private static String lockTable(String schema, String table) {
        return H2Ddl.INSTANCE.qualify(schema.isEmpty() ? null : schema, table + SUFFIX);
    }
}
