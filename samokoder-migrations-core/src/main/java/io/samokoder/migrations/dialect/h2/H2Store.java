package io.samokoder.migrations.dialect.h2;

import io.samokoder.migrations.dialect.StoreSql;

/** H2's version and log statements; a step's row changes and its log row are separate statements. */
final class H2Store implements StoreSql {

    static final H2Store INSTANCE = new H2Store();

    @Override
    public String latestLogEntries(String logTable) {
        return "SELECT revision, direction, checksum, content_hash, revises, started_at, duration_ms FROM ("
                + "SELECT revision, direction, checksum, content_hash, revises, started_at, duration_ms,"
                + " ROW_NUMBER() OVER (PARTITION BY revision ORDER BY id DESC) AS latest FROM " + logTable
                + " WHERE outcome = 'success' AND direction IN ('up', 'down') AND revision IS NOT NULL)"
                + " WHERE latest = 1";
    }

    @Override
    public String verifiedStateQuery(String versionTable, String stateTable, String logTable) {
        return "SELECT 1, version_num, CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS VARCHAR) FROM "
                + versionTable
                + " UNION ALL SELECT 2, heads, log_rows, log_last_id, fingerprint FROM " + stateTable
                + " UNION ALL SELECT 3, CAST(NULL AS VARCHAR), COUNT(*), MAX(id), CAST(NULL AS VARCHAR) FROM "
                + logTable;
    }

    @Override
    public String deleteStates(String stateTable, int keep) {
        return "DELETE FROM " + stateTable + " WHERE fingerprint = ?"
                + " OR fingerprint NOT IN (SELECT fingerprint FROM " + stateTable
                + " ORDER BY verified_at DESC FETCH FIRST " + keep + " ROWS ONLY)";
    }

    @Override
    public String insertState(String stateTable, String logTable) {
        return "INSERT INTO " + stateTable
                + " (fingerprint, heads, log_rows, log_last_id) SELECT ?, ?, COUNT(*), MAX(id) FROM " + logTable;
    }
}
