package io.samokoder.migrations.test;

import io.samokoder.migrations.dialect.Dialects;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * MariaDB's and MySQL's {@code information_schema}: tables (engine, collation, comment), columns (type,
 * nullability, default, extra, generation, collation, comment), indexes, constraints, views, sequences (their
 * options read from each sequence's row), routines, events, triggers and grants (on the database, its tables,
 * views, columns and routines) of the connection's current database.
 */
final class MariaDbCatalogReader extends InformationSchemaReader {

    private static final String TABLES = "SELECT TABLE_NAME, TABLE_TYPE, ENGINE, TABLE_COLLATION, TABLE_COMMENT"
            + " FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()";

    private static final String VIEWS = "SELECT TABLE_NAME, VIEW_DEFINITION"
            + " FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE()";

    private static final String COLUMNS = "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT,"
            + " EXTRA, GENERATION_EXPRESSION, COLLATION_NAME, COLUMN_COMMENT"
            + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()";

    private static final String INDEXES = "SELECT INDEX_NAME, TABLE_NAME, NON_UNIQUE, INDEX_TYPE,"
            + " GROUP_CONCAT(CONCAT(COLUMN_NAME, IFNULL(CONCAT('(', SUB_PART, ')'), ''),"
            + "   IF(COLLATION = 'D', ' DESC', '')) ORDER BY SEQ_IN_INDEX SEPARATOR ', ')"
            + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
            + " GROUP BY TABLE_NAME, INDEX_NAME, NON_UNIQUE, INDEX_TYPE";

    private static final String KEY_COLUMNS = "FROM information_schema.KEY_COLUMN_USAGE k"
            + " WHERE k.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA AND k.TABLE_NAME = c.TABLE_NAME"
            + " AND k.CONSTRAINT_NAME = c.CONSTRAINT_NAME";

    private static final String CONSTRAINTS = "SELECT c.CONSTRAINT_NAME, c.TABLE_NAME, c.CONSTRAINT_TYPE,"
            + " (SELECT GROUP_CONCAT(k.COLUMN_NAME ORDER BY k.ORDINAL_POSITION SEPARATOR ', ') " + KEY_COLUMNS + "),"
            + " (SELECT MAX(k.REFERENCED_TABLE_NAME) " + KEY_COLUMNS + "),"
            + " (SELECT GROUP_CONCAT(k.REFERENCED_COLUMN_NAME ORDER BY k.ORDINAL_POSITION SEPARATOR ', ') "
            + KEY_COLUMNS + "),"
            + " r.UPDATE_RULE, r.DELETE_RULE, ch.CHECK_CLAUSE"
            + " FROM information_schema.TABLE_CONSTRAINTS c"
            + " LEFT JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA"
            + "   AND r.TABLE_NAME = c.TABLE_NAME AND r.CONSTRAINT_NAME = c.CONSTRAINT_NAME"
            + " LEFT JOIN information_schema.CHECK_CONSTRAINTS ch ON c.CONSTRAINT_TYPE = 'CHECK'"
            + "   AND ch.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA AND ch.CONSTRAINT_NAME = c.CONSTRAINT_NAME";

    /** MariaDB's check names are unique per table, and its CHECK_CONSTRAINTS says which table; MySQL's per schema. */
    private static final String MARIADB_CHECK_TABLE = " AND ch.TABLE_NAME = c.TABLE_NAME";

    private static final String WHERE_CONSTRAINTS = " WHERE c.CONSTRAINT_SCHEMA = DATABASE()";

    private static final String ROUTINES = "SELECT ROUTINE_TYPE, ROUTINE_NAME, DTD_IDENTIFIER, ROUTINE_DEFINITION"
            + " FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()";

    /**
     * Scheduled events; not their start, end or one-time moment, which the server computes when the event is
     * created (a dropped and recreated event would otherwise differ).
     */
    private static final String EVENTS = "SELECT EVENT_NAME, EVENT_TYPE, INTERVAL_VALUE, INTERVAL_FIELD, ON_COMPLETION,"
            + " STATUS, EVENT_DEFINITION FROM information_schema.EVENTS WHERE EVENT_SCHEMA = DATABASE()";

    private static final String TRIGGERS = "SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE,"
            + " CONCAT(ACTION_TIMING, ' ', EVENT_MANIPULATION, ' FOR EACH ', ACTION_ORIENTATION, ' ', ACTION_STATEMENT)"
            + " FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()";

    private static final String GRANTED = "GROUP_CONCAT(CONCAT(GRANTEE, ' ', PRIVILEGE_TYPE,"
            + " IF(IS_GRANTABLE = 'YES', ' WITH GRANT OPTION', '')) ORDER BY GRANTEE, PRIVILEGE_TYPE SEPARATOR ', ')";

