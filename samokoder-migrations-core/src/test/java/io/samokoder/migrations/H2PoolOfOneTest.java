package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On H2 the migration lock holds a connection in a transaction, so a run needs a second one. From a pool
 * of one the run fails saying so, asks the pool once (not once per read), and leaves a new database as it
 * was, the lock's table included; from a pool of two it runs.
 */
class H2PoolOfOneTest {

    private static HikariDataSource pool(String url, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(size);
        // Hikari's least: the wait for the connection that never comes.
        config.setConnectionTimeout(250);
        return new HikariDataSource(config);
    }

    @Test
    void aPoolOfOneIsToldThatARunNeedsTwo(@TempDir Path dir) {
        Rev.writeAll(dir, Rev.of("p1", "").up("CREATE TABLE t1 (id INT);").down("DROP TABLE t1;"));
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (HikariDataSource one = pool(url, 1)) {
            AtomicInteger refused = new AtomicInteger();
            DataSource counted = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                        try {
                            return method.invoke(one, args);
                        } catch (InvocationTargetException ex) {
                            if (method.getName().equals("getConnection")) {
                                refused.incrementAndGet();
                            }
                            throw ex.getCause();
                        }
                    });
            MigrationException e = catchThrowableOfType(MigrationException.class,
                    () -> new Migrations(H2Db.config(counted, dir).build()).upgrade("heads"));

            assertThat(e.getMessage()).startsWith("Could not read the version table alembic_version: no second"
                    + " connection from the DataSource, while the migration lock holds one in a transaction: a run"
                    + " uses two connections at once here, so give its pool at least two (")
                    .contains("Connection is not available, request timed out after");
            assertThat(refused).as("connections the pool could not give").hasValue(1);
            assertThat(Db.strings(one, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC'")).isEmpty();
        }
        try (HikariDataSource two = pool(url, 2)) {
            assertThat(new Migrations(H2Db.config(two, dir).build()).upgrade("heads").rowsAfter())
                    .containsExactly("p1");
        }
    }
}
