package io.samokoder.migrations.dialect;

import io.samokoder.migrations.plan.RowChange;
import java.util.List;

/**
 * The statements of the version table ({@code version_num}, one row per applied head) and the
 * applied log. Table names come quoted and qualified. One part of a {@link Dialect}.
 */
public interface StoreSql {

    /** The version rows in row order. */
    String selectVersions(String versionTable);

    /** Inserts a version row; one parameter, the revision. */
    String insertVersion(String versionTable);

    /** Updates a version row; parameters: the new revision, the old one. */
    String updateVersion(String versionTable);

    /** Deletes a version row; one parameter, the revision. */
    String deleteVersion(String versionTable);

    /**
     * The latest successful {@code up} or {@code down} per revision, columns {@code revision},
     * {@code direction}, {@code checksum}, {@code content_hash}, {@code revises}, {@code started_at},
     * {@code duration_ms}.
     */
    String latestLogEntries(String logTable);

    /**
     * Inserts one log row: parameters revision, direction, message, file, revises, checksum,
     * content hash, rows before, rows after, then those of {@code startedAt} (an expression), then
     * duration, outcome and error.
     */
    String insertLog(String logTable, String startedAt);

    /**
     * Whether {@link #changesAndLog} is available: a step's version-row changes and its log row in
     * one statement. {@code false} by default.
     */
    default boolean combinesChangesAndLog() {
        return false;
    }

    /**
     * A step's version-row changes and its log row as one statement, followed, when {@code commit}
     * is not {@code null}, by that statement, for one round trip. Parameters: those of each change in
     * order (as in {@link #insertVersion}, {@link #updateVersion}, {@link #deleteVersion}), then those
     * of {@link #insertLog}, whose start-time parameter becomes NULL, failing the NOT NULL constraint
     * (SQLSTATE 23502), when an UPDATE or DELETE matched no row. Changes must not touch one revision
     * twice.
     *
     * @throws UnsupportedOperationException unless {@link #combinesChangesAndLog()}
     */
    default String changesAndLog(String versionTable, String logTable, List<RowChange> changes, String commit) {
        throw new UnsupportedOperationException("changesAndLog");
    }
}
