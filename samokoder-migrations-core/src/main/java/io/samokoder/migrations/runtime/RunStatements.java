package io.samokoder.migrations.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's own prepared statements (version rows, log rows) of one run on its work connection,
 * prepared once by the shape of what they do and reused for every step, so that a run of N
 * revisions neither builds their SQL text N times nor has the driver parse it N times; and the one
 * plain statement that sends the scripts' statements. Closed when the run ends; a statement whose
 * execution failed stays usable (a rollback does not close it).
 */
final class RunStatements implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("io.samokoder.migrations.Migrations");

    private final Connection connection;
    private final Map<String, PreparedStatement> byKey = new HashMap<>();
    private Statement plain;

    RunStatements(Connection connection) {
        this.connection = connection;
    }

    /**
     * The statement stored under {@code key}, or {@code null} before {@link #prepare} stored one. A caller
     * builds the SQL text only when this is {@code null} (plain code, not a supplier: no lambda on the run path).
     */
    PreparedStatement get(String key) {
        return this.byKey.get(key);
    }

    /** Prepares {@code sql} and stores it under {@code key}; the same key must always stand for the same SQL text. */
    PreparedStatement prepare(String key, String sql) throws SQLException {
        return prepare(key, sql, false);
    }

    /** {@link #prepare(String, String)}, returning generated keys when {@code generatedKeys}. */
    PreparedStatement prepare(String key, String sql, boolean generatedKeys) throws SQLException {
        PreparedStatement ps = generatedKeys ? this.connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)
                : this.connection.prepareStatement(sql);
        this.byKey.put(key, ps);
        return ps;
    }

    /**
     * The run's plain statement for script statements, escape processing off, created on first use;
     * its batch is empty between uses.
     */
    Statement plain() throws SQLException {
        if (this.plain == null) {
            Statement st = this.connection.createStatement();
            st.setEscapeProcessing(false);
            this.plain = st;
        }
        return this.plain;
    }

    @Override
    public void close() {
        if (this.plain != null) {
            try {
                this.plain.close();
            } catch (SQLException e) {
                LOG.debug("Could not close a statement: {}", Jdbc.describe(e));
            }
            this.plain = null;
        }
        for (PreparedStatement ps : this.byKey.values()) {
            try {
                ps.close();
            } catch (SQLException e) {
                LOG.debug("Could not close a prepared statement: {}", Jdbc.describe(e));
            }
        }
        this.byKey.clear();
    }
}
