package io.samokoder.migrations.dialect;

import io.samokoder.migrations.ops.OperationRenderer;
import io.samokoder.migrations.schema.SchemaReader;
import java.sql.SQLException;

/**
 * Everything the engine needs to know about one kind of database, in parts: {@link #ddl()} (names,
 * literals, the engine's tables, offline transactions and timeouts), {@link #store()} (the version
 * and log rows), {@link #lock()} (the migration lock), {@link #session()} (timeouts and other
 * session settings) and {@link #operations()} (Java revisions' operations as SQL); here only what
 * decides how a run goes: transactional DDL, batching, and which errors mean what. Implementations
 * are stateless and thread-safe. {@link Dialects} lists the known ones by database product.
 */
public interface Dialect {

    /** A short name for logs, e.g. {@code postgresql}. */
    String name();

    /**
     * Whether a connection's database is one this dialect serves, from its JDBC metadata, e.g.
     * {@code "PostgreSQL"}. Checked before a run touches the database.
     */
    boolean servesProduct(String databaseProductName);

    /**
     * Whether DDL statements take part in transactions (and roll back with them). Without it, every
     * revision runs statement by statement in autocommit, and one that fails part-way is refused by
     * later runs until it is resolved ({@link io.samokoder.migrations.PartialRevisionException}).
     */
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
     * Whether one JDBC call may carry several statements separated by {@code ;}, sent in one round trip
     * (and, in autocommit, run as one transaction), with the parameters of all of them in order.
     * {@code false} by default: a call per statement.
     */
    default boolean executesSeveralStatements() {
        return false;
    }

    /**
     * Whether scripts are split with MySQL's lexical rules: a backslash escapes the next character in every
     * string, {@code #} starts a comment, backticks quote names. {@code false} by default: PostgreSQL's rules.
     */
    default boolean mysqlLexicalRules() {
        return false;
    }

    /**
     * With {@link #mysqlLexicalRules()}: whether a backslash escapes the next character in strings, as it does
     * unless the session's SQL mode has {@code NO_BACKSLASH_ESCAPES} (see {@link #forSqlMode}). Literals the
     * operations render follow it too.
     */
    default boolean backslashEscapes() {
        return mysqlLexicalRules();
    }

    /**
     * With {@link #mysqlLexicalRules()}: whether {@code "..."} quotes a name rather than a string, as it does when
     * the session's SQL mode has {@code ANSI_QUOTES} (also part of {@code ANSI} and MariaDB's {@code ORACLE}).
     */
    default boolean ansiQuotes() {
        return false;
    }

    /**
     * This dialect as a session whose SQL mode is {@code sqlMode} reads SQL: MariaDB's and MySQL's
     * {@code @@SESSION.sql_mode}, which a run reads when it takes the lock ({@link LockSql#tellsSqlMode}).
     * This dialect itself by default, and for a {@code null} mode.
     */
    default Dialect forSqlMode(String sqlMode) {
        return this;
    }

    /** Whether the error means a lock timeout ran out waiting for a table or row lock. */
    boolean isLockNotAvailable(SQLException error);

    /** Whether the error means a table does not exist. */
    boolean isUndefinedTable(SQLException error);

    /**
     * Whether the error means that the schema to create or read a table in does not exist, or that the
     * connection has none (PostgreSQL's search path names none that exists; MariaDB's URL names no
     * database). None by default.
     */
    default boolean isMissingSchema(SQLException error) {
        return false;
    }

    /** Names, literals, the engine's tables' DDL, and offline transactions and timeouts. */
    Ddl ddl();

    /** The statements of the version table and the applied log. */
    StoreSql store();

    /** The migration lock. */
    LockSql lock();

    /** The work session's settings (timeouts, dead-client check). */
    SessionSql session();

    /** How the operations of Java revisions ({@code op.*}) are written as SQL for this database. */
    OperationRenderer operations();

    /**
     * How the live schema is read from this database's catalog, for {@code revision --autogenerate} and
     * {@code check}: types read back as the portable types {@link #operations()} writes them with.
     */
    SchemaReader schemaReader();
}
