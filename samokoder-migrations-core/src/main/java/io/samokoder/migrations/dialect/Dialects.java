package io.samokoder.migrations.dialect;

import io.samokoder.migrations.dialect.h2.H2Dialect;
import io.samokoder.migrations.dialect.mariadb.MariaDbDialect;
import io.samokoder.migrations.dialect.postgresql.PostgresDialect;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The dialects this version knows, by the database product name that JDBC metadata reports. The
 * registry holds each dialect's name and product name as text and touches a dialect's class only
 * when it is asked for: loading a dialect and its parts costs a few milliseconds in a cold JVM, and
 * a start needs one of them. Each dialect serves exactly the product listed for it
 * ({@code DialectsTest} checks that the two agree).
 */
public final class Dialects {

    /** The dialects' names, as {@link Dialect#name()} gives them, in the order they are tried. */
    private static final String[] NAMES = {"postgresql", "mariadb", "mysql", "h2"};
    /** The product each of {@link #NAMES} serves, as JDBC metadata reports it. */
    private static final String[] PRODUCTS = {"PostgreSQL", "MariaDB", "MySQL", "H2"};

    private Dialects() {
    }

    /** The dialect at a place of {@link #NAMES}; only its own class is loaded. */
    private static Dialect dialect(int index) {
        switch (index) {
            case 0:
                return PostgresDialect.INSTANCE;
            case 1:
                return MariaDbDialect.INSTANCE;
            case 2:
                return MariaDbDialect.MYSQL;
            case 3:
                return H2Dialect.INSTANCE;
            default:
                throw new IllegalArgumentException("No dialect at " + index);
        }
    }

    /**
     * The dialect of a database product, e.g. {@code "PostgreSQL"}, {@code "MariaDB"} or
     * {@code "MySQL"} as {@link #product(DatabaseMetaData)} tells it from a connection; empty when none
     * serves it.
     */
    public static Optional<Dialect> forProduct(String databaseProductName) {
        for (int i = 0; i < PRODUCTS.length; i++) {
            if (PRODUCTS[i].equalsIgnoreCase(databaseProductName)) {
                Dialect dialect = dialect(i);
                if (dialect.servesProduct(databaseProductName)) {
                    return Optional.of(dialect);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The database product of a connection, as {@link #forProduct} takes it: the metadata's
     * {@link DatabaseMetaData#getDatabaseProductName() product name}, except for a MariaDB server reached
     * through MySQL Connector/J, which names every server {@code "MySQL"}: its version (such as
     * {@code 5.5.5-10.11.6-MariaDB}) says MariaDB, and so does this. The version is asked for only then;
     * the drivers answer both from the connection's handshake.
     */
    public static String product(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName();
        if ("MySQL".equalsIgnoreCase(product)) {
            String version = metaData.getDatabaseProductVersion();
            if (version != null && version.toLowerCase(Locale.ROOT).contains("mariadb")) {
                return "MariaDB";
            }
        }
        return product;
    }

    /**
     * The dialect of a name, as {@link Dialect#name()} gives it ({@code postgresql}, {@code mariadb},
     * {@code mysql}, {@code h2}), ignoring case; empty when none has it.
     */
    public static Optional<Dialect> forName(String name) {
        String wanted = name.strip();
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equalsIgnoreCase(wanted)) {
                return Optional.of(dialect(i));
            }
        }
        return Optional.empty();
    }

    /**
     * The dialect a JDBC URL's subprotocol names ({@code jdbc:postgresql:}, {@code jdbc:mariadb:},
     * {@code jdbc:mysql:}, {@code jdbc:h2:}), for writing offline scripts without connecting; empty
     * for any other URL.
     */
    public static Optional<Dialect> forJdbcUrl(String url) {
        if (url == null || !url.regionMatches(true, 0, "jdbc:", 0, 5)) {
            return Optional.empty();
        }
        int end = url.indexOf(':', 5);
        return end < 0 ? Optional.empty() : forName(url.substring(5, end));
    }

    /** The names of the known dialects for messages, e.g. {@code postgresql, mariadb, mysql, h2}. */
    public static String names() {
        return String.join(", ", NAMES);
    }

    /** Every known dialect, in the order they are tried (each one's class is loaded). */
    public static List<Dialect> all() {
        List<Dialect> all = new ArrayList<>(NAMES.length);
        for (int i = 0; i < NAMES.length; i++) {
            all.add(dialect(i));
        }
        return List.copyOf(all);
    }

    /** The supported products for messages, e.g. {@code PostgreSQL, MariaDB, MySQL and H2}. */
    public static String supportedProducts() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < PRODUCTS.length; i++) {
            out.append(i == 0 ? "" : i == PRODUCTS.length - 1 ? " and " : ", ").append(PRODUCTS[i]);
        }
        return out.toString();
    }
}
