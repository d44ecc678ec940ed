package io.samokoder.migrations.dialect;

import io.samokoder.migrations.dialect.h2.H2Dialect;
import io.samokoder.migrations.dialect.mariadb.MariaDbDialect;
import io.samokoder.migrations.dialect.postgresql.PostgresDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The dialects this version knows, by the database product name that JDBC metadata reports. */
public final class Dialects {

    /** A database product and its dialect. */
    private record Known(String product, Dialect dialect) {
    }

    private static final List<Known> KNOWN = List.of(
            new Known("PostgreSQL", PostgresDialect.INSTANCE),
            new Known("MariaDB", MariaDbDialect.INSTANCE),
            new Known("MySQL", MariaDbDialect.MYSQL),
            new Known("H2", H2Dialect.INSTANCE));

    private Dialects() {
    }

    /**
     * The dialect of a database product, e.g. {@code "PostgreSQL"}, {@code "MariaDB"} or
     * {@code "MySQL"} as {@link java.sql.DatabaseMetaData#getDatabaseProductName()} reports it;
     * empty when none serves it.
     */
    public static Optional<Dialect> forProduct(String databaseProductName) {
        for (Known known : KNOWN) {
            if (known.dialect().servesProduct(databaseProductName)) {
                return Optional.of(known.dialect());
            }
        }
        return Optional.empty();
    }

    /**
     * The dialect of a name, as {@link Dialect#name()} gives it ({@code postgresql}, {@code mariadb},
     * {@code mysql}, {@code h2}), ignoring case; empty when none has it.
     */
    public static Optional<Dialect> forName(String name) {
        for (Known known : KNOWN) {
            if (known.dialect().name().equalsIgnoreCase(name.strip())) {
                return Optional.of(known.dialect());
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
        StringBuilder out = new StringBuilder();
        for (Known known : KNOWN) {
            out.append(out.length() == 0 ? "" : ", ").append(known.dialect().name());
        }
        return out.toString();
    }

    /** Every known dialect, in the order they are tried. */
    public static List<Dialect> all() {
        List<Dialect> all = new ArrayList<>();
        for (Known known : KNOWN) {
            all.add(known.dialect());
        }
        return List.copyOf(all);
    }

    /** The supported products for messages, e.g. {@code PostgreSQL, MariaDB, MySQL and H2}. */
    public static String supportedProducts() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < KNOWN.size(); i++) {
            out.append(i == 0 ? "" : i == KNOWN.size() - 1 ? " and " : ", ").append(KNOWN.get(i).product());
        }
        return out.toString();
    }
}
