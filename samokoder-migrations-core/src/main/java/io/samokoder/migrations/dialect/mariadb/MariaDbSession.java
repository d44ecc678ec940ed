package io.samokoder.migrations.dialect.mariadb;

import io.samokoder.migrations.dialect.SessionSql;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * MariaDB's and MySQL's session settings: the current database as the schema, {@code CONNECTION_ID()}
 * as the backend id, the timeouts of {@link SessionTimeouts}, and the current database and the settings
 * that mysqldump's output changes kept across a run. There is no dead-client check: the
 * server notices a killed client when it next writes to it, and the lock is released with the session.
 * A host that stops answering is given up by {@code wait_timeout}, the session's idle limit, set to the
 * dead-holder timeout for the run.
 */
final class MariaDbSession implements SessionSql {

    private final SessionTimeouts timeouts;

    MariaDbSession(SessionTimeouts timeouts) {
        this.timeouts = timeouts;
    }

    @Override
    public String currentSchemaQuery() {
        return "SELECT DATABASE()";
    }

    @Override
    public String sqlModeQuery() {
        return "SELECT @@SESSION.sql_mode";
    }

    @Override
    public String backendPidQuery() {
        return "SELECT CONNECTION_ID()";
    }

    @Override
    public String currentSettingQuery(String setting) {
        return "SELECT @@SESSION." + checked(setting);
    }

    @Override
    public String setSettingSql(String setting) {
        return "SET SESSION " + checked(setting) + " = ?";
    }

    /** One {@code SET SESSION} of both timeouts; {@code local} does not apply (DDL commits by itself). */
    @Override
    public String setTimeoutsSql(String lockTimeout, String statementTimeout, boolean local) {
        return this.timeouts.setSql(lockTimeout, statementTimeout);
    }

    /** The timeouts, the current database and the other {@link #keptSettings}. */
    @Override
    public String sessionSettingsQuery() {
        return this.timeouts.currentQuery() + ", DATABASE()" + KEPT_VARIABLES;
    }

    /**
     * The current database, which a revision's {@code USE} changes, the session variables that
     * mysqldump's executable comments set (and set back at the dump's end, if that is there too): the SQL
     * mode, the time zone, the foreign key and unique checks, and the character sets of the connection;
     * and {@code wait_timeout}, which the run sets ({@link #deadHostSettings}).
     */
    @Override
    public List<String> keptSettings() {
        return KEPT;
    }

    /**
     * {@code USE} the database, none when no database was selected (none cannot be selected again); a
     * {@code SET SESSION} of a variable with its value written in, since the checks take no string {@code '1'};
     * {@code null}, to set it as a parameter, for a value of other characters than such values have.
     */
    @Override
    public String restoreKeptSettingSql(String setting, String value) {
        if (setting.equals("database")) {
            return value == null ? null : "USE " + MariaDbDdl.backticked(value);
        }
        if (value == null) {
            return "SET SESSION " + checked(setting) + " = NULL";
        }
        if (setting.equals("wait_timeout")) {
            return value.matches("[0-9]{1,9}") ? "SET SESSION wait_timeout = " + value : null;
        }
        if (setting.endsWith("_checks")) {
            return value.matches("[01]|ON|OFF") ? "SET SESSION " + checked(setting) + " = " + value : null;
        }
        return value.matches("[A-Za-z0-9_,:+./-]*") ? "SET SESSION " + checked(setting) + " = '" + value + "'" : null;
    }

    private static final List<String> KEPT = List.of("database", "sql_mode", "time_zone", "foreign_key_checks",
            "unique_checks", "character_set_client", "character_set_results", "collation_connection", "wait_timeout");

    /** The kept variables after the database, as {@link #sessionSettingsQuery} reads them. */
    private static final String KEPT_VARIABLES = ", @@SESSION.sql_mode, @@SESSION.time_zone,"
            + " @@SESSION.foreign_key_checks, @@SESSION.unique_checks, @@SESSION.character_set_client,"
            + " @@SESSION.character_set_results, @@SESSION.collation_connection, @@SESSION.wait_timeout";

    /**
     * {@code wait_timeout}, the seconds the server waits for the client's next statement before it ends the
     * session, as the timeout (rounded up; at least five seconds, above the engine's own pauses between
     * statements: a retry after a lock timeout waits up to two). A host that stops answering sends nothing,
     * so its session, and the lock with it, ends that long after its last statement finished (a statement
     * that is running goes on until it ends: the server does not ask the client meanwhile). A client that is
     * there sends its next statement at once; while a revision's own code runs, which may leave the
     * connection idle, the server's value is back ({@link #idleLimitSettings}).
     */
    @Override
    public Map<String, String> deadHostSettings(Duration timeout, int serverMajorVersion) {
        if (timeout.isZero()) {
            return Map.of();
        }
        long seconds = Math.max(MIN_IDLE_LIMIT_SECONDS, (timeout.toMillis() + 999) / 1000);
        return Map.of("wait_timeout", String.valueOf(Math.min(seconds, 31_536_000)));
    }

    @Override
    public List<String> idleLimitSettings() {
        return IDLE_LIMIT;
    }

    private static final List<String> IDLE_LIMIT = List.of("wait_timeout");

    private static final long MIN_IDLE_LIMIT_SECONDS = 5;

    /** Seconds, e.g. {@code 5} or {@code 0.25}; {@code 0} disables the timeout. */
    @Override
    public String timeoutValue(Duration timeout) {
        return this.timeouts.value(timeout);
    }

    @Override
    public String deadClientCheckSetting() {
        return null;
    }

    @Override
    public int deadClientCheckSinceVersion() {
        return Integer.MAX_VALUE;
    }

    @Override
    public String deadClientCheckValue() {
        return null;
    }

    private static String checked(String setting) {
        if (!setting.matches("[a-z_]+")) {
            throw new IllegalArgumentException("Not a session variable: " + setting);
        }
        return setting;
    }
}
