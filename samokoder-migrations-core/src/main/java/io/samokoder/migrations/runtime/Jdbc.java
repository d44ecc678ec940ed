package io.samokoder.migrations.runtime;

import io.samokoder.migrations.MigrationException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/** Connection helpers: errors become {@link MigrationException}s without credentials. */
final class Jdbc {

    private Jdbc() {
    }

    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    static DataSource require(DataSource dataSource, String what) {
        if (dataSource == null) {
            throw new MigrationException("No DataSource is configured, so " + what + " is not possible; set"
                    + " MigrationsConfig.builder().dataSource(...) (only offline sql(...) works without one)");
        }
        return dataSource;
    }

    static Connection open(DataSource dataSource, String purpose) {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw failure("Could not open a database connection for " + purpose, e);
        }
    }

    /** Runs work on a fresh connection in autocommit mode, restoring the connection's mode afterwards. */
    static <T> T autocommit(DataSource dataSource, String purpose, Work<T> work) {
        try (Connection connection = open(dataSource, purpose)) {
            return autocommit(connection, purpose, work);
        } catch (SQLException e) {
            throw failure("Database error during " + purpose, e);
        }
    }

    /** Runs work on an open connection in autocommit mode, restoring its mode afterwards; leaves it open. */
    static <T> T autocommit(Connection connection, String purpose, Work<T> work) {
        try {
            boolean autoCommit = connection.getAutoCommit();
            if (!autoCommit) {
                connection.setAutoCommit(true);
            }
            try {
                return work.run(connection);
            } finally {
                if (!autoCommit) {
                    connection.setAutoCommit(false);
                }
            }
        } catch (SQLException e) {
            throw failure("Database error during " + purpose, e);
        }
    }

    /** Closes a connection, logging (at debug) instead of throwing when that fails. */
    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LoggerFactory.getLogger(Jdbc.class).debug("Could not close a connection: {}", describe(e));
        }
    }

    static MigrationException failure(String what, SQLException e) {
        return new MigrationException(what + ": " + describe(e), sanitized(e));
    }

    /**
     * A failure with the engine's tables; where their schema is missing
     * ({@link io.samokoder.migrations.dialect.Dialect#isMissingSchema}), the message says which setting
     * names it and how to fix it.
     */
    static MigrationException failure(String what, SQLException e, Tables tables) {
        if (!tables.dialect().isMissingSchema(e)) {
            return failure(what, e);
        }
        String hint = tables.schema() == null || tables.schema().isEmpty()
                ? " The connection has no current schema that exists to hold the engine's tables: name one in the"
                        + " JDBC URL (PostgreSQL's currentSchema, the database on MariaDB and MySQL) or set"
                        + " samokoder.migrations.schema, and create it if it is missing. Nothing was changed."
                : " The schema " + tables.schema() + " of the engine's tables (samokoder.migrations.schema) does not"
                        + " exist: create it (the engine creates tables, not schemas), or name one that exists."
                        + " Nothing was changed.";
        String described = describe(e);
        return new MigrationException(what + ": " + described + (described.endsWith(".") ? "" : ".") + hint,
                sanitized(e));
    }

    /** The first column of a query's first row, as text; {@code null} for none. */
    static String queryString(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** "SQLSTATE x: message" without credentials. */
    static String describe(SQLException e) {
        String state = e.getSQLState();
        return (state == null ? "" : "SQLSTATE " + state + ": ") + Redactor.redact(firstLine(e.getMessage()));
    }

    /** The first line of a driver message, without a leading severity such as {@code ERROR:}. */
    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message.trim() : message.substring(0, nl).trim();
        // H2 ends its first line with "; SQL statement:" and quotes the statement below, which the caller names.
        if (line.endsWith("; SQL statement:")) {
            line = line.substring(0, line.length() - "; SQL statement:".length());
        }
        for (String severity : new String[] {"ERROR:", "FATAL:", "PANIC:"}) {
            if (line.startsWith(severity)) {
                return line.substring(severity.length()).trim();
            }
        }
        return line;
    }

    /**
     * A copy of the error whose message has credentials removed, so that stack traces printed by
     * callers cannot leak them either.
     */
    static SQLException sanitized(SQLException e) {
        SQLException copy = new SQLException(Redactor.redact(e.getMessage()), e.getSQLState(), e.getErrorCode());
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }
}
