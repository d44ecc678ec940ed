package io.samokoder.migrations.jpa;

import io.samokoder.migrations.dialect.Dialect;

/** Hibernate's dialect for each of ours, which decides the SQL types Hibernate maps the entities to. */
final class HibernateDialects {

    private HibernateDialects() {
    }

    /**
     * The database product name Hibernate picks its dialect by (PostgreSQLDialect, MariaDBDialect,
     * MySQLDialect, H2Dialect), or an {@link IllegalStateException} naming the known ones.
     */
    static String productName(Dialect dialect) {
        return switch (dialect.name()) {
            case "postgresql" -> "PostgreSQL";
            case "mariadb" -> "MariaDB";
            case "mysql" -> "MySQL";
            case "h2" -> "H2";
            default -> throw new IllegalStateException("No Hibernate dialect is known for the database '"
                    + dialect.name() + "'; JpaModel maps entities for postgresql, mariadb, mysql and h2, or use"
                    + " JpaModel.ofMetadata with the Metadata the application built");
        };
    }

    /**
     * Whether the database folds a name that was not quoted: PostgreSQL to lower case, H2 to upper case (which
     * the catalog readers give in lower case), and MariaDB/MySQL keep it as written.
     */
    static boolean foldsUnquotedNames(Dialect dialect) {
        return !dialect.name().equals("mariadb") && !dialect.name().equals("mysql");
    }
}
