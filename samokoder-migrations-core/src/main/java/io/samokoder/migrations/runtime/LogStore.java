package io.samokoder.migrations.runtime;

import io.samokoder.migrations.LogEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The applied log: one row per executed step (and per failed attempt that was given up), with the
 * revision, direction, checksum, raw content hash, {@code Revises} as applied, start time, duration,
 * database user and outcome.
 */
final class LogStore {

    static final String UP = "up";
    static final String DOWN = "down";
    static final String STAMP = "stamp";
    static final String SUCCESS = "success";
    static final String FAILED = "failed";

    /** The latest successful up or down of one revision. */
    record Entry(String revision, String direction, String checksum, String contentHash, String revises,
            Instant startedAt, long durationMillis) {

        boolean applied() {
            return UP.equals(this.direction);
        }
    }

    /** One row to write. */
    record Row(String revision, String direction, String message, String file, String revises, String checksum,
            String contentHash, String rowsBefore, String rowsAfter, Instant startedAt, long durationMillis,
            String outcome, String error) {
    }

    private final Tables tables;

    LogStore(Tables tables) {
        this.tables = tables;
    }

    void create(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(createSql());
        }
    }

    /** The statement that creates the table if it is missing. */
    String createSql() {
        return this.tables.dialect().ddl().createLogTable(this.tables.schema(), this.tables.logTable());
    }

    /** The latest successful up or down per revision; throws the driver's error when the table is missing. */
    Map<String, Entry> readLatest(Connection connection) throws SQLException {
        Map<String, Entry> entries = new HashMap<>();
        String sql = this.tables.dialect().store().latestLogEntries(this.tables.qualifiedLog());
        try (Statement st = connection.createStatement();
                ResultSet rs = this.tables.dialect().store().queryOwnTables(st, sql)) {
            while (rs.next()) {
                Entry e = new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), this.tables.dialect().store().readStartedAt(rs, 6), rs.getLong(7));
                entries.put(e.revision(), e);
            }
        }
        return entries;
    }

    /**
     * The latest rows, newest first, at most {@code limit}, past the {@code offset} newest; throws the driver's error
     * when the table is missing.
     */
    List<LogEntry> readRecent(Connection connection, int limit, int offset) throws SQLException {
        String sql = "SELECT id, revision, direction, message, revises, checksum, started_at, duration_ms, db_user,"
                + " outcome, error FROM " + this.tables.qualifiedLog() + " ORDER BY id DESC";
        List<LogEntry> entries = new ArrayList<>();
        try (Statement st = connection.createStatement()) {
            // Skipped on the client: one statement for every dialect, and a page is a few dozen rows.
            st.setMaxRows((int) Math.min(Integer.MAX_VALUE, (long) limit + offset));
            try (ResultSet rs = this.tables.dialect().store().queryOwnTables(st, sql)) {
                for (int i = 0; i < offset && rs.next(); i++) {
                    // passed over
                }
                while (rs.next()) {
                    entries.add(new LogEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), this.tables.dialect().store().readStartedAt(rs, 7),
                            rs.getLong(8), rs.getString(9), rs.getString(10), rs.getString(11)));
                }
            }
        }
        return entries;
    }

    void insert(Connection connection, Row row) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(insertSql())) {
            bind(ps, 1, row);
            ps.executeUpdate();
        }
    }

    /** {@link #insert(Connection, Row)} with the run's prepared statement. */
    void insert(RunStatements statements, Row row) throws SQLException {
        PreparedStatement ps = statements.get("log-insert");
        if (ps == null) {
            ps = statements.prepare("log-insert", insertSql());
        }
        bind(ps, 1, row);
        ps.executeUpdate();
    }

    /** Deletes one row by its id. */
    void delete(Connection connection, long id) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(deleteSql())) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    /** {@link #delete(Connection, long)} with the run's prepared statement. */
    void delete(RunStatements statements, long id) throws SQLException {
        PreparedStatement ps = statements.get("log-delete");
        if (ps == null) {
            ps = statements.prepare("log-delete", deleteSql());
        }
        ps.setLong(1, id);
        ps.executeUpdate();
    }

    private String deleteSql() {
        return "DELETE FROM " + this.tables.qualifiedLog() + " WHERE id = ?";
    }

    /** The INSERT of one row, with 13 parameters that {@link #bind} sets. */
    String insertSql() {
        return this.tables.dialect().store().insertLog(this.tables.qualifiedLog(), "?");
    }

    /** Sets the parameters of {@link #insertSql()} from {@code first} on. */
    void bind(PreparedStatement ps, int first, Row row) throws SQLException {
        int i = first;
        ps.setString(i++, row.revision());
        ps.setString(i++, row.direction());
        ps.setString(i++, row.message());
        ps.setString(i++, row.file());
        ps.setString(i++, row.revises());
        ps.setString(i++, row.checksum());
        ps.setString(i++, row.contentHash());
        ps.setString(i++, row.rowsBefore());
        ps.setString(i++, row.rowsAfter());
        this.tables.dialect().store().bindStartedAt(ps, i++, row.startedAt());
        ps.setLong(i++, row.durationMillis());
        ps.setString(i++, row.outcome());
        ps.setString(i, row.error());
    }
}
