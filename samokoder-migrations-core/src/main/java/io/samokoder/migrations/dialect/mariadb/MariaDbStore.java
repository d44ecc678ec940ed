package io.samokoder.migrations.dialect.mariadb;

import io.samokoder.migrations.dialect.StoreSql;

/**
 * MariaDB's and MySQL's version and log statements. A step's row changes and its log row go as
 * separate statements, and the old state rows are deleted through a join with a derived table (the
 * server refuses a DELETE whose subquery reads the same table, error 1093).
 */
final class MariaDbStore implements StoreSql {

    static final MariaDbStore INSTANCE = new MariaDbStore();

    @Override
    public String selectVersions(String versionTable) {
        return "SELECT version_num FROM " + versionTable;
    }

    @Override
    public String insertVersion(String versionTable) {
        return "INSERT INTO " + versionTable + " (version_num) VALUES (?)";
    }

    @Override
    public String updateVersion(String versionTable) {
        return "UPDATE " + versionTable + " SET version_num = ? WHERE version_num = ?";
    }

    @Override
    public String deleteVersion(String versionTable) {
        return "DELETE FROM " + versionTable + " WHERE version_num = ?";
    }

    @Override
    public String latestLogEntries(String logTable) {
        return "SELECT l.revision, l.direction, l.checksum, l.content_hash, l.revises, l.started_at, l.duration_ms"
                + " FROM " + logTable + " l JOIN (SELECT max(id) AS id FROM " + logTable
                + " WHERE outcome = 'success' AND direction IN ('up', 'down') AND revision IS NOT NULL"
                + " GROUP BY revision) m ON m.id = l.id";
    }

    @Override
    public String insertLog(String logTable, String startedAt) {
        return "INSERT INTO " + logTable + " (revision, direction, message, file, revises,"
                + " checksum, content_hash, rows_before, rows_after, started_at, duration_ms, outcome, error)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, " + startedAt + ", ?, ?, ?)";
    }

    @Override
    public String verifiedStateQuery(String versionTable, String stateTable, String logTable) {
        return "SELECT 1, version_num, NULL, NULL FROM " + versionTable
                + " UNION ALL SELECT 2, heads, log_rows, log_last_id FROM " + stateTable
                + " WHERE fingerprint = ?"
                + " UNION ALL SELECT 3, NULL, count(*), max(id) FROM " + logTable;
    }

    @Override
    public String deleteStates(String stateTable, int keep) {
        return "DELETE s FROM " + stateTable + " s LEFT JOIN (SELECT fingerprint FROM " + stateTable
                + " ORDER BY verified_at DESC LIMIT " + keep + ") k ON k.fingerprint = s.fingerprint"
                + " WHERE s.fingerprint = ? OR k.fingerprint IS NULL";
    }

    @Override
    public String insertState(String stateTable, String logTable) {
        return "INSERT INTO " + stateTable
                + " (fingerprint, heads, log_rows, log_last_id) SELECT ?, ?, count(*), max(id) FROM " + logTable;
    }
}
