package io.samokoder.migrations;

import io.samokoder.migrations.testsupport.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Database helpers for the runtime tests: one schema per test within the class's database. */
final class Db {

    private Db() {
    }

    /** Creates the schema and returns a non-pooled DataSource whose connections use it. */
    static PGSimpleDataSource schema(TestDatabase db, String schema) {
        exec(db.dataSource(), "CREATE SCHEMA IF NOT EXISTS " + schema);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(db.jdbcUrl());
        ds.setUser(db.user());
        ds.setPassword(db.password());
        ds.setCurrentSchema(schema);
        return ds;
    }

    /** A DataSource that hands out {@code target}'s connections and counts how many were asked for. */
    static DataSource counting(DataSource target, AtomicInteger connections) {
        return (DataSource) Proxy.newProxyInstance(Db.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        connections.incrementAndGet();
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /**
     * A DataSource that gives every caller the same session and leaves it open, as a pooler in transaction
     * mode gives one server session to several clients in turn.
     */
    static DataSource shared(Connection session) {
        Connection unclosable = (Connection) Proxy.newProxyInstance(Db.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(session, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (DataSource) Proxy.newProxyInstance(Db.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getConnection" -> unclosable;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "a shared session";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /**
     * A DataSource whose one connection sends its statements to {@code first} until the migration lock's
     * attempt is prepared there, and every later one to {@code second}: as a pooler in transaction mode hands
     * each transaction of a client to any free server session. Both stay open.
     */
    static DataSource switchingAfterLock(Connection first, Connection second) {
        Connection[] current = {first};
        Connection switching = (Connection) Proxy.newProxyInstance(Db.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    Connection target = current[0];
                    if (method.getName().equals("prepareStatement") && String.valueOf(args[0]).contains(
                            "pg_try_advisory_lock")) {
                        current[0] = second;
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return shared(switching);
    }

    static MigrationsConfig.Builder config(DataSource ds, Path scripts) {
        return MigrationsConfig.builder().dataSource(ds).locations("filesystem:" + scripts);
    }

    static void exec(DataSource ds, String... sql) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> strings(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    if (i > 1) {
                        row.append('|');
                    }
                    row.append(rs.getString(i));
                }
                out.add(row.toString());
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the query's first row, read on this connection (not one of a pool's others). */
    static String first(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static long count(DataSource ds, String sql) {
        return Long.parseLong(strings(ds, sql).get(0));
    }

    static boolean tableExists(DataSource ds, String schema, String table) {
        return count(ds, "SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + schema
                + "' AND table_name = '" + table + "'") == 1;
    }

    static List<String> versionRows(DataSource ds) {
        return strings(ds, "SELECT version_num FROM alembic_version ORDER BY version_num");
    }
}
