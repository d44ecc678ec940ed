package io.samokoder.migrations.runtime;

import java.sql.Connection;
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
 * @param logTableMissing whether the log table is known not to exist (with the version table missing, the log is
 *     not read, and it may exist where this is false)
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
        boolean[] found = seen ? null : lookUp(connection, tables, List.of(tables.versionTable(), tables.logTable()));
        if (found != null) {
            if (!found[0]) {
                return new DbState(List.of(), Map.of(), true, !found[1]);
            }
            if (!found[1]) {
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
            // The log is not read: on a new database it is missing, but where a revision dropped the version
            // table it may hold partial attempts, which the run reads by itself.
            return new DbState(List.of(), Map.of(), true, false);
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
     * The version rows alone, in row order; none when the version table is missing (looked up first where the
     * dialect looks tables up, as {@link #read(Connection, VersionStore, LogStore, Tables)} does). The log is not
     * read: for callers that show only the rows, such as {@code current} and a report's check for another
     * instance's run, so that their cost does not grow with the history.
     */
    static List<String> readRows(Connection connection, VersionStore versions, Tables tables) throws SQLException {
        boolean[] found = lookUp(connection, tables, List.of(tables.versionTable()));
        if (found != null && !found[0]) {
            return List.of();
        }
        try {
            return List.copyOf(versions.readRows(connection));
        } catch (SQLException e) {
            if (!tables.dialect().isUndefinedTable(e)) {
                throw e;
            }
            return List.of();
        }
    }

    /**
     * Whether each of these tables exists, looked up in the catalog
     * ({@link io.samokoder.migrations.dialect.StoreSql#tablesExist}); {@code null} where the dialect has no
     * such lookup.
     */
    static boolean[] lookUp(Connection connection, Tables tables, List<String> names) throws SQLException {
        String lookup = tables.dialect().store().tablesExist(tables.schema(), names);
        if (lookup == null) {
            return null;
        }
        boolean[] found = new boolean[names.size()];
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(lookup)) {
            rs.next();
            for (int i = 0; i < found.length; i++) {
                found[i] = rs.getBoolean(i + 1);
            }
        }
        return found;
    }

    /**
     * Whether the log may hold rows: it is not known to be missing (it was read, or it was not because the
     * version table is missing: a new database, or a revision that dropped the version table while the log
     * stayed).
     */
    boolean mayHoldLog() {
        return !this.logTableMissing;
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
