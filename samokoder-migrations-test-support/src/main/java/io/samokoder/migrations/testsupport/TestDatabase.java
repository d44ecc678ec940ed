package io.samokoder.migrations.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * One fresh database for a test, on PostgreSQL ({@link TestPostgres}) or MariaDB ({@link TestMariaDb}).
 * Closing it drops the database (ending any connection still open to it).
 */
public final class TestDatabase implements AutoCloseable {

    private final String name;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final DataSource dataSource;
    private final Consumer<String> dropper;

    TestDatabase(String name, String jdbcUrl, String user, String password, Consumer<String> dropper) {
        this(name, jdbcUrl, user, password, TestPostgres.dataSource(jdbcUrl, user, password), dropper);
    }

    TestDatabase(String name, String jdbcUrl, String user, String password, DataSource dataSource,
            Consumer<String> dropper) {
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.dataSource = dataSource;
        this.dropper = dropper;
    }

    /** The database name. */
    public String name() {
        return this.name;
    }

    /** A JDBC URL of this database, without credentials. */
    public String jdbcUrl() {
        return this.jdbcUrl;
    }

    /** The user to connect as. */
    public String user() {
        return this.user;
    }

    /** The password to connect with (empty for trust authentication). */
    public String password() {
        return this.password;
    }

    /** A non-pooled DataSource that opens a new connection to this database on each call. */
    public DataSource dataSource() {
        return this.dataSource;
    }

    /** Opens a new connection to this database. */
    public Connection connect() throws SQLException {
        return this.dataSource.getConnection();
    }

    @Override
    public void close() {
        this.dropper.accept(this.name);
    }

    @Override
    public String toString() {
        return "TestDatabase[" + this.name + "]";
    }
}
