package io.samokoder.migrations.dialect.h2;

import io.samokoder.migrations.dialect.StoreSql;
import java.util.List;

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

    /**
     * In {@code INFORMATION_SCHEMA.TABLES}, by the names as the statements quote them: H2 writes every error
     * of a file database's connections to its {@code .trace.db} file. Where H2 compares names without case
     * ({@code CASE_INSENSITIVE_IDENTIFIERS}), it compares them so there too.
     */
    @Override
    public String tablesExist(String schema, List<String> tables) {
        String whereSchema = " WHERE TABLE_SCHEMA = "
                + (schema == null ? "CURRENT_SCHEMA" : H2Ddl.INSTANCE.literal(schema));
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < tables.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("EXISTS(SELECT 1 FROM INFORMATION_SCHEMA.TABLES").append(whereSchema)
                    .append(" AND TABLE_NAME = ").append(H2Ddl.INSTANCE.literal(tables.get(i))).append(')');
        }
        return sql.toString();
    }

    /** An embedded database answers in the same process. */
    @Override
    public boolean looksUpBeforeFastStart() {
        return true;
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
