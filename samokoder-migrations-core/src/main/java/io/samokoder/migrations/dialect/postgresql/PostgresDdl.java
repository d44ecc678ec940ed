package io.samokoder.migrations.dialect.postgresql;

import io.samokoder.migrations.dialect.Ddl;
import io.samokoder.migrations.MigrationConfigurationException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** PostgreSQL's names (always double-quoted online, quoted only where needed offline), literals and DDL. */
final class PostgresDdl implements Ddl {

    static final PostgresDdl INSTANCE = new PostgresDdl();

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");

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
    public List<String> offlineTimeouts(Duration lockTimeout, Duration statementTimeout, boolean local) {
        String set = local ? "SET LOCAL " : "SET ";
        return List.of(set + "lock_timeout = " + literal(PostgresSession.timeout(lockTimeout)),
                set + "statement_timeout = " + literal(PostgresSession.timeout(statementTimeout)));
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
}
