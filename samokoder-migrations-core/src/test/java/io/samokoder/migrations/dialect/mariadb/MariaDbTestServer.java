package io.samokoder.migrations.dialect.mariadb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

// Stand-in until merge: the coordinator switches this to the shared MariaDB test infrastructure of test-support.
/**
 * A uniquely named database on the MariaDB server of {@code SAMOKODER_TEST_MARIADB_URL} (default
 * {@code jdbc:mariadb://127.0.0.1:3306/}), user {@code SAMOKODER_TEST_MARIADB_USER} (default root) and
 * password {@code SAMOKODER_TEST_MARIADB_PASSWORD} (default empty); dropped on close.
 */
final class MariaDbTestServer implements AutoCloseable {

    private final String url;
    private final String user;
    private final String password;
    private final String database;

    MariaDbTestServer() throws SQLException {
        String base = env("SAMOKODER_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/");
        this.url = base.endsWith("/") ? base : base + "/";
        this.user = env("SAMOKODER_TEST_MARIADB_USER", "root");
        this.password = env("SAMOKODER_TEST_MARIADB_PASSWORD", "");
        this.database = "ops_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new SQLException("No MariaDB server at " + url + " as " + user + ": start one, or point"
                    + " SAMOKODER_TEST_MARIADB_URL / _USER / _PASSWORD at one (" + e.getMessage() + ")", e);
        }
    }

    /** A connection to the test database. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url + database, user, password);
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE " + database);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
