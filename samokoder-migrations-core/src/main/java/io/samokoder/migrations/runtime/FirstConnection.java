package io.samokoder.migrations.runtime;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource that hands out a connection already open (the one the dialect was detected on) on its
 * first call, and new ones from the real DataSource after that; so detecting the dialect before taking
 * the migration lock costs no connection of its own.
 */
final class FirstConnection implements DataSource, AutoCloseable {

    private final DataSource target;
    private Connection first;

    FirstConnection(DataSource target, Connection first) {
        this.target = target;
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

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return this.target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        this.target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        this.target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return this.target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return this.target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return this.target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return this.target.isWrapperFor(type);
    }
}
