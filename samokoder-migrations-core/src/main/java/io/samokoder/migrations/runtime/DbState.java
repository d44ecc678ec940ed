package io.samokoder.migrations.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * The database state read at the start of a command: the version rows in row order and the latest
 * log entry per revision.
 *
 * @param rows the version rows
 * @param log the latest log entry of each revision
 * @param versionTableMissing whether the version table does not exist
 * @param logTableMissing whether the log table does not exist (or, with the version table missing, was not read)
 */
record DbState(List<String> rows, Map<String, LogStore.Entry> log, boolean versionTableMissing,
        boolean logTableMissing) {

    /** A state whose tables exist (or whose missing tables do not matter to the caller). */
    DbState(List<String> rows, Map<String, LogStore.Entry> log) {
        this(rows, log, false, false);
    }

    /**
     * Reads the state; a missing version or log table counts as empty (see {@link #createMissing}). The caller
     * has checked the database product ({@link ProductCheck}). Where the dialect asks
     * ({@link io.samokoder.migrations.dialect.StoreSql#tablesExist}), the tables are looked up first, so that
     * a new database does not log an error.
     */
    static DbState read(Connection connection, VersionStore versions, LogStore log, Tables tables)
            throws SQLException {
        return read(connection, versions, log, tables, false);
    }

    /**
     * {@link #read(Connection, VersionStore, LogStore, Tables)}; with {@code seen}, the tables were just read
     * (by the fast start's query) and are not looked up first.
     */
    static DbState read(Connection connection, VersionStore versions, LogStore log, Tables tables, boolean seen)
            throws SQLException {
        String lookup = seen ? null : tables.dialect().store().tablesExist();
        if (lookup != null) {
            boolean versionTable;
            boolean logTable;
            try (PreparedStatement ps = connection.prepareStatement(lookup)) {
                ps.setString(1, tables.qualifiedVersion());
                ps.setString(2, tables.qualifiedLog());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    versionTable = rs.getBoolean(1);
                    logTable = rs.getBoolean(2);
                }
            }
            if (!versionTable) {
                return new DbState(List.of(), Map.of(), true, true);
            }
            if (!logTable) {
                return new DbState(List.copyOf(versions.readRows(connection)), Map.of(), false, true);
            }
        }
        List<String> rows;
        try {
            rows = versions.readRows(connection);
        } catch (SQLException e) {
            if (!tables.dialect().isUndefinedTable(e)) {
                throw e;
            }
            // The log is not read: without a version table it is missing, or (a revision dropped the version
            // table) holds nothing but the partial attempts, which the run reads by itself.
            return new DbState(List.of(), Map.of(), true, true);
        }
        try {
            return new DbState(List.copyOf(rows), log.readLatest(connection), false, false);
        } catch (SQLException e) {
            if (!tables.dialect().isUndefinedTable(e)) {
                throw e;
            }
            return new DbState(List.copyOf(rows), Map.of(), false, true);
        }
    }

    /**
     * Whether the log may hold rows: it was read, or it was not because the version table is missing (a new
     * database, or a revision that dropped the version table while the log stayed).
     */
    boolean mayHoldLog() {
        return this.versionTableMissing || !this.logTableMissing;
    }

    /**
     * Creates the tables this state found missing: a run under the lock does, once its target resolved and its
     * checks passed, so that bad input leaves the database unchanged.
     */
    void createMissing(Connection connection, VersionStore versions, LogStore log, Tables tables)
            throws SQLException {
        if (this.versionTableMissing) {
            LoggerFactory.getLogger("io.samokoder.migrations.Migrations").info(
                    "Creating the version table {} and the log table {}", tables.versionTableName(),
                    tables.logTable());
            if (tables.dialect().executesSeveralStatements()) {
                try (Statement st = connection.createStatement()) {
                    st.execute(versions.createSql() + ";\n" + log.createSql());
                }
            } else {
                versions.create(connection);
                log.create(connection);
            }
        } else if (this.logTableMissing) {
            log.create(connection);
        }
    }
}
