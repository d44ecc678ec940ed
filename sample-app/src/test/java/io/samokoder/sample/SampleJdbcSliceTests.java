package io.samokoder.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A {@code @JdbcTest} slice runs migrations before the test's JdbcClient is used. */
@ExtendWith(ClassDatabase.class)
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@DirtiesContext
class SampleJdbcSliceTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> ClassDatabase.of(SampleJdbcSliceTests.class).jdbcUrl());
        registry.add("spring.datasource.username", () -> ClassDatabase.of(SampleJdbcSliceTests.class).user());
        registry.add("spring.datasource.password", () -> ClassDatabase.of(SampleJdbcSliceTests.class).password());
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void migrationsRanInTheSlice() {
        assertThat(this.jdbc.sql("SELECT version_num FROM alembic_version").query(String.class).list())
            .containsExactly("ae9f6fa0aca7");
        assertThat(this.jdbc.sql("SELECT count(*) FROM users").query(Integer.class).single()).isZero();
    }
}
