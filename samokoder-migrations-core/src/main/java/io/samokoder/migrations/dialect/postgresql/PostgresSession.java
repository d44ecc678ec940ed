package io.samokoder.migrations.dialect.postgresql;

import io.samokoder.migrations.dialect.SessionSql;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's session settings: {@code lock_timeout} and {@code statement_timeout} through
 * {@code set_config}, {@code client_connection_check_interval} (PostgreSQL 14+) as the
 * dead-client check, and the session's TCP keepalives and TCP user timeout for a host that stops answering.
 */
final class PostgresSession implements SessionSql {

    static final PostgresSession INSTANCE = new PostgresSession();

    @Override
    public String currentSchemaQuery() {
        return "SELECT current_schema()";
    }

    /**
     * On a run of many small revisions the wait for the log's flush at each commit is a large part of each
     * one's time (most of it with a synchronous standby). Other sessions see the commit at once, as before; a
     * server that crashes before the run's last commit may lose the last steps committed, each whole with its
     * version row, which the next run applies again (the run fails with its connection anyway).
     */
    @Override
    public String commitWithoutWaitSql() {
        return "SET LOCAL synchronous_commit TO off";
    }

    @Override
    public String backendPidQuery() {
        return "SELECT pg_backend_pid()";
    }

    @Override
    public String currentSettingQuery(String setting) {
        return "SELECT current_setting(" + PostgresDdl.INSTANCE.literal(setting) + ")";
    }

    @Override
    public String setSettingSql(String setting) {
        return "SELECT set_config(" + PostgresDdl.INSTANCE.literal(setting) + ", ?, false)";
    }

    @Override
    public String setTimeoutsSql(String lockTimeout, String statementTimeout, boolean local) {
        return "SELECT set_config('lock_timeout', " + PostgresDdl.INSTANCE.literal(lockTimeout) + ", " + local
                + "), set_config('statement_timeout', " + PostgresDdl.INSTANCE.literal(statementTimeout) + ", "
                + local + ")";
    }

    @Override
    public String sessionSettingsQuery() {
        StringBuilder sql = new StringBuilder(
                "SELECT current_setting('lock_timeout'), current_setting('statement_timeout')");
        for (String kept : KEPT) {
            // Missing (null) on a server without it: PostgreSQL 11 has no tcp_user_timeout.
            sql.append(", current_setting('").append(kept).append("', true)");
        }
        return sql.toString();
    }

    @Override
    public String timeoutValue(Duration timeout) {
        return timeout(timeout);
    }

    /** A timeout as PostgreSQL writes it, e.g. {@code 5000ms}; {@code 0} disables it. */
    static String timeout(Duration timeout) {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            return "0";
        }
        return Math.max(1, timeout.toMillis()) + "ms";
    }

    @Override
    public String deadClientCheckSetting() {
        return "client_connection_check_interval";
    }

    @Override
    public int deadClientCheckSinceVersion() {
        return 14;
    }

    /**
     * A quarter of a second: the lock of a killed migrator whose statement is running goes that soon to the
     * next instance; the check is one look at the socket per interval while a statement runs.
     */
    @Override
    public String deadClientCheckValue() {
        return "250";
    }

    /**
     * Keepalive probes after half the timeout without traffic, three of them a sixth of it apart, and at most
     * the timeout for data the client does not acknowledge: the server's defaults (the system's, two hours
     * and more) would keep a vanished holder's lock that long. A live client's system answers the probes
     * whatever its statements do. Ignored (and read as 0) on a Unix-domain socket; the user timeout is
     * PostgreSQL 12's.
     */
    @Override
    public Map<String, String> deadHostSettings(Duration timeout, int serverMajorVersion) {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            return Map.of();
        }
        long seconds = timeout.toSeconds();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("tcp_keepalives_idle", Math.max(1, seconds / 2) + "s");
        settings.put("tcp_keepalives_interval", Math.max(1, seconds / 6) + "s");
        settings.put("tcp_keepalives_count", "3");
        if (serverMajorVersion >= 12) {
            settings.put("tcp_user_timeout", Math.max(1000, timeout.toMillis()) + "ms");
        }
        return settings;
    }

    /**
     * The current values, read in a subquery that {@code OFFSET 0} keeps from being merged into the
     * outer query, so that they are read before the outer {@code set_config} calls change them.
     */
    @Override
    public String enterRunQuery(String lockTimeout, String statementTimeout, String deadClientCheck,
            Map<String, String> deadHost) {
        boolean check = deadClientCheck != null;
        StringBuilder kept = new StringBuilder();
        StringBuilder read = new StringBuilder();
        for (int i = 0; i < KEPT.size(); i++) {
            kept.append(", o.k").append(i);
            read.append(", current_setting('").append(KEPT.get(i)).append("', true) AS k").append(i);
        }
        StringBuilder sets = new StringBuilder(sets(lockTimeout, statementTimeout, deadClientCheck));
        for (Map.Entry<String, String> setting : deadHost.entrySet()) {
            sets.append(", set_config(").append(PostgresDdl.INSTANCE.literal(setting.getKey())).append(", ")
                    .append(PostgresDdl.INSTANCE.literal(setting.getValue())).append(", false)");
        }
        return "SELECT o.l, o.s" + (check ? ", o.c" : "") + kept + ", pg_backend_pid(), " + sets
                + " FROM (SELECT current_setting('lock_timeout') AS l, current_setting('statement_timeout') AS s"
                + (check ? ", current_setting('" + deadClientCheckSetting() + "') AS c" : "") + read + " OFFSET 0) o";
    }

    /**
     * The search path, the role and the session's user: what a revision's {@code SET search_path},
     * {@code SET ROLE} or {@code SET SESSION AUTHORIZATION} (pg_dump's output has them) changes; and the
     * {@link #deadHostSettings}, which the run changes.
     */
    @Override
    public List<String> keptSettings() {
        return KEPT;
    }

    /** No role: the session's own user's privileges. */
    @Override
    public String keptSettingFallback(String setting) {
        return setting.equals("role") ? "none" : null;
    }

    @Override
    public String leaveRunSql(String lockTimeout, String statementTimeout, String deadClientCheck,
            List<String> kept) {
        StringBuilder sql = new StringBuilder("SELECT ");
        // The session's user and the role first: the search path is then set as the session's own user.
        for (int i = kept.size() - 1; i >= 0; i--) {
            // A setting the server does not have was read as null: nothing to put back.
            if (kept.get(i) != null) {
                sql.append("set_config('").append(KEPT.get(i)).append("', ")
                        .append(PostgresDdl.INSTANCE.literal(kept.get(i))).append(", false), ");
            }
        }
        return sql.append(sets(lockTimeout, statementTimeout, deadClientCheck)).toString();
    }

    /**
     * The settings a run puts back ({@link #keptSettings}); set back last first: the TCP settings, the session's
     * user (which resets the role), the role, the search path.
     */
    private static final List<String> KEPT = List.of("search_path", "role", "session_authorization",
            "tcp_keepalives_idle", "tcp_keepalives_interval", "tcp_keepalives_count", "tcp_user_timeout");

    private String sets(String lockTimeout, String statementTimeout, String deadClientCheck) {
        PostgresDdl ddl = PostgresDdl.INSTANCE;
        return "set_config('lock_timeout', " + ddl.literal(lockTimeout) + ", false), set_config('statement_timeout', "
                + ddl.literal(statementTimeout) + ", false)" + (deadClientCheck == null ? ""
                        : ", set_config('" + deadClientCheckSetting() + "', " + ddl.literal(deadClientCheck)
                                + ", false)");
    }
}
