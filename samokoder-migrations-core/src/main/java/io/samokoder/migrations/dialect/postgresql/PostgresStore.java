package io.samokoder.migrations.dialect.postgresql;

import io.samokoder.migrations.dialect.StoreSql;
import io.samokoder.migrations.plan.RowChange;
import java.util.List;

/**
 * PostgreSQL's version and log statements. A step's row changes and log row go as one statement:
 * the changes are data-modifying CTEs of the log INSERT, whose start time becomes NULL (failing its
 * NOT NULL constraint) when an UPDATE or DELETE matched no row.
 */
final class PostgresStore implements StoreSql {

    static final PostgresStore INSTANCE = new PostgresStore();

    @Override
    public String latestLogEntries(String logTable) {
        return "SELECT DISTINCT ON (revision) revision, direction, checksum, content_hash, revises, started_at,"
                + " duration_ms FROM " + logTable
                + " WHERE outcome = 'success' AND direction IN ('up', 'down') AND revision IS NOT NULL"
                + " ORDER BY revision, id DESC";
    }

    /**
     * {@code to_regclass} resolves the quoted, qualified name as the statements write it, search path included,
     * and answers null for none. None where a name holds a backslash, which a literal would read according to
     * {@code standard_conforming_strings}.
     */
    @Override
    public String tablesExist(String schema, List<String> tables) {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < tables.size(); i++) {
            String name = PostgresDdl.INSTANCE.qualify(schema, tables.get(i));
            if (name.indexOf('\\') >= 0) {
                return null;
            }
            sql.append(i == 0 ? "" : ", ").append("to_regclass(").append(PostgresDdl.INSTANCE.literal(name))
                    .append(") IS NOT NULL");
        }
        return sql.toString();
    }

    @Override
    public String verifiedStateQuery(String versionTable, String stateTable, String logTable) {
        return "SELECT 1, version_num, NULL, NULL, NULL FROM " + versionTable
                + " UNION ALL SELECT 2, heads, log_rows, log_last_id, fingerprint FROM " + stateTable
                + " UNION ALL SELECT 3, NULL, count(*), max(id), NULL FROM " + logTable;
    }

    @Override
    public String deleteStates(String stateTable, int keep) {
        return "DELETE FROM " + stateTable + " WHERE fingerprint = ?"
                + " OR fingerprint NOT IN (SELECT fingerprint FROM " + stateTable + " ORDER BY verified_at DESC LIMIT "
                + keep + ")";
    }

    @Override
    public String insertState(String stateTable, String logTable) {
        return "INSERT INTO " + stateTable
                + " (fingerprint, heads, log_rows, log_last_id) SELECT ?, ?, count(*), max(id) FROM " + logTable;
    }

    @Override
    public boolean combinesChangesAndLog() {
        return true;
    }

    @Override
    public String changesAndLog(String versionTable, String logTable, List<RowChange> changes, String commit) {
        StringBuilder sql = new StringBuilder();
        StringBuilder checks = new StringBuilder();
        for (int i = 0; i < changes.size(); i++) {
            RowChange change = changes.get(i);
            sql.append(i == 0 ? "WITH " : ", ").append("c").append(i).append(" AS (");
            if (change instanceof RowChange.Insert) {
                sql.append(insertVersion(versionTable));
            } else {
                sql.append(change instanceof RowChange.Update ? updateVersion(versionTable)
                        : deleteVersion(versionTable));
                checks.append(checks.length() == 0 ? " WHERE " : " AND ")
                        .append("(SELECT count(*) FROM c").append(i).append(") = 1");
            }
            sql.append(" RETURNING 1)");
        }
        sql.append(changes.isEmpty() ? "" : " ")
                .append(insertLog(logTable, "(SELECT CAST(? AS TIMESTAMPTZ)" + checks + ")"));
        if (commit != null) {
            sql.append(";\n").append(commit);
        }
        return sql.toString();
    }
}
