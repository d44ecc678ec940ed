package io.samokoder.migrations.testsupport;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A table's comment, as tests check it after an operation that sets or drops one. */
public final class TableComments {

    private TableComments() {
    }

    /**
     * The comment of a table of the connection's current schema, {@code null} when it has none: from
     * {@code information_schema} on MariaDB and MySQL (whose Connector/J leaves JDBC metadata's
     * {@code REMARKS} empty, reading {@code SHOW TABLES}), else from JDBC metadata.
     *
     * @throws AssertionError when there is no such table
     */
    public static String of(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String product = meta.getDatabaseProductName();
        if (product.equalsIgnoreCase("MariaDB") || product.equalsIgnoreCase("MySQL")) {
            try (PreparedStatement ps = connection.prepareStatement("SELECT table_comment"
                    + " FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?")) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new AssertionError("No table " + table);
                    }
                    return rs.getString(1).isEmpty() ? null : rs.getString(1);
                }
            }
        }
        try (ResultSet rs = meta.getTables(connection.getCatalog(), connection.getSchema(), "%", null)) {
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").equalsIgnoreCase(table)) {
                    String remarks = rs.getString("REMARKS");
                    return remarks == null || remarks.isEmpty() ? null : remarks;
                }
            }
        }
        throw new AssertionError("No table " + table);
    }
}
