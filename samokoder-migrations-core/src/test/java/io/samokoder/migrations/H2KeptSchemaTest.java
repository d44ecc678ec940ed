package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A revision's {@code SET SCHEMA} on H2 does not stay on the application's pooled connections that the
 * run used: the run puts the current schema back.
 */
class H2KeptSchemaTest {

    @Test
    void aRevisionThatChangesTheSchemaLeavesThePooledConnectionsOnTheirOwn(@TempDir Path dir) throws Exception {
        Rev.writeAll(dir,
                Rev.of("r1", "").up("CREATE TABLE accounts (id INT);\nINSERT INTO accounts VALUES (1);")
                        .down("DROP TABLE accounts;"),
                Rev.of("r2", "r1").up("CREATE SCHEMA other;\nSET SCHEMA other;\nCREATE TABLE accounts (id INT);")
                        .down("DROP SCHEMA other CASCADE;"));
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        config.setUsername("sa");
        config.setPassword("");
        // H2's lock holds a connection of its own beside the run's.
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(2);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            // The engine's tables named with their schema, so that r2's bookkeeping finds them after its SET SCHEMA.
            new Migrations(H2Db.config(pool, dir).schema("PUBLIC").build()).upgrade("heads");

            try (Connection first = pool.getConnection(); Connection second = pool.getConnection()) {
                assertThat(Db.first(first, "SELECT CURRENT_SCHEMA")).isEqualTo("PUBLIC");
                assertThat(Db.first(second, "SELECT CURRENT_SCHEMA")).isEqualTo("PUBLIC");
            }
            assertThat(Db.count(pool, "SELECT count(*) FROM accounts")).as("the application's table").isEqualTo(1);
            assertThat(Db.count(pool, "SELECT count(*) FROM other.accounts")).as("r2's table").isZero();
        }
    }
}
