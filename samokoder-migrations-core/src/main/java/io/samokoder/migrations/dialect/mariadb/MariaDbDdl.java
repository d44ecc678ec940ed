package io.samokoder.migrations.dialect.mariadb;

import io.samokoder.migrations.MigrationConfigurationException;
import io.samokoder.migrations.dialect.Ddl;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * MariaDB's and MySQL's names (always backtick-quoted online, quoted only where needed offline),
 * literals and DDL. A schema is a database there. Offline scripts have no {@code BEGIN}/{@code COMMIT}:
 * DDL commits by itself, so Alembic writes none for MySQL either.
 */
final class MariaDbDdl implements Ddl {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");

    /** MySQL's and MariaDB's reserved words that an offline name is most likely to collide with. */
    private static final Set<String> RESERVED = Set.of("add", "all", "alter", "and", "as", "asc", "before",
            "between", "by", "call", "case", "change", "check", "column", "condition", "constraint", "create",
            "cross", "current_date", "current_time", "current_timestamp", "current_user", "database", "databases",
            "default", "delete", "desc", "describe", "distinct", "drop", "else", "exists", "explain", "false",
            "fetch", "for", "force", "foreign", "from", "fulltext", "grant", "group", "having", "if", "ignore",
            "in", "index", "inner", "insert", "interval", "into", "is", "join", "key", "keys", "kill", "leading",
            "left", "like", "limit", "lines", "load", "lock", "match", "natural", "not", "null", "on", "option",
            "or", "order", "outer", "primary", "procedure", "range", "read", "references", "rename", "repeat",
            "replace", "require", "restrict", "return", "revoke", "right", "rlike", "schema", "schemas", "select",
            "set", "show", "table", "then", "to", "trailing", "trigger", "true", "union", "unique", "update",
            "usage", "use", "using", "values", "when", "where", "while", "with", "write");

    private final SessionTimeouts timeouts;

    MariaDbDdl(SessionTimeouts timeouts) {
        this.timeouts = timeouts;
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
        return backticked(identifier);
    }

    /** The name in backticks, a backtick in it doubled. */
    static String backticked(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    /** Bare when it is lower-case letters, digits, {@code _} and {@code $}, not starting with a digit, and not reserved. */
    @Override
    public String quoteIfNeeded(String identifier) {
        boolean plain = !identifier.isEmpty() && !Character.isDigit(identifier.charAt(0));
        for (int i = 0; plain && i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
        }
        return plain && !RESERVED.contains(identifier) ? identifier : quote(identifier);
    }

    /** A literal with quotes doubled and backslashes escaped (MariaDB reads {@code \} as an escape by default). */
    @Override
    public String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** The log table; {@code started_at} holds UTC. */
    @Override
    public String createLogTable(String schema, String table) {
        return "CREATE TABLE IF NOT EXISTS " + qualify(schema, table) + " ("
                + "id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, "
                + "revision VARCHAR(255), "
                + "direction VARCHAR(16) NOT NULL, "
                + "message TEXT, "
                + "file TEXT, "
                + "revises TEXT, "
                + "checksum VARCHAR(80), "
                + "content_hash VARCHAR(64), "
                + "rows_before TEXT, "
                + "rows_after TEXT, "
                + "started_at DATETIME(6) NOT NULL, "
                + "duration_ms BIGINT NOT NULL, "
                + "db_user VARCHAR(384) NOT NULL DEFAULT (CURRENT_USER()), "
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
                + "verified_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6))";
    }

    /** {@code SET SESSION} of both timeouts ({@code local} does not apply: DDL is never in a transaction). */
    @Override
    public List<String> offlineTimeouts(Duration lockTimeout, Duration statementTimeout, boolean local) {
        return this.timeouts.offlineSet(this.timeouts.value(lockTimeout), this.timeouts.value(statementTimeout));
    }

    @Override
    public List<String> offlineResetTimeouts() {
        return this.timeouts.resetSql();
    }

    /** Empty: offline scripts for MariaDB and MySQL have no transaction statements. */
    @Override
    public String offlineBegin() {
        return "";
    }

    /** Empty, as {@link #offlineBegin()}. */
    @Override
    public String offlineCommit() {
        return "";
    }
}
