package io.samokoder.migrations.dialect.h2;

import io.samokoder.migrations.dialect.SessionSql;
import java.time.Duration;
import java.util.List;

/**
 * H2's session settings. The lock timeout is {@code SET LOCK_TIMEOUT} (milliseconds, read back with
 * {@code LOCK_TIMEOUT()}); the statement timeout is {@code SET QUERY_TIMEOUT} (milliseconds, read
 * from {@code INFORMATION_SCHEMA.SETTINGS}). Both are honoured per session: H2 has no
 * transaction-local settings, so a revision's own timeouts stay set until the next change. H2 has no
 * dead-client check (an embedded session ends with its JVM, a remote one when its socket closes).
 */
final class H2Session implements SessionSql {

    static final H2Session INSTANCE = new H2Session();

    @Override
    public String currentSchemaQuery() {
        return "SELECT CURRENT_SCHEMA";
    }

    @Override
    public String backendPidQuery() {
        return "SELECT SESSION_ID()";
    }

    /** A query without parameters returning one setting's value from {@code INFORMATION_SCHEMA.SETTINGS}. */
    @Override
    public String currentSettingQuery(String setting) {
        return "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = "
                + H2Ddl.INSTANCE.literal(setting);
    }

    /**
     * {@code SET <setting> ?}: a statement with one parameter (the value) that sets one setting for
     * the session.
     *
     * @throws IllegalArgumentException unless the name is a plain setting name such as {@code QUERY_TIMEOUT}
     */
    @Override
    public String setSettingSql(String setting) {
        if (!setting.matches("[A-Za-z_]+")) {
            throw new IllegalArgumentException("Not an H2 setting name: '" + setting + "'");
        }
        return "SET " + setting + " ?";
    }

    /**
     * {@code SET LOCK_TIMEOUT} and {@code SET QUERY_TIMEOUT} as one statement without parameters, for
     * the session whatever {@code local} says: H2 has no transaction-local settings.
     *
     * @throws NumberFormatException unless both values are milliseconds as {@link #timeoutValue} writes them
     */
    @Override
    public String setTimeoutsSql(String lockTimeout, String statementTimeout, boolean local) {
        return "SET LOCK_TIMEOUT " + Integer.parseInt(lockTimeout) + "; SET QUERY_TIMEOUT "
                + Integer.parseInt(statementTimeout);
    }

    /** The timeouts and the current schema. */
    @Override
    public String sessionSettingsQuery() {
        return "SELECT CAST(LOCK_TIMEOUT() AS VARCHAR), (SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                + " WHERE SETTING_NAME = 'QUERY_TIMEOUT'), CURRENT_SCHEMA";
    }

    /** The current schema, which a revision's {@code SET SCHEMA} changes. */
    @Override
    public List<String> keptSettings() {
        return KEPT;
    }

    @Override
    public String restoreKeptSettingSql(String setting, String value) {
        return value == null ? null : "SET SCHEMA " + H2Ddl.INSTANCE.quote(value);
    }

    private static final List<String> KEPT = List.of("schema");

    /**
     * Milliseconds; a lock timeout of zero or less means none and becomes the largest value H2 takes
     * (H2's own {@code 0} means "do not wait at all").
     */
    @Override
    public String timeoutValue(Duration timeout) {
        return lockTimeout(timeout);
    }

    /** A lock timeout in milliseconds; none becomes {@link Integer#MAX_VALUE} (about 24 days). */
    static String lockTimeout(Duration timeout) {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            return String.valueOf(Integer.MAX_VALUE);
        }
        return String.valueOf(millis(timeout));
    }

    /** A query timeout in milliseconds; {@code 0} (none) for zero or less. */
    static String queryTimeout(Duration timeout) {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            return "0";
        }
        return String.valueOf(millis(timeout));
    }

    private static long millis(Duration timeout) {
        try {
            return Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        } catch (ArithmeticException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** None: H2 has no setting that notices a client gone during a statement. */
    @Override
    public String deadClientCheckSetting() {
        return null;
    }

    @Override
    public int deadClientCheckSinceVersion() {
        return Integer.MAX_VALUE;
    }

    /** None, as there is no {@link #deadClientCheckSetting()}. */
    @Override
    public String deadClientCheckValue() {
        return null;
    }
}
