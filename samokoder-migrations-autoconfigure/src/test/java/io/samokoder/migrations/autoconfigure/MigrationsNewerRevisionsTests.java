package io.samokoder.migrations.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A rollback: the application of an older build starts on a database that a newer build migrated. Refused by
 * default with Alembic's message; with {@code allow-newer-revisions} it starts, applies nothing, and health and the
 * endpoint read the database as at this build's heads, in upgrade and in validate mode.
 */
@ExtendWith({ PostgresDatabaseExtension.class, OutputCaptureExtension.class })
class MigrationsNewerRevisionsTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class,
                MigrationsEndpointAutoConfiguration.class, MigrationsHealthAutoConfiguration.class))
        .withPropertyValues("management.endpoints.web.exposure.include=migrations");

    private static void script(Path dir, String id, String revises, String table) throws IOException {
        Files.writeString(dir.resolve(id + ".sql"), "-- " + table + "\n--\n-- Revision ID: " + id + "\n-- Revises: "
                + revises + "\n\n-- migrate:upgrade\nCREATE TABLE " + table + " (id int);\n\n-- migrate:downgrade\n"
                + "DROP TABLE " + table + ";\n");
    }

    @Test
    void anOlderBuildStartsOnADatabaseThatANewerBuildMigratedOnlyWhereAllowed(@TempDir Path newer,
            @TempDir Path older, @TempDir Path newerViews, @TempDir Path olderViews, CapturedOutput output)
            throws IOException, SQLException {
        for (Path dir : List.of(newer, older)) {
            script(dir, "a1", "", "t_a");
            script(dir, "b2", "a1", "t_b");
        }
        script(newer, "c3", "b2", "t_c");
        // A repeatable script that the newer build changed: the older one's is not due over it.
        Files.writeString(newerViews.resolve("R__view.sql"), "CREATE OR REPLACE VIEW v AS SELECT id FROM t_c;\n");
        Files.writeString(olderViews.resolve("R__view.sql"), "CREATE OR REPLACE VIEW v AS SELECT id FROM t_b;\n");
        try (TestDatabase db = TestPostgres.createDatabase("newer")) {
            new Migrations(MigrationsConfig.builder().dataSource(db.dataSource()).locations("filesystem:" + newer)
                .repeatableLocations("filesystem:" + newerViews)
                .build()).upgrade("heads");
            ApplicationContextRunner olderBuild = this.runner.withBean(DataSource.class, db::dataSource)
                .withPropertyValues("samokoder.migrations.locations=filesystem:" + older,
                        "samokoder.migrations.repeatable-locations=filesystem:" + olderViews);

            olderBuild.run((context) -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageStartingWith("Can't locate revision identified by 'c3'");
            });
            for (String mode : List.of("upgrade", "validate", "none")) {
                olderBuild.withPropertyValues("samokoder.migrations.allow-newer-revisions=true",
                        "samokoder.migrations.mode=" + mode)
                    .run((context) -> {
                        assertThat(context).hasNotFailed();
                        Health health = context.getBean(MigrationsHealthIndicator.class).health(true);
                        assertThat(health.getStatus()).as(mode).isEqualTo(Status.UP);
                        assertThat(health.getDetails()).containsEntry("pending", List.of())
                            .containsEntry("drifted", List.of())
                            .containsEntry("newer", List.of("c3"));
                        MigrationsEndpoint.MigrationsBeanDescriptor bean = EndpointAnswers.bean(context);
                        assertThat(bean.current()).containsExactly("c3");
                        assertThat(bean.newer()).as("named in every mode").containsExactly("c3");
                        assertThat(bean.pending()).isEmpty();
                        assertThat(bean.repeatables()).containsExactly("R__view.sql");
                        assertThat(bean.pendingRepeatables()).isEmpty();
                        // Upgrade mode ran and left the newer row alone, saying so; the other modes ran nothing.
                        assertThat(bean.lastRun().warnings()).as(mode).hasSize(mode.equals("upgrade") ? 1 : 0)
                            .allSatisfy((warning) -> assertThat(warning).contains("holds c3, which no loaded script"
                                    + " declares; the log shows it applied on top of b2"));
                    });
            }
            // Each mode says why the database is ahead of its heads.
            assertThat(output.getAll()).contains("holds c3, which no loaded script declares; the log shows it applied"
                    + " on top of b2").contains("Validate mode: the version table holds [c3], which no loaded script"
                            + " declares: a newer build migrated the database");
            assertThat(new Migrations(MigrationsConfig.builder().dataSource(db.dataSource())
                .locations("filesystem:" + newer)
                .build()).current()).containsExactly("c3");
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT pg_get_viewdef('v')")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).as("the newer build's view").contains("t_c");
            }
        }
    }
}
