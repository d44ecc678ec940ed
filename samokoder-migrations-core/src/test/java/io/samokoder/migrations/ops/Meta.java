package io.samokoder.migrations.ops;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Test helper: reads the schema back through JDBC metadata, names case-insensitively. */
public final class Meta {

    private final Connection connection;

    /** Reads through this connection's current catalog and schema. */
    public Meta(Connection connection) {
        this.connection = connection;
    }

    /** The table's stored name, or null. */
    public String table(String name) throws SQLException {
        DatabaseMetaData md = connection.getMetaData();
        try (ResultSet rs = md.getTables(connection.getCatalog(), connection.getSchema(), null, null)) {
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").equalsIgnoreCase(name)) {
                    return rs.getString("TABLE_NAME");
                }
            }
        }
        return null;
    }

    /** {@code TYPE_NAME(COLUMN_SIZE) NULL|NOT NULL} of the column, lower case, or null when absent. */
    public String column(String table, String column) throws SQLException {
        try (ResultSet rs = connection.getMetaData().getColumns(connection.getCatalog(), connection.getSchema(),
                table(table), null)) {
            while (rs.next()) {
                if (rs.getString("COLUMN_NAME").equalsIgnoreCase(column)) {
                    return (rs.getString("TYPE_NAME") + "(" + rs.getInt("COLUMN_SIZE") + ") "
                            + ("NO".equals(rs.getString("IS_NULLABLE")) ? "not null" : "null")).toLowerCase(Locale.ROOT);
                }
            }
        }
        return null;
    }

    /** The indexes of the table as {@code name unique|non-unique columns...}, lower case. */
    public List<String> indexes(String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getIndexInfo(connection.getCatalog(), connection.getSchema(),
                table(table), false, false)) {
            while (rs.next()) {
                if (rs.getString("INDEX_NAME") == null) {
                    continue;
                }
                String key = (rs.getString("INDEX_NAME") + (rs.getBoolean("NON_UNIQUE") ? " non-unique" : " unique"))
                        .toLowerCase(Locale.ROOT);
                int i = out.indexOf(out.stream().filter(s -> s.startsWith(key + " ")).findFirst().orElse(""));
                String col = String.valueOf(rs.getString("COLUMN_NAME")).toLowerCase(Locale.ROOT);
                if (i >= 0) {
                    out.set(i, out.get(i) + " " + col);
                } else {
                    out.add(key + " " + col);
                }
            }
        }
        return out;
    }

    /** The primary key's columns, space-separated in key order, lower case; empty when none. */
    public String primaryKey(String table) throws SQLException {
        java.util.TreeMap<Integer, String> columns = new java.util.TreeMap<>();
        try (ResultSet rs = connection.getMetaData().getPrimaryKeys(connection.getCatalog(), connection.getSchema(),
                table(table))) {
            while (rs.next()) {
                columns.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return String.join(" ", columns.values());
    }

    /** The foreign keys of the table as {@code name -> referred_table}, lower case. */
    public List<String> foreignKeys(String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getImportedKeys(connection.getCatalog(), connection.getSchema(),
                table(table))) {
            while (rs.next()) {
                out.add((rs.getString("FK_NAME") + " -> " + rs.getString("PKTABLE_NAME")).toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** The rows of a query, columns joined by {@code |}. */
    public List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(row.toString());
            }
        }
        return out;
    }
}
