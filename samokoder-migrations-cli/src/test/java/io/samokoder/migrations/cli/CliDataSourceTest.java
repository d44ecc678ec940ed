package io.samokoder.migrations.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** What the command line says when no driver takes the URL: DriverManager's own words do not say what to do. */
class CliDataSourceTest {

    @Test
    void aUrlNoDriverTakesNamesItsSchemeTheDriversAndWhereToPutOne() {
        CliDataSource source = new CliDataSource("jdbc:sqlite://admin:S3cretPw@db/app?password=Other9", "u",
                "Given7", null, getClass().getClassLoader());
        SQLException e = assertThrows(SQLException.class, source::getConnection);
        String message = e.getMessage();
        assertEquals("08001", e.getSQLState());
        assertTrue(message.startsWith("No JDBC driver on the class path takes jdbc:sqlite: URLs (drivers found: "),
                message);
        assertTrue(message.contains("org.postgresql.Driver"), message);
        assertTrue(message.endsWith(". Put the database's driver jar on the class path: with the command line,"
                + " --classpath (for example --classpath h2-2.3.232.jar); with the Maven plugin, a dependency of"
                + " the project."), message);
        for (String secret : new String[] {"S3cretPw", "Other9", "Given7"}) {
            assertFalse(message.contains(secret), message);
        }
    }

    @Test
    void aMySqlUrlIsToldHowMariaDbsDriverTakesIt() {
        CliDataSource source = new CliDataSource("jdbc:mysql://db:3306/app", "u", null, null, null);
        String message = assertThrows(SQLException.class, source::getConnection).getMessage();
        assertTrue(message.startsWith("No JDBC driver on the class path takes jdbc:mysql: URLs"), message);
        assertTrue(message.endsWith(" For MySQL, MariaDB's driver takes the URL when it has the permitMysqlScheme"
                + " option (jdbc:mysql://host:3306/db?permitMysqlScheme); for a MariaDB server, use a jdbc:mariadb:"
                + " URL."), message);
    }

    @Test
    void aUrlWithoutJdbcSaysWhatAUrlLooksLike() {
        CliDataSource source = new CliDataSource("postgres://u:S3cretPw@db/app", null, null, null, null);
        String message = assertThrows(SQLException.class, source::getConnection).getMessage();
        assertTrue(message.startsWith("The URL does not start with jdbc:<database>: (for example"
                + " jdbc:postgresql://host:5432/db), so no JDBC driver takes it (drivers found: "), message);
        assertFalse(message.contains("S3cretPw"), message);
        assertFalse(message.contains("--classpath"), message);
    }

    @Test
    void schemes() {
        assertEquals("jdbc:h2:", CliDataSource.scheme("JDBC:H2:mem:x"));
        assertEquals("jdbc:postgresql:", CliDataSource.scheme("jdbc:postgresql://db/app"));
        assertNull(CliDataSource.scheme("jdbc://db"));
        assertNull(CliDataSource.scheme("jdbc:a b:x"));
        assertNull(CliDataSource.scheme("mysql://db"));
    }
}
