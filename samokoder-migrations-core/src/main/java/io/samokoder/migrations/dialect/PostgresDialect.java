package io.samokoder.migrations.dialect;

import io.samokoder.migrations.MigrationConfigurationException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * PostgreSQL: transactional DDL, a session-level advisory lock keyed by the version table, and
 * {@code lock_timeout} / {@code statement_timeout}.
 *
 * <p>Configured names must be plain identifiers: a letter or underscore, then letters, digits,
 * underscores or {@code $}, at most 63 characters. They are always double-quoted in SQL, so their
 * case is kept as written.
 */
public final class PostgresDialect implements Dialect {

    /** The single instance. */
    public static final PostgresDialect INSTANCE = new PostgresDialect();

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");

    /** Creates the dialect; {@link #INSTANCE} is the usual way to get one. */
    public PostgresDialect() {
    }

    @Override
    public String name() {
        return "postgresql";
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
    public void checkIdentifier(String value, String property) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            throw new MigrationConfigurationException("Invalid " + property + " '" + value + "': use a letter or"
                    + " underscore followed by letters, digits, underscores or $, at most 63 characters"
                    + " (the name is quoted, so its case is kept)");
        }
    }

    @Override
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** PostgreSQL's reserved key words: an identifier spelled like one must be quoted. */
    private static final class Reserved {
        static final java.util.Set<String> WORDS = java.util.Set.of("all", "analyse", "analyze", "and", "any",
                "array", "as", "asc", "asymmetric", "authorization", "between", "binary", "both", "case", "cast",
                "check", "collate", "collation", "column", "concurrently", "constraint", "create", "cross",
                "current_catalog", "current_date", "current_role", "current_schema", "current_time",
                "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end",
                "except", "false", "fetch", "for", "foreign", "freeze", "from", "full", "grant", "group", "having",
                "ilike", "in", "initially", "inner", "intersect", "into", "is", "isnull", "join", "lateral",
                "leading", "left", "like", "limit", "localtime", "localtimestamp", "natural", "not", "notnull",
                "null", "offset", "on", "only", "or", "order", "outer", "overlaps", "placing", "primary",
                "references", "returning", "right", "select", "session_user", "similar", "some", "symmetric",
                "system_user", "table", "tablesample", "then", "to", "trailing", "true", "union", "unique", "user",
                "using", "variadic", "verbose", "when", "where", "window", "with");
    }

    /**
     * Bare when PostgreSQL reads the name unchanged: lower-case letters, digits, {@code _} and
     * {@code $}, not starting with a digit or {@code $}, and not a reserved word.
     */
    @Override
    public String quoteIfNeeded(String identifier) {
        boolean plain = !identifier.isEmpty() && !Character.isDigit(identifier.charAt(0))
                && identifier.charAt(0) != '$';
        for (int i = 0; plain && i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
        }
        return plain && !Reserved.WORDS.contains(identifier) ? identifier : quote(identifier);
    }

    @Override
    public String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    @Override
    public String createVersionTable(String schema, String table) {
        return "CREATE TABLE IF NOT EXISTS " + qualify(schema, table) + " (version_num VARCHAR(32) NOT NULL, "
                + "CONSTRAINT " + quote(table + "_pkc") + " PRIMARY KEY (version_num))";
    }

    @Override
    public String createLogTable(String schema, String table) {
        return "CREATE TABLE IF NOT EXISTS " + qualify(schema, table) + " ("
                + "id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                + "revision VARCHAR(255), "
                + "direction VARCHAR(16) NOT NULL, "
                + "message TEXT, "
                + "file TEXT, "
                + "revises TEXT, "
                + "checksum VARCHAR(80), "
                + "content_hash VARCHAR(64), "
                + "rows_before TEXT, "
                + "rows_after TEXT, "
                + "started_at TIMESTAMPTZ NOT NULL, "
                + "duration_ms BIGINT NOT NULL, "
                + "db_user TEXT NOT NULL DEFAULT current_user, "
                + "outcome VARCHAR(16) NOT NULL, "
                + "error TEXT)";
    }

    @Override
    public String createStateTable(String schema, String table) {
        return "CREATE TABLE IF NOT EXISTS " + qualify(schema, table) + " ("
                + "fingerprint VARCHAR(64) NOT NULL PRIMARY KEY, "
                + "heads TEXT NOT NULL, "
                + "log_rows BIGINT NOT NULL, "
                + "log_last_id BIGINT, "
                + "verified_at TIMESTAMPTZ NOT NULL DEFAULT now())";
    }

    @Override
    public String currentSchemaQuery() {
        return "SELECT current_schema()";
    }

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

    @Override
    public String tryLockQuery() {
        return "SELECT pg_try_advisory_lock(?)";
    }

    @Override
    public String unlockQuery() {
        return "SELECT pg_advisory_unlock(?)";
    }

    @Override
    public String lockHolderQuery() {
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

    @Override
    public String deadClientCheckSetting() {
        return "client_connection_check_interval";
    }

    @Override
    public int deadClientCheckSinceVersion() {
        return 14;
    }

    @Override
    public String deadClientCheckValue() {
        return "1000";
    }

    @Override
    public String backendPidQuery() {
        return "SELECT pg_backend_pid()";
    }

    @Override
    public String setTimeoutsQuery() {
        return "SELECT set_config('lock_timeout', ?, ?), set_config('statement_timeout', ?, ?)";
    }

    @Override
    public String currentTimeoutsQuery() {
        return "SELECT current_setting('lock_timeout'), current_setting('statement_timeout')";
    }

    @Override
    public String timeoutValue(Duration timeout) {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            return "0";
        }
        return Math.max(1, timeout.toMillis()) + "ms";
    }

    @Override
    public List<String> offlineTimeouts(Duration lockTimeout, Duration statementTimeout, boolean local) {
        String set = local ? "SET LOCAL " : "SET ";
        return List.of(set + "lock_timeout = " + literal(timeoutValue(lockTimeout)),
                set + "statement_timeout = " + literal(timeoutValue(statementTimeout)));
    }

    @Override
    public List<String> offlineResetTimeouts() {
        return List.of("RESET lock_timeout", "RESET statement_timeout");
    }

    @Override
    public String offlineBegin() {
        return "BEGIN";
    }

    @Override
    public String offlineCommit() {
        return "COMMIT";
    }

    @Override
    public boolean isLockNotAvailable(SQLException error) {
        return "55P03".equals(error.getSQLState());
    }

    @Override
    public boolean isUndefinedTable(SQLException error) {
        return "42P01".equals(error.getSQLState()) || "3F000".equals(error.getSQLState());
    }
}
