package io.samokoder.migrations.dialect;

import java.time.Duration;
import java.util.List;

/**
 * How a database writes names, literals and the engine's own tables, and how an offline script opens
 * and closes a transaction and sets timeouts. One part of a {@link Dialect}.
 */
public interface Ddl {

    /**
     * Checks a configured schema or table name.
     *
     * @param value the name
     * @param property the configuration property it came from, for the message
     * @throws io.samokoder.migrations.MigrationConfigurationException if the name is not allowed
     */
    void checkIdentifier(String value, String property);

    /** Quotes a name that passed {@link #checkIdentifier}. */
    String quote(String identifier);

    /** The quoted, schema-qualified table name; an unqualified one when {@code schema} is {@code null}. */
    default String qualify(String schema, String table) {
        return schema == null ? quote(table) : quote(schema) + "." + quote(table);
    }

    /** A string literal holding {@code value}, for offline scripts. */
    String literal(String value);

    /**
     * Creates the version table if it does not exist: Alembic's one column {@code version_num}
     * ({@code VARCHAR(32)}) and its primary key {@code <table>_pkc}; standard SQL by default.
     */
    default String createVersionTable(String schema, String table) {
        return "CREATE TABLE IF NOT EXISTS " + qualify(schema, table) + " (version_num VARCHAR(32) NOT NULL, "
                + "CONSTRAINT " + quote(table + "_pkc") + " PRIMARY KEY (version_num))";
    }

    /** Creates the applied log table if it does not exist. */
    String createLogTable(String schema, String table);

    /**
     * Creates, if it does not exist, the table of verified script sets: columns {@code fingerprint}
     * (text, primary key), {@code heads} (text), {@code log_rows} and {@code log_last_id} (64-bit
     * integers, the latter nullable) and {@code verified_at} (timestamp).
     */
    String createStateTable(String schema, String table);

    /** Statements for offline scripts that set the two timeouts, for the transaction or the session. */
    List<String> offlineTimeouts(Duration lockTimeout, Duration statementTimeout, boolean local);

    /** Statements for offline scripts that restore the session timeouts set by {@link #offlineTimeouts}. */
    List<String> offlineResetTimeouts();

    /**
     * The statement that opens a transaction in an offline script; empty for a database without
     * transactional DDL, whose offline scripts have no transactions.
     */
    String offlineBegin();

    /** The statement that commits it; empty as {@link #offlineBegin()}. */
    String offlineCommit();

    /**
     * An identifier as offline scripts write it, the way SQLAlchemy renders it for this database:
     * bare when the database would read it unchanged, quoted otherwise (upper-case letters, other
     * characters, reserved words).
     */
    default String quoteIfNeeded(String identifier) {
        return quote(identifier);
    }

    /** A schema-qualified table name for offline scripts, quoted only where needed. */
    default String offlineQualify(String schema, String table) {
        return schema == null ? quoteIfNeeded(table) : quoteIfNeeded(schema) + "." + quoteIfNeeded(table);
    }

    /**
     * The version table's DDL as Alembic's offline mode writes it: {@code CREATE TABLE alembic_version
     * (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))}
     * laid out on lines as SQLAlchemy does.
     */
    default String offlineCreateVersionTable(String schema, String table) {
        return "CREATE TABLE " + offlineQualify(schema, table) + " (\n    version_num VARCHAR(32) NOT NULL, \n"
                + "    CONSTRAINT " + quoteIfNeeded(table + "_pkc") + " PRIMARY KEY (version_num)\n)";
    }
}
