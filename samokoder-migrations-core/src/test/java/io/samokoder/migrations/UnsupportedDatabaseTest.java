package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.dialect.Dialects;
import io.samokoder.migrations.dialect.mariadb.MariaDbDialect;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database that no dialect serves is refused before any statement, naming it and the supported
 * ones; so is one that the configured dialect does not serve. The database is H2 reporting itself as
 * another product, so that the test holds whichever products are supported.
 */
class UnsupportedDatabaseTest {

    @Test
    void anUnknownDatabaseIsRefusedBeforeAnythingRuns(@TempDir Path dir) throws SQLException {
        Rev.writeAll(dir, Rev.of("u1", "").up("CREATE TABLE t (id int);").down("DROP TABLE t;"));
        JdbcDataSource h2 = h2("unsupported");
        Migrations migrations = new Migrations(Db.config(reportingProduct(h2, "Nosuchbase"), dir).build());
        String expected = "which this version of Samokoder Migrations does not support: it migrates "
                + Dialects.supportedProducts() + ". Nothing was changed; give it a DataSource of one of those.";
        assertThatThrownBy(() -> migrations.upgrade(Target.HEADS)).isInstanceOf(MigrationConfigurationException.class)
                .hasMessageStartingWith("The database is Nosuchbase ").hasMessageEndingWith(expected);
        assertThatThrownBy(migrations::current).isInstanceOf(MigrationConfigurationException.class)
                .hasMessageEndingWith(expected);
        assertThatThrownBy(() -> migrations.downgrade("base")).isInstanceOf(MigrationConfigurationException.class)
                .hasMessageEndingWith(expected);
        assertNoTables(h2);
    }

    @Test
    void aDatabaseOtherThanTheConfiguredDialectsIsRefused(@TempDir Path dir) throws SQLException {
        Rev.writeAll(dir, Rev.of("u1", "").up("CREATE TABLE t (id int);").down("DROP TABLE t;"));
        JdbcDataSource h2 = h2("otherdialect");
        Migrations migrations = new Migrations(Db.config(reportingProduct(h2, "PostgreSQL"), dir)
                .dialect(MariaDbDialect.INSTANCE).build());
        assertThatThrownBy(() -> migrations.upgrade(Target.HEADS)).isInstanceOf(MigrationConfigurationException.class)
                .hasMessageStartingWith("The database is PostgreSQL ")
                .hasMessageContaining("but the configured dialect is mariadb (samokoder.migrations.dialect). Nothing"
                        + " was changed; configure the dialect of PostgreSQL, or none to have it detected from the"
                        + " connection.");
        assertNoTables(h2);
    }

    @Test
    void theSupportedProductsAreListed() {
        assertThat(Dialects.supportedProducts()).contains("PostgreSQL", "MariaDB", "MySQL");
        assertThat(Dialects.forProduct("Nosuchbase")).isEmpty();
        assertThat(Dialects.forProduct("MariaDB")).containsSame(MariaDbDialect.INSTANCE);
        assertThat(Dialects.forProduct("MySQL")).containsSame(MariaDbDialect.MYSQL);
    }

    private static JdbcDataSource h2(String name) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    private static void assertNoTables(JdbcDataSource h2) throws SQLException {
        try (Connection c = h2.getConnection();
                ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", "%", null)) {
            assertThat(rs.next()).as("no table was created").isFalse();
        }
    }

    /** A DataSource whose connections' metadata report another product name. */
    static DataSource reportingProduct(DataSource target, String product) {
        return (DataSource) Proxy.newProxyInstance(UnsupportedDatabaseTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, forward(target, (proxy, method, args) -> {
                    Object result = method.invoke(target, args);
                    if (result instanceof Connection connection) {
                        return Proxy.newProxyInstance(UnsupportedDatabaseTest.class.getClassLoader(),
                                new Class<?>[] {Connection.class}, forward(connection, (p, m, a) -> {
                                    Object r = m.invoke(connection, a);
                                    if (r instanceof DatabaseMetaData metaData) {
                                        return Proxy.newProxyInstance(UnsupportedDatabaseTest.class.getClassLoader(),
                                                new Class<?>[] {DatabaseMetaData.class}, forward(metaData,
                                                        (p2, m2, a2) -> m2.getName().equals("getDatabaseProductName")
                                                                ? product : m2.invoke(metaData, a2)));
                                    }
                                    return r;
                                }));
                    }
                    return result;
                }));
    }

    private static InvocationHandler forward(Object target, InvocationHandler handler) {
        return (proxy, method, args) -> {
            try {
                return handler.invoke(proxy, method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
    }
}
