package io.samokoder.migrations.test;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The service's DataSource with every connection put into one schema while it is borrowed (PostgreSQL's
 * {@code search_path}, MariaDB's current database, H2's current schema), and set back when it is closed
 * (so a pooled connection returns to the pool as it was).
 */
final class SchemaDataSource implements DataSource {

    private final DataSource delegate;
    private final KitDatabase database;
    private final String schema;

    SchemaDataSource(DataSource delegate, KitDatabase database, String schema) {
        this.delegate = delegate;
        this.database = database;
        this.schema = schema;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(this.delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(this.delegate.getConnection(username, password));
    }

    private Connection wrap(Connection connection) throws SQLException {
        String previous;
        try {
            boolean autoCommit = connection.getAutoCommit();
            previous = this.database.enter(connection, this.schema);
            if (!autoCommit) {
                connection.commit();
            }
        }
        catch (SQLException | RuntimeException ex) {
            connection.close();
            throw ex;
        }
        InvocationHandler handler = new Handler(connection, this.database, previous);
        return (Connection) Proxy.newProxyInstance(SchemaDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
    }

    private static final class Handler implements InvocationHandler {

        private final Connection target;
        private final KitDatabase database;
        private final String previous;

        Handler(Connection target, KitDatabase database, String previous) {
            this.target = target;
            this.database = database;
            this.previous = previous;
        }

        @Override
        public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
            if (method.getName().equals("close") && method.getParameterCount() == 0) {
                restoreAndClose();
                return null;
            }
            if (method.getName().equals("equals") && method.getParameterCount() == 1) {
                return proxy == args[0];
            }
            if (method.getName().equals("hashCode") && method.getParameterCount() == 0) {
                return System.identityHashCode(proxy);
            }
            try {
                return method.invoke(this.target, args);
            }
            catch (InvocationTargetException ex) {
                throw ex.getCause();
            }
        }

        private void restoreAndClose() throws SQLException {
            try {
                if (!this.target.isClosed()) {
                    boolean autoCommit = this.target.getAutoCommit();
                    if (!autoCommit) {
                        this.target.rollback();
                    }
                    this.database.leave(this.target, this.previous);
                    if (!autoCommit) {
                        this.target.commit();
                    }
                }
            }
            catch (SQLException ex) {
                // The connection is broken; the pool discards it.
            }
            finally {
                this.target.close();
            }
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return this.delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        this.delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        this.delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return this.delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return this.delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("Not a wrapper of " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
