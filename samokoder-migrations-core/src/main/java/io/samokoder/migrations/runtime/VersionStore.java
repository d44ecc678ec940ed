package io.samokoder.migrations.runtime;

import io.samokoder.migrations.MigrationException;
import io.samokoder.migrations.plan.RowChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The version table: one row per applied head, exactly Alembic's {@code alembic_version}. Row
 * changes come from the plan; each UPDATE and DELETE must touch exactly one row.
 */
final class VersionStore {

    private final Tables tables;

    VersionStore(Tables tables) {
        this.tables = tables;
    }

    /** The rows in row order; throws the driver's error when the table is missing. */
    List<String> readRows(Connection connection) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT version_num FROM " + this.tables.qualifiedVersion())) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    void create(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(this.tables.dialect().createVersionTable(this.tables.schema(), this.tables.versionTable()));
        }
    }

    /** Applies one row change; UPDATE and DELETE must match exactly one row. */
    void apply(Connection connection, RowChange change) throws SQLException {
        String table = this.tables.qualifiedVersion();
        if (change instanceof RowChange.Insert insert) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO " + table + " (version_num) VALUES (?)")) {
                ps.setString(1, insert.revision());
                ps.executeUpdate();
            }
        } else if (change instanceof RowChange.Update update) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "UPDATE " + table + " SET version_num = ? WHERE version_num = ?")) {
                ps.setString(1, update.to());
                ps.setString(2, update.from());
                int n = ps.executeUpdate();
                if (n != 1) {
                    throw new MigrationException("Online migration expected to match one row when updating '"
                            + update.from() + "' to '" + update.to() + "' in '" + this.tables.versionTableName()
                            + "'; " + n + " found");
                }
            }
        } else if (change instanceof RowChange.Delete delete) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "DELETE FROM " + table + " WHERE version_num = ?")) {
                ps.setString(1, delete.revision());
                int n = ps.executeUpdate();
                if (n != 1) {
                    throw new MigrationException("Online migration expected to match one row when deleting '"
                            + delete.revision() + "' in '" + this.tables.versionTableName() + "'; " + n + " found");
                }
            }
        }
    }

    /** Offline rendering of a row change, with literal values, as Alembic writes it. */
    String render(RowChange change) {
        String table = this.tables.qualifiedVersion();
        var d = this.tables.dialect();
        if (change instanceof RowChange.Insert insert) {
            return "INSERT INTO " + table + " (version_num) VALUES (" + d.literal(insert.revision()) + ")";
        } else if (change instanceof RowChange.Update update) {
            return "UPDATE " + table + " SET version_num=" + d.literal(update.to()) + " WHERE " + table
                    + ".version_num = " + d.literal(update.from());
        }
        RowChange.Delete delete = (RowChange.Delete) change;
        return "DELETE FROM " + table + " WHERE " + table + ".version_num = " + d.literal(delete.revision());
    }
}
