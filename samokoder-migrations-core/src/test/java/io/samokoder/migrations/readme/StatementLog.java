package io.samokoder.migrations.readme;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** A DataSource that records the SQL its plain statements send ({@code execute}, {@code addBatch}). */
final class StatementLog {

    private final List<String> sent = Collections.synchronizedList(new ArrayList<>());
    private final DataSource target;

    StatementLog(DataSource target) {
        this.target = target;
    }

    List<String> sent() {
        return List.copyOf(this.sent);
    }

    DataSource dataSource() {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getConnection" -> connection((Connection) invoke(this.target, m, a));
                    case "getLogWriter" -> (PrintWriter) null;
                    case "getParentLogger" -> Logger.getGlobal();
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == a[0];
                    case "toString" -> "recording DataSource";
                    default -> invoke(this.target, m, a);
                });
    }

    private Connection connection(Connection c) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (p, m, a) -> {
                    Object result = invoke(c, m, a);
                    return m.getName().equals("createStatement") ? statement((Statement) result) : result;
                });
    }

    private Statement statement(Statement s) {
        return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Statement.class},
                (p, m, a) -> {
                    if ((m.getName().equals("execute") || m.getName().equals("addBatch")) && a != null
                            && a.length == 1 && a[0] instanceof String sql) {
                        this.sent.add(sql);
                    }
                    return invoke(s, m, a);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
