package io.samokoder.migrations.test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.testsupport.Postgres11;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kit on PostgreSQL 11, the oldest version the engine supports, whose catalog has no generated columns
 * ({@link Postgres11}: Linux x86-64 only; elsewhere this class is skipped).
 */
class MigrationsKitPostgres11Test {

    private static EmbeddedPostgres server;

    @BeforeAll
    static void start() throws IOException {
        server = Postgres11.server();
    }

    @Test
    void everyCheckPassesOnAGoodSetAndALeftIndexIsReported() {
        DataSource ds = server.getPostgresDatabase();
        MigrationsKit.of(ds, "classpath:kit/good").assertAll();
        assertThatThrownBy(() -> MigrationsKit.of(ds, "classpath:kit/leaky-index").assertDowngradesLeaveNoTrace())
            .isInstanceOf(AssertionError.class)
            .hasMessage("downgrade of 3f2a9c1b7d4e (classpath:kit/leaky-index/002_3f2a9c1b7d4e_nickname.sql)"
                    + " leaves index ix_users_email on users");
    }
}