    /**
     * What was granted on the database ({@code GRANT ... ON *}), its tables and views, and their columns, as the
     * connection's user may see it; routines' grants are in {@link #ROUTINE_GRANTS}.
     */
    private static final String GRANTS = "SELECT NULL, NULL, " + GRANTED + " FROM information_schema.SCHEMA_PRIVILEGES"
            + " WHERE TABLE_SCHEMA = DATABASE() HAVING COUNT(*) > 0"
            + " UNION ALL SELECT TABLE_NAME, NULL, " + GRANTED + " FROM information_schema.TABLE_PRIVILEGES"
            + " WHERE TABLE_SCHEMA = DATABASE() GROUP BY TABLE_NAME"
            + " UNION ALL SELECT TABLE_NAME, COLUMN_NAME, " + GRANTED + " FROM information_schema.COLUMN_PRIVILEGES"
            + " WHERE TABLE_SCHEMA = DATABASE() GROUP BY TABLE_NAME, COLUMN_NAME";

    /**
     * What was granted on each routine: no {@code information_schema} view lists it, so from the grant table
     * itself, where the connection's user may read it (else routines' grants are not compared).
     */
    private static final String ROUTINE_GRANTS = "SELECT Routine_type, Routine_name,"
            + " GROUP_CONCAT(CONCAT('''', User, '''@''', Host, ''' ', Proc_priv) ORDER BY User, Host SEPARATOR ', ')"
            + " FROM mysql.procs_priv WHERE Db = DATABASE() GROUP BY Routine_type, Routine_name";

    /** Made after the queries above, which its constructor takes. */
    static final MariaDbCatalogReader INSTANCE = new MariaDbCatalogReader();

    private MariaDbCatalogReader() {
        // Names the server makes up: CONSTRAINT_1 (a check) and orders_ibfk_1 (a foreign key).
        super(Pattern.compile("CONSTRAINT_\\d+|.+_ibfk_\\d+"), new Queries(TABLES, VIEWS, COLUMNS, INDEXES, TRIGGERS,
                GRANTS));
    }

    @Override
    String schemaKind() {
        return "database";
    }

    @Override
    String table(ResultSet row) throws SQLException {
        return row.getString(3) + " " + row.getString(4) + CatalogReader.comment(row.getString(5));
    }

    @Override
    String column(ResultSet rs) throws SQLException {
        StringBuilder def = new StringBuilder(rs.getString(3));
        if ("NO".equals(rs.getString(4))) {
            def.append(" NOT NULL");
        }
        String generation = rs.getString(7);
        String defaultValue = rs.getString(5);
        if (generation != null && !generation.isEmpty()) {
            def.append(" AS (").append(generation).append(')');
        }
        else if (defaultValue != null) {
            def.append(" DEFAULT ").append(defaultValue);
        }
        String extra = rs.getString(6);
        if (extra != null && !extra.isEmpty()) {
            def.append(' ').append(extra);
        }
        String collation = rs.getString(8);
        if (collation != null) {
            def.append(" COLLATE ").append(collation);
        }
        return def.append(CatalogReader.comment(rs.getString(9))).toString();
    }

    @Override
    String index(ResultSet row) throws SQLException {
        return (row.getInt(3) == 0 ? "UNIQUE " : "") + row.getString(4) + " (" + row.getString(5) + ")";
    }

    /** Reads the sequence's one row, as MariaDB allows: its definition is in no information_schema view. */
    @Override
    String sequence(Statement st, String name) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT start_value, increment, minimum_value, maximum_value, cache_size,"
                + " cycle_option FROM `" + name.replace("`", "``") + "`")) {
            rs.next();
            return "START " + rs.getString(1) + " INCREMENT " + rs.getString(2) + " MINVALUE " + rs.getString(3)
                    + " MAXVALUE " + rs.getString(4) + " CACHE " + rs.getString(5)
                    + (rs.getInt(6) == 0 ? " NO CYCLE" : " CYCLE");
        }
    }

    @Override
    String constraints(Connection connection) throws SQLException {
        boolean mariaDb = Dialects.product(connection.getMetaData()).equalsIgnoreCase("MariaDB");
        return CONSTRAINTS + (mariaDb ? MARIADB_CHECK_TABLE : "") + WHERE_CONSTRAINTS;
    }

    @Override
    void readMore(Statement st, SchemaSnapshot.Builder b) throws SQLException {
        try (ResultSet rs = st.executeQuery(EVENTS)) {
            while (rs.next()) {
                String every = rs.getString(3) == null ? "" : " EVERY " + rs.getString(3) + " " + rs.getString(4);
                b.add("event " + rs.getString(1), rs.getString(2) + every + " ON COMPLETION " + rs.getString(5) + " "
                        + rs.getString(6) + " DO " + rs.getString(7), null);
            }
        }
        try (ResultSet rs = st.executeQuery(ROUTINES)) {
            while (rs.next()) {
                String returns = rs.getString(3);
                b.add(rs.getString(1).toLowerCase(Locale.ROOT) + " " + rs.getString(2),
                        (returns == null ? "" : "RETURNS " + returns + " ") + rs.getString(4), null);
            }
        }
        try (ResultSet rs = st.executeQuery(ROUTINE_GRANTS)) {
            while (rs.next()) {
                String routine = rs.getString(1).toLowerCase(Locale.ROOT) + " " + rs.getString(2);
                b.add("grants on " + routine, rs.getString(3), routine);
            }
        }
        catch (SQLException notReadable) {
            // A user who may not read the grant tables: routines' grants are left out, for both snapshots alike.
        }
    }
}
