package io.samokoder.migrations.test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * MariaDB's and MySQL's {@code information_schema}: tables (engine, collation), columns (type,
 * nullability, default, extra, generation, collation), indexes, constraints, views, sequences, routines and
 * triggers of the connection's current database.
 */
final class MariaDbCatalogReader implements CatalogReader {

    static final MariaDbCatalogReader INSTANCE = new MariaDbCatalogReader();

    /**
     * Names the server makes up for a constraint that has none: {@code CONSTRAINT_1} (a check) and
     * {@code orders_ibfk_1} (a foreign key). Such a constraint is named by its definition instead, so that
     * one dropped and added again under a new number is not reported as left behind.
     */
    private static final Pattern GENERATED_NAME = Pattern.compile("CONSTRAINT_\\d+|.+_ibfk_\\d+");

    private static final String TABLES = "SELECT TABLE_NAME, TABLE_TYPE, ENGINE, TABLE_COLLATION"
            + " FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()";

    private static final String VIEWS = "SELECT TABLE_NAME, VIEW_DEFINITION"
            + " FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE()";

    private static final String COLUMNS = "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT,"
            + " EXTRA, GENERATION_EXPRESSION, COLLATION_NAME"
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

    private static final String TRIGGERS = "SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE,"
            + " CONCAT(ACTION_TIMING, ' ', EVENT_MANIPULATION, ' FOR EACH ', ACTION_ORIENTATION, ' ', ACTION_STATEMENT)"
            + " FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()";

    private MariaDbCatalogReader() {
    }

    @Override
    public SchemaSnapshot read(Connection connection, Set<String> ignoredTables) throws SQLException {
        SchemaSnapshot.Builder b = SchemaSnapshot.builder();
        boolean mariaDb = connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("MariaDB");
        Set<String> views = new HashSet<>();
        Set<String> sequences = new HashSet<>();
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery(TABLES)) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    String type = rs.getString(2);
                    if (type.equals("VIEW")) {
                        views.add(name);
                    }
                    else if (type.equals("SEQUENCE")) {
                        sequences.add(name);
                        b.add("sequence " + name, "", null);
                    }
                    else if (!CatalogReader.ignored(ignoredTables, name)) {
                        b.add(table(name), rs.getString(3) + " " + rs.getString(4), null);
                    }
                }
            }
            try (ResultSet rs = st.executeQuery(VIEWS)) {
                while (rs.next()) {
                    b.add("view " + rs.getString(1), rs.getString(2), null);
                }
            }
            try (ResultSet rs = st.executeQuery(COLUMNS)) {
                while (rs.next()) {
                    String relation = rs.getString(1);
                    // A sequence is a table of one row to MariaDB, with columns of its own: not the schema's.
                    if (sequences.contains(relation)
                            || !views.contains(relation) && CatalogReader.ignored(ignoredTables, relation)) {
                        continue;
                    }
                    String owner = views.contains(relation) ? "view " + relation : table(relation);
                    b.add("column " + relation + "." + rs.getString(2), column(rs), owner);
                }
            }
            try (ResultSet rs = st.executeQuery(INDEXES)) {
                while (rs.next()) {
                    String table = rs.getString(2);
                    if (!CatalogReader.ignored(ignoredTables, table)) {
                        String def = (rs.getInt(3) == 0 ? "UNIQUE " : "") + rs.getString(4) + " ("
                                + rs.getString(5) + ")";
                        b.add("index " + rs.getString(1) + " on " + table, def, table(table));
                    }
                }
            }
            String constraints = CONSTRAINTS + (mariaDb ? MARIADB_CHECK_TABLE : "") + WHERE_CONSTRAINTS;
            try (ResultSet rs = st.executeQuery(constraints)) {
                while (rs.next()) {
                    String table = rs.getString(2);
                    if (!CatalogReader.ignored(ignoredTables, table)) {
                        String name = rs.getString(1);
                        String def = constraint(rs);
                        String key = GENERATED_NAME.matcher(name).matches() ? def : name;
                        b.add("constraint " + key + " on " + table, def, table(table));
                    }
                }
            }
            try (ResultSet rs = st.executeQuery(ROUTINES)) {
                while (rs.next()) {
                    String returns = rs.getString(3);
                    b.add(rs.getString(1).toLowerCase(Locale.ROOT) + " " + rs.getString(2),
                            (returns == null ? "" : "RETURNS " + returns + " ") + rs.getString(4), null);
                }
            }
            try (ResultSet rs = st.executeQuery(TRIGGERS)) {
                while (rs.next()) {
                    String table = rs.getString(2);
                    b.add("trigger " + rs.getString(1) + " on " + table, rs.getString(3), table(table));
                }
            }
        }
        return b.build();
    }

    private static String column(ResultSet rs) throws SQLException {
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
        return def.toString();
    }

    private static String constraint(ResultSet rs) throws SQLException {
        String type = rs.getString(3);
        String columns = rs.getString(4);
        return switch (type) {
            case "FOREIGN KEY" -> "FOREIGN KEY (" + columns + ") REFERENCES " + rs.getString(5) + " ("
                    + rs.getString(6) + ") ON UPDATE " + rs.getString(7) + " ON DELETE " + rs.getString(8);
            case "CHECK" -> "CHECK (" + rs.getString(9) + ")";
            default -> type + " (" + columns + ")";
        };
    }

    private static String table(String name) {
        return "table " + name;
    }
}
