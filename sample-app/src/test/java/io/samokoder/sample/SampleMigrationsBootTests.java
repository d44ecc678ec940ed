package io.samokoder.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import db.migrations.M007_AddProjectStatuses;
import io.samokoder.migrations.test.MigrationsKit;
import io.samokoder.migrations.test.MigrationsTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
        // The annotation's kit reads SQL scripts; the Java revision that the last script revises is given here.
        kit.javaRevisions(new M007_AddProjectStatuses()).assertAll();
        JdbcClient jdbc = JdbcClient.create(this.dataSource);
        assertThat(jdbc.sql("SELECT version_num FROM alembic_version").query(String.class).list())
            .containsExactly("ae9f6fa0aca7");
        assertThat(jdbc.sql("SELECT current_schema()").query(String.class).single()).isEqualTo("public");
    }

    @Test
    void javaRevisionAddedTheStatusLookupAndItsForeignKey() throws SQLException {
        JdbcClient jdbc = JdbcClient.create(this.dataSource);
        assertThat(jdbc.sql("SELECT code || ':' || label || ':' || position FROM project_statuses ORDER BY position")
            .query(String.class)
            .list()).containsExactly("active:Active:1", "paused:Paused:2", "archived:Archived:3");
        assertThat(jdbc.sql("SELECT checksum FROM samokoder_migrations_log WHERE revision LIKE '%3c8f1a9d2b7e'"
                + " AND checksum IS NOT NULL").query(String.class).list())
            .isNotEmpty()
            .allSatisfy((checksum) -> assertThat(checksum).startsWith("j2:"));

        // The check constraint of 253890d33616 would reject an unknown status first: without it, the FK does.
        try (Connection c = this.dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("ALTER TABLE projects DROP CONSTRAINT ck_projects_status");
                st.execute("INSERT INTO users (id, email, password_hash)"
                        + " VALUES ('00000000-0000-0000-0000-000000000001', 'fk@example.com', 'x')");
                st.execute("INSERT INTO projects (name, user_id, status)"
                        + " VALUES ('known', '00000000-0000-0000-0000-000000000001', 'paused')");
                assertThatExceptionOfType(SQLException.class)
                    .isThrownBy(() -> st.execute("INSERT INTO projects (name, user_id, status)"
                            + " VALUES ('unknown', '00000000-0000-0000-0000-000000000001', 'deleted')"))
                    .satisfies((e) -> assertThat(e.getSQLState()).isEqualTo("23503"))
                    .withMessageContaining("fk_projects_status_project_statuses");
            }
            finally {
                c.rollback();
            }
        }
    }
}
