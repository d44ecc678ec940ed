package io.samokoder.migrations.autoconfigure;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** A real DataSource whose statements count their executions, to tell what a start or a check reads. */
final class CountingDataSource {

    private CountingDataSource() {
    }

    static DataSource wrap(DataSource delegate, AtomicInteger executions) {
        return (DataSource) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(),
                new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
                    Object result = invoke(delegate, method, args);
                    return (result instanceof Connection connection) ? connection(connection, executions) : result;
                });
    }

    private static Connection connection(Connection connection, AtomicInteger executions) {
        return (Connection) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(),
                new Class<?>[] { Connection.class }, (proxy, method, args) -> {
                    Object result = invoke(connection, method, args);
                    if (result instanceof Statement statement) {
                        Class<?> type = (statement instanceof PreparedStatement) ? PreparedStatement.class
                                : Statement.class;
                        return Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(),
                                new Class<?>[] { type }, (p, m, a) -> {
                                    if (m.getName().startsWith("execute")) {
                                        executions.incrementAndGet();
                                    }
                                    return invoke(statement, m, a);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        }
        catch (InvocationTargetException ex) {
            throw ex.getCause();
        }
    }
}
