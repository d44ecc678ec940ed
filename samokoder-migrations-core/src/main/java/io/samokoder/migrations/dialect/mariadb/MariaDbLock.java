package io.samokoder.migrations.dialect.mariadb;

import io.samokoder.migrations.dialect.LockSql;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The migration lock as a named user lock: {@code GET_LOCK('samokoder:<key>', 0)}, polled, and
 * {@code RELEASE_LOCK}; the server releases it when the session ends. The holder is the session
 * {@code IS_USED_LOCK} names, described from {@code information_schema.PROCESSLIST} (id,
 * {@code user@host}, what it does and for how long), with the client's {@code program_name} when the
 * driver sent one and {@code performance_schema} records it.
 */
final class MariaDbLock implements LockSql {

    static final MariaDbLock INSTANCE = new MariaDbLock();

    private static final String NAME = "CONCAT('samokoder:', ?)";

    /** FNV-1a (64 bit) of {@code samokoder-migrations\0<schema>\0<table>} in UTF-8. */
    @Override
    public long lockKey(String schema, String table) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : ("samokoder-migrations\u0000" + schema + "\u0000" + table).getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** The lock as messages name it: {@code user lock 'samokoder:<key>' for <database>.<table>}. */
    @Override
    public String lockName(String schema, String table, long key) {
        return "user lock 'samokoder:" + key + "' for " + (schema.isEmpty() ? "" : schema + ".") + table;
    }

    /**
     * {@code NULL} where {@code IS_USED_LOCK} names this session: {@code GET_LOCK} would take it again. The third
     * column is the session's SQL mode, which the run's scripts are read in.
     */
    @Override
    public String tryLockQuery(String schema, String table) {
        return "SELECT CASE WHEN IS_USED_LOCK(k.name) = CONNECTION_ID() THEN NULL ELSE GET_LOCK(k.name, 0) END,"
                + " CONNECTION_ID(), @@SESSION.sql_mode FROM (SELECT " + NAME + " AS name) k";
    }

    @Override
    public boolean tellsSqlMode() {
        return true;
    }

    /** {@code IS_USED_LOCK} names a session other than this one. */
    @Override
    public Optional<String> heldElsewhereQuery(String schema, String table, long key) {
        return Optional.of("SELECT COALESCE(IS_USED_LOCK('samokoder:" + key + "') <> CONNECTION_ID(), FALSE)");
    }

    @Override
    public String endSessionStatement(int sessionId) {
        return "KILL " + sessionId;
    }

    @Override
    public Optional<String> unlockQuery() {
        return Optional.of("SELECT RELEASE_LOCK(" + NAME + ")");
    }

    /** The second parameter (the key again) only keeps the two parameters the caller binds. */
    @Override
    public String lockHolderQuery(String schema, String table) {
        return "SELECT p.ID, CONCAT(COALESCE(CONCAT(a.ATTR_VALUE, ' '), ''), p.USER, '@', p.HOST, ', ', p.COMMAND,"
                + " ' for ', p.TIME, ' s') AS application_name, p.HOST AS client_addr, NULL AS backend_start"
                + " FROM information_schema.PROCESSLIST p"
                + " LEFT JOIN performance_schema.session_connect_attrs a"
                + " ON a.PROCESSLIST_ID = p.ID AND a.ATTR_NAME = 'program_name'"
                + " WHERE p.ID = IS_USED_LOCK(" + NAME + ") AND ? IS NOT NULL";
    }

    /**
     * What a session waits for: a row lock held by another InnoDB transaction (MariaDB's
     * {@code information_schema.INNODB_LOCK_WAITS}), or a metadata lock, as its {@code PROCESSLIST}
     * state says ("Waiting for table metadata lock"), whose holder is not named.
     */
    @Override
    public String waitingLocksQuery() {
        return "SELECT IF(w.requesting_trx_id IS NULL, 'metadata lock', 'row lock') AS locktype,"
                + " COALESCE(l.lock_mode, p.STATE) AS mode, l.lock_table AS relation,"
                + " b.trx_mysql_thread_id AS blocker_pid, CONCAT(bp.USER, '@', bp.HOST) AS blocker_application,"
                + " bp.COMMAND AS blocker_state, NULL AS blocker_xact_start"
                + " FROM information_schema.PROCESSLIST p"
                + " LEFT JOIN information_schema.INNODB_TRX r ON r.trx_mysql_thread_id = p.ID"
                + " LEFT JOIN information_schema.INNODB_LOCK_WAITS w ON w.requesting_trx_id = r.trx_id"
                + " LEFT JOIN information_schema.INNODB_LOCKS l ON l.lock_id = w.requested_lock_id"
                + " LEFT JOIN information_schema.INNODB_TRX b ON b.trx_id = w.blocking_trx_id"
                + " LEFT JOIN information_schema.PROCESSLIST bp ON bp.ID = b.trx_mysql_thread_id"
                + " WHERE p.ID = ? AND (w.requesting_trx_id IS NOT NULL OR p.STATE LIKE 'Waiting for%lock')";
    }
}
