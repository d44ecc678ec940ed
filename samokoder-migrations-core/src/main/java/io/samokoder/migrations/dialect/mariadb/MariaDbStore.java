package io.samokoder.migrations.dialect.mariadb;

import io.samokoder.migrations.dialect.StoreSql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * MariaDB's and MySQL's version and log statements. A step's row changes and its log row go as
 * separate statements, except that a version row's update and the finishing of the revision's log
 * row are one multi-table UPDATE ({@link #updateVersionAndFinishLog}); the old state rows are deleted
 * through a join with a derived table (the server refuses a DELETE whose subquery reads the same
 * table, error 1093). The log's start times are {@code DATETIME(6)} in UTC, written and read as text
 * so that neither the JVM's nor the session's time zone shifts them. On MariaDB a query of the engine's
 * own tables runs inside a compound statement whose handler answers a missing table with no result
 * ({@link #queryOwnTables}): the driver logs every error the server sends at WARN, and a new database
 * is no reason for a warning.
 */
final class MariaDbStore implements StoreSql {

    /** MariaDB. */
    static final MariaDbStore INSTANCE = new MariaDbStore(true);

    /** MySQL, which runs compound statements only inside stored programs. */
    static final MariaDbStore MYSQL = new MariaDbStore(false);

    private static final int ER_PARSE_ERROR = 1064;
    private static final int ER_NO_SUCH_TABLE = 1146;

    /** Whether queries of the engine's tables run in a compound statement: on MariaDB, not on MySQL. */
    private final boolean compound;

    /**
     * The JDBC URLs whose sessions refused the compound statement (MariaDB with {@code sql_mode=ORACLE}
     * writes blocks another way): their queries run as they are.
     */
    private final Set<String> plainUrls = ConcurrentHashMap.newKeySet();

    private MariaDbStore(boolean compound) {
        this.compound = compound;
    }

    /**
     * On MariaDB, runs the query in {@code BEGIN NOT ATOMIC ... END} with a handler for a missing table
     * (SQLSTATE 42S02), which then ends the block without a result; that is raised here as error 1146,
     * which the dialect reads as a missing table, as it would the server's.
     */
    @Override
    public ResultSet queryOwnTables(Statement statement, String select) throws SQLException {
        String url = this.compound ? statement.getConnection().getMetaData().getURL() : null;
        if (url == null || this.plainUrls.contains(url)) {
            return statement.executeQuery(select);
        }
        boolean rows;
        try {
            rows = statement.execute("BEGIN NOT ATOMIC DECLARE EXIT HANDLER FOR SQLSTATE '42S02' BEGIN END; "
                    + select + "; END");
        } catch (SQLException e) {
            if (e.getErrorCode() != ER_PARSE_ERROR) {
                throw e;
            }
            this.plainUrls.add(url);
            return statement.executeQuery(select);
        }
        if (!rows) {
            throw new SQLSyntaxErrorException("A table the query reads does not exist", "42S02", ER_NO_SUCH_TABLE);
        }
        return statement.getResultSet();
    }

    /** Byte-wise: the default collations ignore case. */
    @Override
    public String exact(String expression) {
        return "BINARY " + expression;
    }

    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");

    @Override
    public String latestLogEntries(String logTable) {
        return "SELECT l.revision, l.direction, l.checksum, l.content_hash, l.revises, l.started_at, l.duration_ms"
                + " FROM " + logTable + " l JOIN (SELECT max(id) AS id FROM " + logTable
                + " WHERE outcome = 'success' AND direction IN ('up', 'down') AND revision IS NOT NULL"
                + " GROUP BY revision) m ON m.id = l.id";
    }

    @Override
    public String verifiedStateQuery(String versionTable, String stateTable, String logTable) {
        return "SELECT 1, version_num, NULL, NULL, NULL FROM " + versionTable
                + " UNION ALL SELECT 2, heads, log_rows, log_last_id, fingerprint FROM " + stateTable
                + " UNION ALL SELECT 3, NULL, count(*), max(id), NULL FROM " + logTable;
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

    @Override
    public String updateVersionAndFinishLog(String versionTable, String logTable) {
        return "UPDATE " + versionTable + " v, " + logTable + " l SET v.version_num = ?, l.outcome = ?,"
                + " l.duration_ms = ? WHERE v.version_num = ? AND l.id = ? AND l.outcome = ?";
    }

    @Override
    public void bindStartedAt(PreparedStatement ps, int index, Instant startedAt) throws SQLException {
        ps.setString(index, DATETIME.format(LocalDateTime.ofInstant(startedAt, ZoneOffset.UTC)));
    }

    @Override
    public Instant readStartedAt(ResultSet rs, int column) throws SQLException {
        String value = rs.getString(column);
        if (value == null) {
            return null;
        }
        String padded = value.length() > 19 ? (value + "000000").substring(0, 26) : value;
        return LocalDateTime.parse(padded, DATETIME).toInstant(ZoneOffset.UTC);
    }
}
