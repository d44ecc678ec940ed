package io.samokoder.migrations.dialect.postgresql;

import io.samokoder.migrations.dialect.LockSql;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * PostgreSQL's migration lock: a session-level advisory lock ({@code pg_try_advisory_lock}) whose
 * holder and the locks a session waits for are read from {@code pg_locks} and
 * {@code pg_stat_activity}.
 */
final class PostgresLock implements LockSql {

    static final PostgresLock INSTANCE = new PostgresLock();

    /**
     * FNV-1a (64 bit) of {@code samokoder-migrations\0<schema>\0<table>} in UTF-8: stable across
     * versions and JVMs, and free of the cryptographic provider set-up that a digest costs on a cold
     * start.
     */
    @Override
    public long lockKey(String schema, String table) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : ("samokoder-migrations\u0000" + schema + "\u0000" + table).getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /**
     * Looks in {@code pg_locks} for the key held by this backend first (a bigint key is stored as
     * {@code classid} = high 32 bits, {@code objid} = low 32 bits, {@code objsubid} = 1), and answers
     * {@code NULL} then, since {@code pg_try_advisory_lock} would take it again and exclude nobody.
     */
    @Override
    public String tryLockQuery(String schema, String table) {
        return "SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory'"
                + " AND l.pid = pg_backend_pid() AND l.objsubid = 1"
                + " AND l.classid::bigint = ((k.key >> 32) & 4294967295)"
                + " AND l.objid::bigint = (k.key & 4294967295))"
                + " THEN NULL ELSE pg_try_advisory_lock(k.key) END, pg_backend_pid() FROM (SELECT ?::bigint AS key) k";
    }

    @Override
    public String endSessionStatement(int sessionId) {
        return "SELECT pg_terminate_backend(" + sessionId + ")";
    }

    @Override
    public Optional<String> unlockQuery() {
        return Optional.of("SELECT pg_advisory_unlock(?)");
    }

    @Override
    public String lockHolderQuery(String schema, String table) {
        // A bigint advisory key is stored as classid = high 32 bits, objid = low 32 bits, objsubid = 1.
        return "SELECT a.pid, a.application_name, a.client_addr::text AS client_addr, a.backend_start"
                + " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
                + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                + " AND l.classid::bigint = ((?::bigint >> 32) & 4294967295)"
                + " AND l.objid::bigint = (?::bigint & 4294967295)";
    }

    @Override
    public String waitingLocksQuery() {
        return "SELECT w.locktype, w.mode, CASE WHEN w.relation IS NOT NULL THEN w.relation::regclass::text END"
                + " AS relation, b.pid AS blocker_pid, b.application_name AS blocker_application,"
                + " b.state AS blocker_state, b.xact_start AS blocker_xact_start"
                + " FROM pg_locks w"
                + " LEFT JOIN LATERAL unnest(pg_blocking_pids(w.pid)) AS bp(pid) ON true"
                + " LEFT JOIN pg_stat_activity b ON b.pid = bp.pid"
                + " WHERE w.pid = ? AND NOT w.granted";
    }
}
