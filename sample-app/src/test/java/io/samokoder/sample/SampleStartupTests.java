package io.samokoder.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** Start-up behaviour of the sample app under different settings, each on a fresh database. */
@ExtendWith(OutputCaptureExtension.class)
class SampleStartupTests {

    private TestDatabase db;

    @BeforeEach
    void createDatabase() {
        this.db = TestPostgres.createDatabase("startup");
    }

    @AfterEach
    void dropDatabase() {
        this.db.close();
    }

    private ConfigurableApplicationContext start(String... properties) {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + this.db.jdbcUrl(),
                "--spring.datasource.username=" + this.db.user(), "--spring.datasource.password=" + this.db.password(),
                "--server.port=0", "--spring.main.banner-mode=off"));
        for (String property : properties) {
            args.add("--" + property);
        }
        return new SpringApplicationBuilder(SampleApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void failingRevisionStopsStartupWithTheAnalyzersText(CapturedOutput output) {
        assertThatException()
            .isThrownBy(() -> start("samokoder.migrations.locations=classpath:db/migrations,classpath:db/failing"));
        assertThat(output).contains("APPLICATION FAILED TO START")
            .contains("Migrations failed at start-up.")
            .contains("Revision:  7ead2de0adf9")
            .contains("File:      classpath:db/failing/007_7ead2de0adf9_add_project_owner_index.sql")
            .contains("Statement: 2 (line 9)")
            .contains("SQLSTATE:  42703")
            .contains("\"owner_id\" does not exist")
            .contains("Fix statement 2 of classpath:db/failing/007_7ead2de0adf9_add_project_owner_index.sql");
        assertThat(output.toString()).doesNotContain(this.db.jdbcUrl());
        assertThat(query("SELECT version_num FROM alembic_version")).containsExactly("ae9f6fa0aca7");
        assertThat(query("SELECT column_name FROM information_schema.columns WHERE table_name = 'projects'"
                + " AND column_name = 'archived_at'")).as("the failed revision was rolled back").isEmpty();
    }

    @Test
    void targetStopsAtAMiddleRevision() {
        try (ConfigurableApplicationContext context = start("samokoder.migrations.target=d229",
                "spring.main.web-application-type=none")) {
            assertThat(context.isActive()).isTrue();
        }
        assertThat(query("SELECT version_num FROM alembic_version")).containsExactly("d2291d45c273");
        assertThat(tables()).contains("users", "alembic_version").doesNotContain("projects");
    }

    @Test
    void validateModeAppliesNothingAndTakesTheInstanceOutOfService() {
        try (ConfigurableApplicationContext context = start("samokoder.migrations.mode=validate")) {
            Http.Response readiness = Http.get(port(context), "/actuator/health/readiness");
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.json().get("status").asString()).isEqualTo("OUT_OF_SERVICE");
            assertThat(Http.get(port(context), "/actuator/health/liveness").status()).isEqualTo(200);
            JsonNode bean = Http.get(port(context), "/actuator/migrations")
                .json()
                .get("contexts")
                .get(context.getId())
                .get("migrations")
                .get("migrationsInitializer");
            assertThat(bean.get("mode").asString()).isEqualTo("validate");
            assertThat(SampleApplicationTests.texts(bean.get("current"))).isEmpty();
            assertThat(SampleApplicationTests.texts(bean.get("pending")))
                .containsExactlyElementsOf(SampleApplicationTests.RUN_ORDER);
            assertThat(bean.get("lastRun").get("outcome").asString()).isEqualTo("NOT_RUN");
        }
        assertThat(tables()).doesNotContain("users", "projects", "alembic_version");
    }

    @Test
    void disabledTouchesNothing() {
        try (ConfigurableApplicationContext context = start("samokoder.migrations.enabled=false")) {
            assertThat(Http.get(port(context), "/actuator/migrations").status()).isEqualTo(404);
            assertThat(Http.get(port(context), "/actuator/health").json().get("components").has("migrations"))
                .isFalse();
        }
        assertThat(tables()).isEmpty();
    }

    private List<String> tables() {
        return query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    }

    private List<String> query(String sql) {
        try (Connection connection = this.db.connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
