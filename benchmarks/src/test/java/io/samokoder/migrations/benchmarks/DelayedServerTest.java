package io.samokoder.migrations.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DelayedServerTest {

    @Test
    void rewritesTheHostAndPortOfAJdbcUrl() {
        assertThat(DelayedServer.hostPort("jdbc:postgresql://127.0.0.1:5432/bench?sslmode=disable"))
                .isEqualTo("127.0.0.1:5432");
        assertThat(DelayedServer.through("jdbc:postgresql://127.0.0.1:5432/bench?sslmode=disable", 40001))
                .isEqualTo("jdbc:postgresql://127.0.0.1:40001/bench?sslmode=disable");
        assertThat(DelayedServer.through("jdbc:mariadb://db.example:3306/bench", 40001))
                .isEqualTo("jdbc:mariadb://127.0.0.1:40001/bench");
        assertThat(DelayedServer.through("jdbc:postgresql://localhost/bench", 40001))
                .isEqualTo("jdbc:postgresql://127.0.0.1:40001/bench");
    }
}
