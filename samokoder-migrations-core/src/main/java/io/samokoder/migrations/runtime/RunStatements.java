package io.samokoder.migrations.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's own prepared statements (version rows, log rows) of one run on its work connection,
 * prepared once by the shape of what they do and reused for every step, so that a run of N
 * revisions neither builds their SQL text N times nor has the driver parse it N times. Closed
 * when the run ends; a statement whose execution failed stays usable (a rollback does not close it).
 */
final class RunStatements implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("io.samokoder.migrations.Migrations");

    private final Connection connection;
    private final Map<String, PreparedStatement> byKey = new HashMap<>();

    RunStatements(Connection connection) {
        this.connection = connection;
    }

    /**
     * The statement stored under {@code key}, prepared from {@code sql} on first use; the same key
     * must always stand for the same SQL text.
     */
    PreparedStatement get(String key, Supplier<String> sql) throws SQLException {
        return get(key, sql, false);
    }

    /** {@link #get(String, Supplier)}, returning generated keys when {@code generatedKeys}. */
    PreparedStatement get(String key, Supplier<String> sql, boolean generatedKeys) throws SQLException {
        PreparedStatement ps = this.byKey.get(key);
        if (ps == null) {
            ps = generatedKeys ? this.connection.prepareStatement(sql.get(), Statement.RETURN_GENERATED_KEYS)
                    : this.connection.prepareStatement(sql.get());
            this.byKey.put(key, ps);
        }
        return ps;
    }

    @Override
    public void close() {
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
