package io.samokoder.migrations.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A DataSource that hands out a connection already open (the one the dialect was detected on) on its
 * first call, and new ones from the real DataSource after that; so detecting the dialect before taking
 * the migration lock costs no connection of its own.
 */
final class FirstConnection extends WrappedDataSource implements AutoCloseable {

    private Connection first;

    FirstConnection(DataSource target, Connection first) {
        super(target);
        this.first = first;
    }

    @Override
    public synchronized Connection getConnection() throws SQLException {
        Connection connection = this.first;
        this.first = null;
        return connection != null ? connection : this.target.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return this.target.getConnection(username, password);
    }

    /** Closes the first connection if it was not handed out. */
    @Override
    public synchronized void close() {
        if (this.first != null) {
            try {
                this.first.close();
            } catch (SQLException e) {
                // Not handed out, so nothing of it is in use; the pool or the server reclaims it.
            }
            this.first = null;
        }
    }
}
