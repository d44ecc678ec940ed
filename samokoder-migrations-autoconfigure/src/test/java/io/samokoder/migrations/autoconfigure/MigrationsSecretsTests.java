package io.samokoder.migrations.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.json.JsonMapper;

/**
 * A password in the DataSource's URL and settings, or in {@code samokoder.migrations.url} and {@code password},
 * appears in no endpoint or health JSON, start-up failure, failure analysis or log line.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationsSecretsTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class,
                MigrationsEndpointAutoConfiguration.class, MigrationsHealthAutoConfiguration.class))
        .withPropertyValues("management.endpoints.web.exposure.include=migrations");

    private static String secret(TestDatabase db) {
        return db.password() == null || db.password().isEmpty() ? "Sup3r-S3cret-Pa55" : db.password();
    }

    private static String withPassword(String url, String secret) {
        return url + (url.contains("?") ? "&" : "?") + "password=" + secret;
    }

    private static void script(Path dir, String id, String revises, String upgrade) throws IOException {
        Files.writeString(dir.resolve(id + ".sql"), "-- " + id + "\n--\n-- Revision ID: " + id + "\n-- Revises: "
                + revises + "\n\n-- migrate:upgrade\n" + upgrade + "\n\n-- migrate:downgrade\nSELECT 1;\n");
    }

    private static String everything(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    @Test
    void passwordsAppearInNoJsonFailureOrLog(@TempDir Path good, @TempDir Path bad, CapturedOutput output)
            throws IOException {
        script(good, "a1", "", "CREATE TABLE t_a (id int);");
        script(bad, "a1", "", "CREATE TABLE t_a (id int);");
        script(bad, "b2", "a1", "INSERT INTO missing_table VALUES (1);");
        JsonMapper json = JsonMapper.builder().build();
        List<String> seen = new ArrayList<>();
        try (TestDatabase db = TestPostgres.createDatabase("secrets")) {
            String secret = secret(db);
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(withPassword(db.jdbcUrl(), secret));
            ds.setUser(db.user());
            ds.setPassword(secret);

            this.runner.withBean(DataSource.class, () -> ds)
                .withPropertyValues("samokoder.migrations.locations=filesystem:" + good)
                .run((context) -> {
                    assertThat(context).hasNotFailed();
                    seen.add(json.writeValueAsString(context.getBean(MigrationsEndpoint.class).migrations()));
                    seen.add(json.writeValueAsString(context.getBean(MigrationsHealthIndicator.class).health(true)));
                    seen.add(context.getBean(MigrationsProperties.class).toString());
                });
            // The engine's own DataSource from samokoder.migrations.url, user and password.
            this.runner.withBean(DataSource.class, () -> ds)
                .withPropertyValues("samokoder.migrations.locations=filesystem:" + bad,
                        "samokoder.migrations.url=" + withPassword(db.jdbcUrl(), secret),
                        "samokoder.migrations.user=" + db.user(), "samokoder.migrations.password=" + secret)
                .run((context) -> {
                    assertThat(context).hasFailed();
                    Throwable failure = context.getStartupFailure();
                    seen.add(everything(failure));
                    FailureAnalysis analysis = new MigrationsFailureAnalyzer().analyze(failure);
                    assertThat(analysis).isNotNull();
                    seen.add(analysis.getDescription());
                    seen.add(analysis.getAction());
                });
            seen.add(output.getAll());
            assertThat(String.join("\n", seen)).contains("missing_table").contains("migrationsInitializer");
            assertThat(seen).allSatisfy((text) -> assertThat(text).doesNotContain(secret));
        }
    }
}
