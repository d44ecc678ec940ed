package io.samokoder.migrations.ops;

import io.samokoder.migrations.MigrationException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Answers {@code hasTable}, {@code hasColumn}, {@code hasIndex} and {@code hasConstraint} from JDBC
 * metadata in the connection's current catalog and schema. Names match case-insensitively, as the
 * databases fold unquoted names (PostgreSQL to lower case, H2 to upper case).
 */
final class SchemaInspector {

    private final Connection connection;

    SchemaInspector(Connection connection) {
        this.connection = connection;
    }

    boolean hasTable(String table) {
        try {
            return actualTable(table) != null;
        } catch (SQLException e) {
            throw failed("hasTable(" + table + ")", e);
        }
    }

    boolean hasColumn(String table, String column) {
        try {
            String actual = actualTable(table);
            if (actual == null) {
                return false;
            }
            try (ResultSet rs = meta().getColumns(connection.getCatalog(), connection.getSchema(), escape(actual),
                    null)) {
                while (rs.next()) {
                    if (rs.getString("COLUMN_NAME").equalsIgnoreCase(column)) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw failed("hasColumn(" + table + ", " + column + ")", e);
        }
    }

    boolean hasIndex(String table, String index) {
        try {
            String actual = actualTable(table);
            if (actual == null) {
                return false;
            }
            try (ResultSet rs = meta().getIndexInfo(connection.getCatalog(), connection.getSchema(), actual, false,
                    true)) {
                while (rs.next()) {
                    String name = rs.getString("INDEX_NAME");
                    if (name != null && name.equalsIgnoreCase(index)) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw failed("hasIndex(" + table + ", " + index + ")", e);
        }
    }

    boolean hasConstraint(String table, String constraint) {
        try {
            String actual = actualTable(table);
            if (actual == null) {
                return false;
            }
            String schema = connection.getSchema() != null ? connection.getSchema() : connection.getCatalog();
            try (PreparedStatement ps = connection.prepareStatement("SELECT constraint_name FROM"
                    + " information_schema.table_constraints WHERE table_schema = ? AND table_name = ?")) {
                ps.setString(1, schema);
                ps.setString(2, actual);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getString(1).equalsIgnoreCase(constraint)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw failed("hasConstraint(" + table + ", " + constraint + ")", e);
        }
    }

    /** The table's name as stored, or null when it does not exist. */
    private String actualTable(String table) throws SQLException {
        Set<String> candidates = new LinkedHashSet<>();
        candidates.add(table);
        candidates.add(table.toLowerCase(Locale.ROOT));
        candidates.add(table.toUpperCase(Locale.ROOT));
        for (String candidate : candidates) {
            try (ResultSet rs = meta().getTables(connection.getCatalog(), connection.getSchema(), escape(candidate),
                    null)) {
                while (rs.next()) {
                    if (rs.getString("TABLE_NAME").equals(candidate)) {
                        return candidate;
                    }
                }
            }
        }
        return null;
    }

    private DatabaseMetaData meta() throws SQLException {
        return connection.getMetaData();
    }

    private String escape(String name) throws SQLException {
        String escape = meta().getSearchStringEscape();
        if (escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    /** The error of a question that failed (each one's own try/catch: a lambda per question would spin a class). */
    private static MigrationException failed(String what, SQLException e) {
        return new MigrationException(what + " failed to read the database's metadata: " + e.getMessage(), e);
    }
}
