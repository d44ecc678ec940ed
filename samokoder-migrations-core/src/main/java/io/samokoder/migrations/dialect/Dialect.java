package io.samokoder.migrations.dialect;

import java.sql.SQLException;
import java.time.Duration;

/**
 * Everything the engine needs to know about one kind of database: identifier rules and quoting,
 * the DDL of its own tables, the migration lock, timeouts, whether DDL is transactional, and how an
 * offline script opens and closes a transaction. Implementations are stateless and thread-safe.
 */
public interface Dialect {

    /** A short name for logs, e.g. {@code postgresql}. */
    String name();

    /** Whether DDL statements take part in transactions (and roll back with them). */
    boolean transactionalDdl();

    /**
     * Whether the statements of a transactional revision that return no rows may go to the server as
     * one JDBC batch: the driver must send a batch in one round trip, and its error for a failed entry
     * must quote that entry's text (otherwise the failing statement is found by running the revision
     * again statement by statement). {@code false} by default: one statement per round trip.
     */
    default boolean batchesStatements() {
        return false;
    }

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

    /** Creates the version table if it does not exist (one column {@code version_num}, primary key). */
    String createVersionTable(String schema, String table);

    /** Creates the applied log table if it does not exist. */
    String createLogTable(String schema, String table);

    /**
     * Creates, if it does not exist, the table of verified script sets: columns {@code fingerprint}
     * (text, primary key), {@code heads} (text), {@code log_rows} and {@code log_last_id} (64-bit
     * integers, the latter nullable) and {@code verified_at} (timestamp).
     */
    String createStateTable(String schema, String table);

    /** A query of one row and column: the schema that unqualified names resolve to. */
    String currentSchemaQuery();

    /** The key of the migration lock for a version table ({@code schema} already resolved). */
    long lockKey(String schema, String table);

    /** A query with one parameter (the key) returning one boolean: whether the lock was taken, without waiting. */
    String tryLockQuery();

    /** A query with one parameter (the key) releasing the lock. */
    String unlockQuery();

    /**
     * A query with one parameter (the key) describing the session that holds the lock, columns
     * {@code pid} (int), {@code application_name}, {@code client_addr} (text) and
     * {@code backend_start} (timestamp); no row when nobody holds it.
     */
    String lockHolderQuery();

    /**
     * A query with one parameter (a backend pid) describing the locks that session is waiting for and
     * who holds them, columns {@code locktype}, {@code mode}, {@code relation} (text or null),
     * {@code blocker_pid}, {@code blocker_application}, {@code blocker_state}, {@code blocker_xact_start}.
     */
    String waitingLocksQuery();

    /**
     * The session setting that makes the server notice, during a long statement, that the client
     * went away (so a killed migrator's transaction ends promptly), or {@code null} if there is none.
     */
    String deadClientCheckSetting();

    /** The first server major version that has {@link #deadClientCheckSetting()}. */
    int deadClientCheckSinceVersion();

    /** The value to set it to while migrating. */
    String deadClientCheckValue();

    /** A query of one row and column: the current session's backend pid. */
    String backendPidQuery();

    /**
     * A query with four parameters (lock timeout, whether local, statement timeout, whether local),
     * the timeouts as {@link #timeoutValue} gives them, that sets both timeouts.
     */
    String setTimeoutsQuery();

    /** A query returning the session's current lock timeout and statement timeout, in that order. */
    String currentTimeoutsQuery();

    /** A timeout as the database writes it, e.g. {@code 5000ms}; {@code 0} disables it. */
    String timeoutValue(Duration timeout);

    /** Statements for offline scripts that set the two timeouts, for the transaction or the session. */
    java.util.List<String> offlineTimeouts(Duration lockTimeout, Duration statementTimeout, boolean local);

    /** Statements for offline scripts that restore the session timeouts set by {@link #offlineTimeouts}. */
    java.util.List<String> offlineResetTimeouts();

    /** The statement that opens a transaction in an offline script. */
    String offlineBegin();

    /** The statement that commits it. */
    String offlineCommit();

    /** Whether the error means a lock timeout ran out waiting for a table or row lock. */
    boolean isLockNotAvailable(SQLException error);

    /** Whether the error means a table does not exist. */
    boolean isUndefinedTable(SQLException error);

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
