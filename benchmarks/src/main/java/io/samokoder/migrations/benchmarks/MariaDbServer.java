package io.samokoder.migrations.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The MariaDB (or MySQL) server named by {@code SAMOKODER_BENCH_MARIADB_URL} (default
 * {@code jdbc:mariadb://127.0.0.1:3306/}, user {@code SAMOKODER_BENCH_MARIADB_USER} or {@code root},
 * password {@code SAMOKODER_BENCH_MARIADB_PASSWORD}, empty by default). There is no embedded fallback:
 * a MariaDB run needs a server. Every measurement gets a fresh database (a schema, in MariaDB's terms).
 */
final class MariaDbServer implements DatabaseServer {

    static final String URL_VARIABLE = "SAMOKODER_BENCH_MARIADB_URL";
    static final String DEFAULT_URL = "jdbc:mariadb://127.0.0.1:3306/";

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String description;

    private MariaDbServer(String adminUrl, String user, String password, String description) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.description = description;
    }

    static MariaDbServer connect() {
        String url = env(URL_VARIABLE, DEFAULT_URL);
        String user = env("SAMOKODER_BENCH_MARIADB_USER", "root");
        String password = env("SAMOKODER_BENCH_MARIADB_PASSWORD", "");
        DriverManager.setLoginTimeout(3);
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT version()")) {
            rs.next();
            return new MariaDbServer(url, user, password, "MariaDB " + rs.getString(1) + ", external server");
        } catch (SQLException e) {
            throw new IllegalStateException("No MariaDB at " + url + " (set " + URL_VARIABLE + "): " + e.getMessage(), e);
        }
    }

    @Override
    public Db db() {
        return Db.MARIADB;
    }

    @Override
    public String description() {
        return this.description;
    }

    @Override
    public BenchServer.Database create() {
        String name = "samokoder_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + name);
        return new BenchServer.Database(name, withDatabase(this.adminUrl, name), this.user, this.password,
                () -> execute("DROP DATABASE IF EXISTS " + name));
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(this.adminUrl, this.user, this.password);
                Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Benchmark database administration failed (" + sql + "): "
                    + e.getMessage(), e);
        }
    }

    /** Puts the database into a {@code jdbc:mariadb://host[:port]/[db][?params]} URL. */
    static String withDatabase(String url, String database) {
        int hostStart = url.indexOf("//") + 2;
        int query = url.indexOf('?', hostStart);
        String params = query < 0 ? "" : url.substring(query);
        String head = query < 0 ? url : url.substring(0, query);
        int slash = head.indexOf('/', hostStart);
        return (slash < 0 ? head : head.substring(0, slash)) + "/" + database + params;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
