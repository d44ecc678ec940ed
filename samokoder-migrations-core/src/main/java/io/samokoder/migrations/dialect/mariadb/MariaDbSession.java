package io.samokoder.migrations.dialect.mariadb;

import io.samokoder.migrations.dialect.SessionSql;
import java.time.Duration;
import java.util.List;

/**
 * MariaDB's and MySQL's session settings: the current database as the schema, {@code CONNECTION_ID()}
 * as the backend id, the timeouts of {@link SessionTimeouts}, and the current database kept across a
 * run. There is no dead-client check: the
 * server notices a killed client when it next writes to it, and the lock is released with the session.
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

    /** The timeouts and the current database. */
    @Override
    public String currentTimeoutsQuery() {
        return this.timeouts.currentQuery() + ", DATABASE()";
    }

    /** The current database, which a revision's {@code USE} changes. */
    @Override
    public List<String> keptSettings() {
        return KEPT;
    }

    /** {@code USE} the database; none when no database was selected, since none cannot be selected again. */
    @Override
    public String restoreKeptSettingSql(String setting, String value) {
        return value == null ? null : "USE " + MariaDbDdl.backticked(value);
    }

    private static final List<String> KEPT = List.of("database");

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
