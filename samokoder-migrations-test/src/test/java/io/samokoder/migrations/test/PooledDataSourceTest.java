package io.samokoder.migrations.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Over a connection pool, as in a Boot test: the checks pass and the pool's connections come back as they were. */
@ExtendWith(PostgresDatabaseExtension.class)
class PooledDataSourceTest {

    @Test
    void checksOverAPoolLeaveItsConnectionsAsTheyWere(TestDatabase db) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(3);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            MigrationsKit.of(pool, "classpath:kit/good").assertAll()
                .at("e5e5e5e5e5e5").after(c -> { });
            List<Connection> borrowed = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    Connection c = pool.getConnection();
                    borrowed.add(c);
                    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW search_path")) {
                        rs.next();
                        assertThat(rs.getString(1)).isEqualTo("\"$user\", public");
                    }
                }
            }
            finally {
                for (Connection c : borrowed) {
                    c.close();
                }
            }
        }
    }
}
