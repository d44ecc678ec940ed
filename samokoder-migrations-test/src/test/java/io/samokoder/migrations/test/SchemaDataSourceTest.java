package io.samokoder.migrations.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A pooled connection goes back to the pool with the search_path it came with. */
@ExtendWith(PostgresDatabaseExtension.class)
class SchemaDataSourceTest {

    @Test
    void searchPathIsSetWhileBorrowedAndRestoredOnClose(TestDatabase db) throws Exception {
        try (Connection physical = db.connect()) {
            execute(physical, "CREATE SCHEMA kit_probe");
            execute(physical, "SET search_path TO public");
            DataSource pool = poolOfOne(physical);
            SchemaDataSource schemaDataSource = new SchemaDataSource(pool, KitDatabase.POSTGRESQL, "kit_probe");

            try (Connection borrowed = schemaDataSource.getConnection()) {
                assertThat(value(borrowed, "SELECT current_schema()")).isEqualTo("kit_probe");
            }
            assertThat(value(physical, "SHOW search_path")).isEqualTo("public");

            physical.setAutoCommit(false);
            try (Connection borrowed = schemaDataSource.getConnection()) {
                assertThat(value(borrowed, "SELECT current_schema()")).isEqualTo("kit_probe");
                borrowed.rollback();
                assertThat(value(borrowed, "SELECT current_schema()")).isEqualTo("kit_probe");
            }
            assertThat(value(physical, "SHOW search_path")).isEqualTo("public");
            physical.setAutoCommit(true);
        }
    }

    private static DataSource poolOfOne(Connection physical) {
        Connection unclosable = (Connection) Proxy.newProxyInstance(getLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> method.getName().equals("close") ? null : method.invoke(physical, args));
        return (DataSource) Proxy.newProxyInstance(getLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return unclosable;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ClassLoader getLoader() {
        return SchemaDataSourceTest.class.getClassLoader();
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static String value(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
