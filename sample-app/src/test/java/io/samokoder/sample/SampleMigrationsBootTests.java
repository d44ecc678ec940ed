package io.samokoder.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.test.MigrationsKit;
import io.samokoder.migrations.test.MigrationsTest;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The test kit inside a Spring Boot test: {@code @MigrationsTest} builds the kit over the
 * application's own DataSource, and its checks leave the application's schema as the start-up run left it.
 */
@ExtendWith(ClassDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@MigrationsTest
class SampleMigrationsBootTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> ClassDatabase.of(SampleMigrationsBootTests.class).jdbcUrl());
        registry.add("spring.datasource.username", () -> ClassDatabase.of(SampleMigrationsBootTests.class).user());
        registry.add("spring.datasource.password",
                () -> ClassDatabase.of(SampleMigrationsBootTests.class).password());
    }

    @Autowired
    DataSource dataSource;

    @Test
    void revisionsGoUpAndDownCleanlyOnTheApplicationsDatabase(MigrationsKit kit) {
        kit.assertAll();
        JdbcClient jdbc = JdbcClient.create(this.dataSource);
        assertThat(jdbc.sql("SELECT version_num FROM alembic_version").query(String.class).list())
            .containsExactly("0be0e10f5cc6");
        assertThat(jdbc.sql("SELECT current_schema()").query(String.class).single()).isEqualTo("public");
    }
}
