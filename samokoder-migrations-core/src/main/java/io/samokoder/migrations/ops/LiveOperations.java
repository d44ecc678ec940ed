package io.samokoder.migrations.ops;

import io.samokoder.migrations.MigrationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs a revision's operations on a database as they are called: each is rendered by the dialect's
 * renderer and its statements are handed to the runner in order. Inspection reads the connection's
 * metadata ({@link SchemaInspector}).
 */
public final class LiveOperations extends OperationCalls {

    private final Connection connection;
    private final OperationRenderer renderer;
    private final StatementRunner runner;
    private final SchemaInspector inspector;
    /** The enum types this revision's operations created so far: a later createTable does not create them. */
    private final Set<String> enumTypesCreated = new HashSet<>(2);
    private boolean connectionTaken;

    /**
     * Operations on this connection (the revision's transaction), rendered by this renderer, named by this
     * convention, and run by this runner.
     */
    public LiveOperations(Connection connection, OperationRenderer renderer, NamingConvention naming,
            StatementRunner runner) {
        super(naming);
        if (connection == null || renderer == null || runner == null) {
            throw new IllegalArgumentException("LiveOperations needs a connection, a renderer and a runner");
        }
        this.connection = connection;
        this.renderer = renderer;
        this.runner = runner;
        this.inspector = new SchemaInspector(connection);
    }

    @Override
    void accept(Operation operation) {
        List<String> statements = new ArrayList<>(2);
        renderer.renderInto(operation, statements, this.enumTypesCreated);
        for (String sql : statements) {
            try {
                runner.run(sql);
            } catch (SQLException e) {
                // The statement itself is not quoted: its literals may hold secrets.
                throw new MigrationException("Statement failed (SQLSTATE " + e.getSQLState() + "): " + e.getMessage(), e);
            }
        }
    }

    @Override
    public boolean hasTable(String table) {
        return inspector.hasTable(table);
    }

    @Override
    public boolean hasColumn(String table, String column) {
        return inspector.hasColumn(table, column);
    }

    @Override
    public boolean hasIndex(String table, String index) {
        // A name longer than the database keeps was shortened when created: look for what it keeps.
        return inspector.hasIndex(table, renderer.storedName(index));
    }

    @Override
    public boolean hasConstraint(String table, String constraint) {
        return inspector.hasConstraint(table, renderer.storedName(constraint));
    }

    @Override
    public Connection connection() {
        this.connectionTaken = true;
        return connection;
    }

    /** Whether the revision's code took the connection for JDBC work of its own. */
    public boolean connectionTaken() {
        return this.connectionTaken;
    }
}
