package io.samokoder.migrations.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.ObservationView;
import io.samokoder.migrations.Migrations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** {@code samokoder.migrations.repeatable-locations}, resolved by Spring, applied at start-up and reported; on H2. */
@ExtendWith(OutputCaptureExtension.class)
class MigrationsRepeatableScriptsTests {

    private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class))
        .withPropertyValues("spring.datasource.url=" + this.url,
                "samokoder.migrations.locations=classpath:db/repeatables/migrations");

    @Test
    void theScriptsOfTheLocationAreAppliedAfterTheRevisionsAtStartUpAndReported() {
        this.runner.withPropertyValues("samokoder.migrations.repeatable-locations=classpath*:db/repeatables/repeatable")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                Migrations migrations = context.getBean(Migrations.class);
                assertThat(migrations.config().repeatableScripts()).hasSize(1);
                assertThat(migrations.config().repeatableLocations())
                    .containsExactly("classpath:db/repeatables/repeatable");
                assertThat(single("SELECT COUNT(*) FROM active_users")).isEqualTo("1");
                MigrationsReport report = context.getBean(MigrationsInitializer.class).lastReport();
                assertThat(report.repeatables()).containsExactly("R__active_users.sql");
                assertThat(report.pendingRepeatables()).isEmpty();
                assertThat(report.lastRun().outcome()).isEqualTo(MigrationsReport.Outcome.SUCCESS);
            });
    }

    @Test
    void eachIsObservedAsAChildOfTheRun() {
        List<String> events = new ArrayList<>();
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new ObservationHandler<Observation.Context>() {
            @Override
            public void onStart(Observation.Context context) {
                ObservationView parent = context.getParentObservation();
                events.add("start " + context.getContextualName() + " in "
                        + (parent == null ? null : parent.getContextView().getName()));
            }

            @Override
            public void onStop(Observation.Context context) {
                events.add("stop " + context.getContextualName()
                        + (context.getError() != null ? " with an error" : ""));
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return MigrationsObservations.REPEATABLE.equals(context.getName());
            }
        });
        this.runner.withBean(ObservationRegistry.class, () -> registry)
            .withPropertyValues("samokoder.migrations.repeatable-locations=classpath:db/repeatables/repeatable")
            .run((context) -> assertThat(context).hasNotFailed());
        assertThat(events).containsExactly("start repeatable R__active_users.sql in samokoder.migrations",
                "stop repeatable R__active_users.sql");
        events.clear();
        this.runner.withBean(ObservationRegistry.class, () -> registry)
            .withPropertyValues("samokoder.migrations.repeatable-locations=classpath:db/repeatables/broken")
            .run((context) -> assertThat(context).hasFailed());
        assertThat(events).containsExactly("start repeatable R__broken.sql in samokoder.migrations",
                "stop repeatable R__broken.sql with an error");
    }

    @Test
    void inValidateModeTheyAreReportedDueAndTakeTheInstanceOutOfService() {
        // The revisions applied by a start that had no repeatable scripts (an empty list of locations).
        this.runner.withPropertyValues("samokoder.migrations.repeatable-locations=")
            .run((context) -> assertThat(context).hasNotFailed());
        this.runner
            .withPropertyValues("samokoder.migrations.mode=validate",
                    "samokoder.migrations.repeatable-locations=classpath:db/repeatables/repeatable")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                MigrationsReport report = context.getBean(MigrationsInitializer.class).lastReport();
                assertThat(report.pending()).isEmpty();
                assertThat(report.pendingRepeatables()).containsExactly("R__active_users.sql");
                assertThat(MigrationsHealthIndicator.statusOf(report)).isEqualTo(Status.OUT_OF_SERVICE);
                SimpleMeterRegistry registry = new SimpleMeterRegistry();
                new MigrationsMetrics(Map.of("migrationsInitializer", context.getBean(MigrationsInitializer.class)))
                    .bindTo(registry);
                assertThat(registry.get(MigrationsMetrics.REPEATABLES_PENDING).gauge().value()).isEqualTo(1.0);
                assertThat(single("SELECT COUNT(*) FROM INFORMATION_SCHEMA.VIEWS WHERE TABLE_NAME = 'ACTIVE_USERS'"))
                    .isEqualTo("0");
            });
    }

    @Test
    void theDefaultLocationMayBeMissingWithoutAWord(CapturedOutput output) {
        this.runner.run((context) -> {
            assertThat(context).hasNotFailed();
            Migrations migrations = context.getBean(Migrations.class);
            assertThat(migrations.config().repeatableScripts()).isEmpty();
            // Nothing found: the engine lists no location of its own on every start.
            assertThat(migrations.config().repeatableLocations()).isEmpty();
            assertThat(context.getBean(MigrationsInitializer.class).lastReport().repeatables()).isEmpty();
        });
        assertThat(output).doesNotContain("repeatable");
    }

    @Test
    void aMissingClassPathLocationIsReportedNamingTheProperty(CapturedOutput output) {
        this.runner.withPropertyValues("samokoder.migrations.repeatable-locations=classpath:db/no-such-views")
            .run((context) -> assertThat(context).hasNotFailed());
        assertThat(output).contains("Script location 'classpath:db/no-such-views'"
                + " (samokoder.migrations.repeatable-locations) does not exist on the class path; it adds no scripts");
    }

    private String single(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(this.url, "sa", ""); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
