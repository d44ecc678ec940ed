package io.samokoder.migrations.dialect.h2;

import io.samokoder.migrations.MigrationConfigurationException;
import io.samokoder.migrations.dialect.Ddl;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * H2's names, literals and DDL. Names are always double-quoted online, so their case is kept as
 * written (H2 folds unquoted names to upper case); offline they are bare only when H2 would read them
 * unchanged. Offline timeouts are session settings: H2 has no transaction-local ones.
 */
final class H2Ddl implements Ddl {

    static final H2Ddl INSTANCE = new H2Ddl();

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,255}");
    private static final Pattern PLAIN = Pattern.compile("[A-Z_][A-Z0-9_$]*");

    /** H2 2.x's reserved words: a name spelled like one must be quoted. */
    private static final Set<String> RESERVED = Set.of("ALL", "AND", "ANY", "ARRAY", "AS", "ASYMMETRIC",
            "AUTHORIZATION", "BETWEEN", "BOTH", "CASE", "CAST", "CHECK", "CONSTRAINT", "CROSS", "CURRENT_CATALOG",
            "CURRENT_DATE", "CURRENT_PATH", "CURRENT_ROLE", "CURRENT_SCHEMA", "CURRENT_TIME", "CURRENT_TIMESTAMP",
            "CURRENT_USER", "DAY", "DEFAULT", "DISTINCT", "ELSE", "END", "EXCEPT", "EXISTS", "FALSE", "FETCH", "FOR",
            "FOREIGN", "FROM", "FULL", "GROUP", "GROUPS", "HAVING", "HOUR", "IF", "ILIKE", "IN", "INNER", "INTERSECT",
            "INTERVAL", "IS", "JOIN", "KEY", "LEADING", "LEFT", "LIKE", "LIMIT", "LOCALTIME", "LOCALTIMESTAMP",
            "MINUS", "MINUTE", "MONTH", "NATURAL", "NOT", "NULL", "OFFSET", "ON", "OR", "ORDER", "OVER", "PARTITION",
            "PRIMARY", "QUALIFY", "RANGE", "REGEXP", "RIGHT", "ROW", "ROWNUM", "ROWS", "SECOND", "SELECT",
            "SESSION_USER", "SET", "SOME", "SYMMETRIC", "SYSTEM_USER", "TABLE", "TO", "TOP", "TRAILING", "TRUE",
            "UESCAPE", "UNION", "UNIQUE", "UNKNOWN", "USER", "USING", "VALUE", "VALUES", "WHEN", "WHERE", "WINDOW",
            "WITH", "YEAR", "_ROWID_");

    /** H2's initial session lock timeout, which an offline script restores (H2 has no RESET). */
    static final int DEFAULT_LOCK_TIMEOUT_MILLIS = 2000;

    @Override
    public void checkIdentifier(String value, String property) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            throw new MigrationConfigurationException("Invalid " + property + " '" + value + "': use a letter or"
                    + " underscore followed by letters, digits, underscores or $, at most 256 characters"
                    + " (the name is quoted, so its case is kept: H2's default schema is PUBLIC)");
        }
    }

    @Override
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Bare when H2 reads the name unchanged: upper-case letters, digits, {@code _} and {@code $}, not reserved. */
    @Override
    public String quoteIfNeeded(String identifier) {
        return PLAIN.matcher(identifier).matches() && !RESERVED.contains(identifier) ? identifier : quote(identifier);
    }

    @Override
    public String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    @Override
    public String createLogTable(String schema, String table) {
        return "CREATE TABLE IF NOT EXISTS " + qualify(schema, table) + " ("
                + "id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                + "revision VARCHAR(255), "
                + "direction VARCHAR(16) NOT NULL, "
                + "message VARCHAR, "
                + "file VARCHAR, "
                + "revises VARCHAR, "
                + "checksum VARCHAR(80), "
                + "content_hash VARCHAR(64), "
                + "rows_before VARCHAR, "
                + "rows_after VARCHAR, "
                + "started_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                + "duration_ms BIGINT NOT NULL, "
                + "db_user VARCHAR NOT NULL DEFAULT CURRENT_USER, "
                + "outcome VARCHAR(16) NOT NULL, "
                + "error VARCHAR)";
    }

    @Override
    public String createStateTable(String schema, String table) {
        return "CREATE TABLE IF NOT EXISTS " + qualify(schema, table) + " ("
                + "fingerprint VARCHAR(64) NOT NULL PRIMARY KEY, "
                + "heads VARCHAR NOT NULL, "
                + "log_rows BIGINT NOT NULL, "
                + "log_last_id BIGINT, "
                + "verified_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP)";
    }

    /** {@code SET LOCK_TIMEOUT} and {@code SET QUERY_TIMEOUT}, for the session whatever {@code local} says. */
    @Override
    public List<String> offlineTimeouts(Duration lockTimeout, Duration statementTimeout, boolean local) {
        return List.of("SET LOCK_TIMEOUT " + H2Session.lockTimeout(lockTimeout),
                "SET QUERY_TIMEOUT " + H2Session.queryTimeout(statementTimeout));
    }

    /** Back to H2's initial values: a 2000 ms lock timeout and no query timeout. */
    @Override
    public List<String> offlineResetTimeouts() {
        return List.of("SET LOCK_TIMEOUT " + DEFAULT_LOCK_TIMEOUT_MILLIS, "SET QUERY_TIMEOUT 0");
    }

    @Override
    public String offlineBegin() {
        return "BEGIN";
    }

    @Override
    public String offlineCommit() {
        return "COMMIT";
    }
}
