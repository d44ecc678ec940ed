package io.samokoder.migrations.runtime;

import java.sql.Connection;
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
 */
record DbState(List<String> rows, Map<String, LogStore.Entry> log) {

    /**
     * Reads the state; a missing version or log table counts as empty and is created when
     * {@code create} (a run under the lock), never otherwise. The caller has checked the database
     * product ({@link ProductCheck}).
     */
    static DbState read(Connection connection, VersionStore versions, LogStore log, Tables tables, boolean create)
            throws SQLException {
        List<String> rows;
        try {
            rows = versions.readRows(connection);
        } catch (SQLException e) {
            if (!tables.dialect().isUndefinedTable(e)) {
                throw e;
            }
            if (create) {
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
            }
            return new DbState(List.of(), Map.of());
        }
        Map<String, LogStore.Entry> entries;
        try {
            entries = log.readLatest(connection);
        } catch (SQLException e) {
            if (!tables.dialect().isUndefinedTable(e)) {
                throw e;
            }
            if (create) {
                log.create(connection);
            }
            entries = Map.of();
        }
        return new DbState(List.copyOf(rows), entries);
    }
}
