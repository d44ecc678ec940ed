package io.samokoder.migrations.dialect;

import io.samokoder.migrations.plan.RowChange;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The statements of the version table ({@code version_num}, one row per applied head), the applied
 * log and the fast start's table of verified script sets. Table names come quoted and qualified.
 * One part of a {@link Dialect}.
 */
public interface StoreSql {

    /**
     * A text expression as compared exactly, case included, where revision ids are matched in the log; as it
     * is by default. MariaDB's default collations ignore case, which would take revision "Pa" for "pa".
     */
    default String exact(String expression) {
        return expression;
    }

    /** The version rows in row order; standard SQL by default. */
    default String selectVersions(String versionTable) {
        return "SELECT version_num FROM " + versionTable;
    }

    /** Inserts a version row; one parameter, the revision. Standard SQL by default. */
    default String insertVersion(String versionTable) {
        return "INSERT INTO " + versionTable + " (version_num) VALUES (?)";
    }

    /** Updates a version row; parameters: the new revision, the old one. Standard SQL by default. */
    default String updateVersion(String versionTable) {
        return "UPDATE " + versionTable + " SET version_num = ? WHERE version_num = ?";
    }

    /** Deletes a version row; one parameter, the revision. Standard SQL by default. */
    default String deleteVersion(String versionTable) {
        return "DELETE FROM " + versionTable + " WHERE version_num = ?";
    }

    /**
     * The latest successful {@code up} or {@code down} per revision, columns {@code revision},
     * {@code direction}, {@code checksum}, {@code content_hash}, {@code revises}, {@code started_at},
     * {@code duration_ms}.
     */
    String latestLogEntries(String logTable);

    /**
     * Inserts one log row: parameters revision, direction, message, file, revises, checksum,
     * content hash, rows before, rows after, then those of {@code startedAt} (an expression), then
     * duration, outcome and error. Standard SQL by default.
     */
    default String insertLog(String logTable, String startedAt) {
        return "INSERT INTO " + logTable + " (revision, direction, message, file, revises,"
                + " checksum, content_hash, rows_before, rows_after, started_at, duration_ms, outcome, error)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, " + startedAt + ", ?, ?, ?)";
    }

    /**
     * Runs a query of the engine's own tables, any of which may be missing (a new database): its result set,
     * or, for a missing table, an error that {@link Dialect#isUndefinedTable} recognises. By default the
     * driver's own error; a dialect whose driver logs every server error (MariaDB's, at WARN) may have the
     * server answer without one and raise that error itself.
     */
    default ResultSet queryOwnTables(Statement statement, String select) throws SQLException {
        return statement.executeQuery(select);
    }

    /**
     * A query whose one row holds a boolean per table, in order: whether it exists, looked up in the catalog
     * rather than queried, for a dialect whose server or driver logs a query of a missing table as an error,
     * so that a new database leaves none. The lookup may take a table for existing where a query would not
     * find it (the query then fails as it would without the lookup), never the reverse. {@code null} by
     * default: the tables are queried as they are, and a missing one is known from the error.
     *
     * @param schema the configured schema, or {@code null} for the session's current one
     * @param tables the tables' names as configured
     */
    default String tablesExist(String schema, List<String> tables) {
        return null;
    }

    /**
     * Whether the fast start's query, too, waits for {@link #tablesExist}: where the lookup costs next to
     * nothing (H2, mostly in the same process), so that not even a new database's first start logs an error.
     * {@code false} by default: every no-op start would pay a second round trip.
     */
    default boolean looksUpBeforeFastStart() {
        return false;
    }

    /**
     * The fast start's one query, from one snapshot, without parameters: rows of five columns, the
     * first saying what the row is: {@code 1} a version row (its {@code version_num} second), {@code 2}
     * a state row ({@code heads}, {@code log_rows}, {@code log_last_id}, {@code fingerprint}), {@code 3}
     * the log's row count and largest id (third and fourth). Every state row is read (a few are kept),
     * so that the scripts' fingerprint is taken only when one of them could match.
     */
    String verifiedStateQuery(String versionTable, String stateTable, String logTable);

    /**
     * Deletes, with one parameter (a fingerprint), that fingerprint's state row and every row but the
     * {@code keep} latest by {@code verified_at}.
     */
    String deleteStates(String stateTable, int keep);

    /**
     * Inserts a state row with two parameters (fingerprint, heads) and the log's current row count
     * and largest id.
     */
    String insertState(String stateTable, String logTable);

    /**
     * Whether {@link #changesAndLog} is available: a step's version-row changes and its log row in
     * one statement. {@code false} by default.
     */
    default boolean combinesChangesAndLog() {
        return false;
    }

    /**
     * A step's version-row changes and its log row as one statement, followed, when {@code commit}
     * is not {@code null}, by that text (statements ending with the commit), for one round trip.
     * Parameters: those of each change in order (as in {@link #insertVersion}, {@link #updateVersion},
     * {@link #deleteVersion}), then those of {@link #insertLog}, whose start-time parameter becomes NULL,
     * failing the NOT NULL constraint (SQLSTATE 23502), when an UPDATE or DELETE matched no row. Changes must not touch one revision
     * twice. The text may depend only on the tables, the kinds of the changes in order and
     * {@code commit}, never on their revisions: a run prepares it once per such shape and reuses it
     * for every step of that shape.
     *
     * @throws UnsupportedOperationException unless {@link #combinesChangesAndLog()}
     */
    default String changesAndLog(String versionTable, String logTable, List<RowChange> changes, String commit) {
        throw new UnsupportedOperationException("changesAndLog");
    }

    /**
     * One statement that updates a version row and finishes a log row, both or neither, for a
     * revision run in autocommit on a database without transactional DDL; {@code null} (the default)
     * when the database has none. Parameters: the new revision, the log row's new outcome, its
     * duration, the old revision, the log row's id and its current outcome. It matches, and changes,
     * both rows or none: none when either is missing.
     */
    default String updateVersionAndFinishLog(String versionTable, String logTable) {
        return null;
    }

    /**
     * Binds a log row's start time. By default an {@link OffsetDateTime} in UTC, for a column that
     * holds time zones.
     */
    default void bindStartedAt(PreparedStatement ps, int index, Instant startedAt) throws SQLException {
        ps.setObject(index, OffsetDateTime.ofInstant(startedAt, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    }

    /** Reads a log row's start time as {@link #bindStartedAt} wrote it; {@code null} for SQL NULL. */
    default Instant readStartedAt(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
