package io.samokoder.migrations.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A connection per {@link #getConnection()} from {@link DriverManager}, or from a driver of the
 * {@code --classpath} entries (which {@code DriverManager} does not see); nothing is opened before.
 * When no password is set and the server asks for one, the password is read from the console
 * (not echoed) once, if there is a console. A driver's error that quotes the password (as some quote
 * a malformed URL) has it replaced by {@code ***}. A URL that no driver takes fails naming its scheme,
 * the drivers there are, and where to put the missing one.
 */
final class CliDataSource implements DataSource {

    private final String url;
    private final String user;
    private String password;
    private final Console console;
    private final ClassLoader drivers;

    /**
     * @param drivers where to look for a driver that {@link DriverManager} does not know (the
     *     {@code --classpath} entries), or {@code null}
     */
    CliDataSource(String url, String user, String password, Console console, ClassLoader drivers) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.console = console;
        this.drivers = drivers;
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            try {
                return connect();
            } catch (SQLException e) {
                if (this.password != null || this.console == null || !asksForPassword(e)) {
                    throw e;
                }
                char[] typed = this.console.readPassword("Password%s: ", this.user == null ? "" : " for " + this.user);
                if (typed == null) {
                    throw e;
                }
                this.password = new String(typed);
                return connect();
            }
        } catch (SQLException e) {
            throw hideSecrets(e);
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = properties();
        try {
            return DriverManager.getConnection(this.url, properties);
        } catch (SQLException e) {
            if (!"08001".equals(e.getSQLState())) {
                throw e;
            }
            Driver driver = classPathDriver();
            if (driver != null) {
                return driver.connect(this.url, properties);
            }
            List<String> known = knownDrivers();
            if (known != null) {
                throw noDriver(known);
            }
            throw e;
        }
    }

    /** The driver of the class path entries that takes this URL, or {@code null}. */
    private Driver classPathDriver() throws SQLException {
        if (this.drivers == null) {
            return null;
        }
        for (Driver driver : ServiceLoader.load(Driver.class, this.drivers)) {
            if (driver.acceptsURL(this.url)) {
                return driver;
            }
        }
        return null;
    }

    /**
     * The class names of the drivers found ({@link DriverManager}'s and the class path entries'), or
     * {@code null} when one of them takes the URL (its failure is then the connection's, not a missing driver).
     */
    private List<String> knownDrivers() throws SQLException {
        Set<String> names = new TreeSet<>();
        for (Driver driver : Collections.list(DriverManager.getDrivers())) {
            if (driver.acceptsURL(this.url)) {
                return null;
            }
            names.add(driver.getClass().getName());
        }
        if (this.drivers != null) {
            for (Driver driver : ServiceLoader.load(Driver.class, this.drivers)) {
                names.add(driver.getClass().getName());
            }
        }
        return List.copyOf(names);
    }

    /** DriverManager's "No suitable driver", said so that it can be acted on; the URL's scheme only, no secret. */
    private SQLException noDriver(List<String> known) {
        String scheme = scheme(this.url);
        String message = (scheme == null
                ? "The URL does not start with jdbc:<database>: (for example jdbc:postgresql://host:5432/db), so no"
                        + " JDBC driver takes it"
                : "No JDBC driver on the class path takes " + scheme + " URLs")
                + " (drivers found: " + (known.isEmpty() ? "none" : String.join(", ", known)) + ")."
                + (scheme == null ? "" : " Put the database's driver jar on the class path: with the command line,"
                        + " --classpath (for example --classpath h2-2.3.232.jar); with the Maven plugin, a"
                        + " dependency of the project.")
                + ("jdbc:mysql:".equals(scheme) ? " For MySQL, MariaDB's driver takes the URL when it has the"
                        + " permitMysqlScheme option (jdbc:mysql://host:3306/db?permitMysqlScheme); for a MariaDB"
                        + " server, use a jdbc:mariadb: URL." : "");
        return new SQLException(message, "08001");
    }

    /** {@code jdbc:<name>:} of a JDBC URL, lower case, or {@code null} when it has none. */
    static String scheme(String url) {
        if (url == null || !url.regionMatches(true, 0, "jdbc:", 0, 5)) {
            return null;
        }
        int end = url.indexOf(':', 5);
        if (end <= 5) {
            return null;
        }
        for (int i = 5; i < end; i++) {
            char c = url.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '-' && c != '_') {
                return null;
            }
        }
        return url.substring(0, end + 1).toLowerCase(Locale.ROOT);
    }

    private SQLException hideSecrets(SQLException e) {
        List<String> secrets = Urls.secrets(this.url, this.password);
        String message = Urls.hide(e.getMessage(), secrets);
        if (secrets.isEmpty() || Objects.equals(message, e.getMessage())) {
            return e;
        }
        // Not chained to the original, whose message (and its causes') still quotes the secret.
        SQLException hidden = new SQLException(message, e.getSQLState(), e.getErrorCode());
        hidden.setStackTrace(e.getStackTrace());
        return hidden;
    }

    private Properties properties() {
        Properties properties = new Properties();
        if (this.user != null) {
            properties.setProperty("user", this.user);
        }
        if (this.password != null) {
            properties.setProperty("password", this.password);
        }
        return properties;
    }

    /** 28P01/28000: authentication failed; 08004: the server wants a password and none was given. */
    private static boolean asksForPassword(SQLException e) {
        String state = e.getSQLState();
        return "28P01".equals(state) || "28000".equals(state) || "08004".equals(state);
    }

    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
        return new CliDataSource(this.url, username, pass, null, this.drivers).getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // DriverManager's log writer is global; not changed from here.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        DriverManager.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return DriverManager.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public String toString() {
        return "CliDataSource";
    }
}
