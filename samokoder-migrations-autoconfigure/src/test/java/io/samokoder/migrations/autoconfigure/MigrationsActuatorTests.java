package io.samokoder.migrations.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/** The endpoint, health, metrics and observations, on a real PostgreSQL database per test. */
@ExtendWith(PostgresDatabaseExtension.class)
class MigrationsActuatorTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class,
                MigrationsEndpointAutoConfiguration.class, MigrationsHealthAutoConfiguration.class,
                MigrationsMetricsAutoConfiguration.class));

    @Test
    void endpointIsAbsentUnlessExposed() {
        try (TestDatabase db = TestPostgres.createDatabase("act")) {
            this.runner.withBean(DataSource.class, db::dataSource).run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context).doesNotHaveBean(MigrationsEndpoint.class);
            });
            this.runner.withBean(DataSource.class, db::dataSource)
                .withPropertyValues("management.endpoints.web.exposure.include=migrations",
                        "management.endpoint.migrations.access=NONE")
                .run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
            this.runner.withBean(DataSource.class, db::dataSource)
                .withPropertyValues("management.endpoints.web.exposure.include=migrations")
                .run((context) -> assertThat(context).hasSingleBean(MigrationsEndpoint.class));
        }
    }

    @Test
    void endpointReportsEveryFieldAndResolvesRevisions() {
        try (TestDatabase db = TestPostgres.createDatabase("act")) {
            this.runner.withBean(DataSource.class, db::dataSource)
                .withPropertyValues("management.endpoints.web.exposure.include=migrations")
                .run((context) -> {
                    MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
                    MigrationsEndpoint.ContextMigrationsDescriptor ctx = endpoint.migrations()
                        .contexts()
                        .get(context.getId());
                    assertThat(ctx.parentId()).isNull();
                    MigrationsEndpoint.MigrationsBeanDescriptor bean = ctx.migrations().get("migrationsInitializer");
                    assertThat(bean.mode()).isEqualTo("upgrade");
                    assertThat(bean.target()).isEqualTo("heads");
                    assertThat(bean.current()).containsExactly("aaaa00000003");
                    assertThat(bean.heads()).containsExactly("aaaa00000003");
                    assertThat(bean.pending()).isEmpty();
                    assertThat(bean.stale()).isFalse();
                    assertThat(bean.staleReason()).isNull();
                    assertThat(bean.lastRun().outcome()).isEqualTo("SUCCESS");
                    assertThat(bean.lastRun().command()).isEqualTo("UPGRADE");
                    assertThat(bean.lastRun().error()).isNull();
                    assertThat(bean.lastRun().steps()).extracting(MigrationsEndpoint.StepDescriptor::revision)
                        .containsExactly("aaaa00000001", "aaaa00000002", "aaaa00000003");
                    assertThat(bean.lastRun().steps().get(0).file())
                        .isEqualTo("classpath:db/migrations/001_aaaa00000001_create_accounts.sql");
                    assertThat(bean.lastRun().steps().get(0).direction()).isEqualTo("UPGRADE");
                    assertThat(bean.lastRun().steps().get(0).message()).isEqualTo("Create accounts");
                    assertThat(bean.history()).extracting(MigrationsEndpoint.RevisionDescriptor::id)
                        .containsExactly("aaaa00000003", "aaaa00000002", "aaaa00000001");
                    MigrationsEndpoint.RevisionDescriptor head = bean.history().get(0);
                    assertThat(head.revises()).containsExactly("aaaa00000002");
                    assertThat(head.head()).isTrue();
                    assertThat(head.applied()).isTrue();
                    assertThat(head.appliedAt()).isNotNull();
                    assertThat(head.checksumStatus()).isEqualTo("MATCH");
                    assertThat(bean.history().get(2).revises()).isEmpty();
                    assertThat(bean.history().get(2).head()).isFalse();

                    MigrationsEndpoint.RevisionResponse one = endpoint.revision("aaaa00000002");
                    assertThat(one.bean()).isEqualTo("migrationsInitializer");
                    assertThat(one.revision().id()).isEqualTo("aaaa00000002");
                    assertThat(one.revision().message()).isEqualTo("Add email to accounts");
                    assertThat(endpoint.revision("aaaa")).as("ambiguous prefix").isNull();
                    assertThat(endpoint.revision("ffff00000000")).as("unknown").isNull();
                });
        }
    }

    @Test
    void reportIsStaleWhenTheDatabaseIsDownAndFreshAgainAfterwards() {
        try (TestDatabase db = TestPostgres.createDatabase("act")) {
            SwitchableDataSource dataSource = new SwitchableDataSource(db.dataSource());
            this.runner.withBean(DataSource.class, () -> dataSource)
                .withPropertyValues("management.endpoints.web.exposure.include=migrations")
                .run((context) -> {
                    MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
                    // The first request reads the status and history; later ones keep them when the
                    // database is down.
                    assertThat(endpoint.migrations().contexts().get(context.getId()).migrations()
                        .get("migrationsInitializer").stale()).isFalse();
                    dataSource.down.set(true);
                    MigrationsEndpoint.MigrationsBeanDescriptor bean = endpoint.migrations()
                        .contexts()
                        .get(context.getId())
                        .migrations()
                        .get("migrationsInitializer");
                    assertThat(bean.stale()).isTrue();
                    assertThat(bean.staleReason()).startsWith("database unavailable").doesNotContain(db.name());
                    assertThat(bean.current()).containsExactly("aaaa00000003");
                    assertThat(bean.history()).hasSize(3);
                    // A revision is resolved in the revision map, without the database; its state is the report's.
                    MigrationsEndpoint.RevisionResponse head = endpoint.revision("heads");
                    assertThat(head.stale()).isTrue();
                    assertThat(head.revision().id()).isEqualTo("aaaa00000003");
                    assertThat(head.revision().applied()).isTrue();
                    assertThat(endpoint.revision("head").revision().id()).isEqualTo("aaaa00000003");
                    dataSource.down.set(false);
                    assertThat(context.getBean(MigrationsInitializer.class).report().stale()).isFalse();
                });
        }
    }

    @Test
    void firstReportWhileTheDatabaseIsDownKeepsTheStartupRun() {
        try (TestDatabase db = TestPostgres.createDatabase("act")) {
            SwitchableDataSource dataSource = new SwitchableDataSource(db.dataSource());
            this.runner.withBean(DataSource.class, () -> dataSource).run((context) -> {
                MigrationsInitializer initializer = context.getBean(MigrationsInitializer.class);
                SimpleMeterRegistry registry = new SimpleMeterRegistry();
                context.getBean(MigrationsMetrics.class).bindTo(registry);
                dataSource.down.set(true);
                // A scrape before the first read: no value rather than a wrong zero.
                assertThat(registry.get(MigrationsMetrics.APPLIED).gauge().value()).isNaN();
                assertThat(registry.get(MigrationsMetrics.PENDING).gauge().value()).isNaN();
                MigrationsReport report = initializer.report();
                assertThat(report.stale()).isTrue();
                assertThat(report.staleReason()).startsWith("database unavailable").doesNotContain(db.name());
                assertThat(report.lastRun().outcome()).isEqualTo(MigrationsReport.Outcome.SUCCESS);
                assertThat(report.lastRun().steps()).hasSize(3);
                // The rows the start-up run left, not an empty version table; nothing known of the history yet.
                assertThat(report.current()).containsExactly("aaaa00000003");
                assertThat(report.pending()).isEmpty();
                assertThat(report.history()).isEmpty();
                dataSource.down.set(false);
                MigrationsReport fresh = initializer.report();
                assertThat(fresh.stale()).isFalse();
                assertThat(fresh.current()).containsExactly("aaaa00000003");
                assertThat(fresh.history()).hasSize(3);
                assertThat(registry.get(MigrationsMetrics.APPLIED).gauge().value()).isEqualTo(3.0);
            });
        }
    }

    @Test
    void reportFollowsAnotherInstanceThatMigrated() {
        try (TestDatabase db = TestPostgres.createDatabase("act")) {
            this.runner.withBean(DataSource.class, db::dataSource)
                .withPropertyValues("samokoder.migrations.mode=validate")
                .run((context) -> {
                    MigrationsInitializer initializer = context.getBean(MigrationsInitializer.class);
                    assertThat(initializer.report().pending()).hasSize(3);
                    Migrations other = new Migrations(context.getBean(Migrations.class).config().toBuilder().build());
                    other.upgrade("aaaa00000002");
                    MigrationsReport report = initializer.report();
                    assertThat(report.current()).containsExactly("aaaa00000002");
                    assertThat(report.pending()).containsExactly("aaaa00000003");
                });
        }
    }

    @Test
    void healthIsUpAtTargetAndOutOfServiceWithPendingRevisions() {
        try (TestDatabase db = TestPostgres.createDatabase("act")) {
            this.runner.withBean(DataSource.class, db::dataSource)
                .withPropertyValues("samokoder.migrations.mode=validate")
                .run((context) -> {
                    Health health = context.getBean(MigrationsHealthIndicator.class).health(true);
                    assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
                    assertThat(health.getDetails()).containsEntry("pending",
                            List.of("aaaa00000001", "aaaa00000002", "aaaa00000003"));
                    assertThat(context).hasSingleBean(ReadinessGroupPostProcessor.class);
                });
            this.runner.withBean(DataSource.class, db::dataSource).run((context) -> {
                Health health = context.getBean(MigrationsHealthIndicator.class).health(true);
                assertThat(health.getStatus()).isEqualTo(Status.UP);
                assertThat(health.getDetails()).containsEntry("current", List.of("aaaa00000003"))
                    .containsEntry("lastRun", "SUCCESS");
            });
            this.runner.withBean(DataSource.class, db::dataSource)
                .withPropertyValues("management.health.migrations.enabled=false")
                .run((context) -> assertThat(context).doesNotHaveBean(MigrationsHealthIndicator.class));
        }
    }

    @Test
    void aBeanNamedMigrationsReadinessGroupPostProcessorReplacesTheAutoConfiguredOne() {
        HealthEndpointGroupsPostProcessor own = (groups) -> groups;
        try (TestDatabase db = TestPostgres.createDatabase("act")) {
            this.runner.withBean(DataSource.class, db::dataSource)
                .withBean("migrationsReadinessGroupPostProcessor", HealthEndpointGroupsPostProcessor.class, () -> own)
                .run((context) -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(ReadinessGroupPostProcessor.class);
                    assertThat(context.getBean("migrationsReadinessGroupPostProcessor")).isSameAs(own);
                });
        }
    }

    @Test
    void healthAsksTheFastStartsQueryAloneWhileTheDatabaseIsAtTheVerifiedHeads(@TempDir Path dir)
            throws IOException {
        Path jar = ScriptJars.chain(dir.resolve("scripts.jar"), "db/health", "dddd00000001", "dddd00000002");
        try (TestDatabase db = TestPostgres.createDatabase("act");
                URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() },
                        getClass().getClassLoader())) {
            AtomicInteger statements = new AtomicInteger();
            SwitchableDataSource dataSource = new SwitchableDataSource(
                    CountingDataSource.wrap(db.dataSource(), statements));
            ApplicationContextRunner runner = this.runner.withClassLoader(loader)
                .withBean(DataSource.class, () -> dataSource)
                .withPropertyValues("samokoder.migrations.locations=classpath:db/health");
            // The start that applies the revisions records them verified; the restart is the fast start.
            for (int steps : new int[] { 2, 0 }) {
                runner.run((context) -> {
                    assertThat(context.getBean(MigrationsInitializer.class).lastRun().steps()).hasSize(steps);
                    statements.set(0);
                    Health health = context.getBean(MigrationsHealthIndicator.class).health(true);
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails()).containsEntry("current", List.of("dddd00000002"))
                        .containsEntry("target", "heads")
                        .containsEntry("pending", List.of())
                        .containsEntry("drifted", List.of())
                        .containsEntry("lastRun", "SUCCESS")
                        .doesNotContainKey("stale");
                    // The fast start's one query, not the status and history that the full report reads.
                    assertThat(statements).hasValue(1);
                });
            }
            runner.run((context) -> {
                MigrationsInitializer initializer = context.getBean(MigrationsInitializer.class);
                MigrationsHealthIndicator indicator = context.getBean(MigrationsHealthIndicator.class);
                dataSource.down.set(true);
                Health down = indicator.health(true);
                assertThat(down.getStatus()).isEqualTo(Status.UP);
                assertThat(down.getDetails()).containsEntry("current", List.of("dddd00000002"))
                    .containsEntry("stale", true);
                assertThat((String) down.getDetails().get("staleReason")).startsWith("database unavailable")
                    .doesNotContain(db.name());
                dataSource.down.set(false);
                assertThat(indicator.health(true).getDetails()).doesNotContainKey("stale");

                // Another instance moved the database: the check follows it.
                new Migrations(context.getBean(Migrations.class).config().toBuilder().fastStart(false).build())
                    .stamp(List.of("dddd00000001"), false);
                Health behind = indicator.health(true);
                assertThat(behind.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
                assertThat(behind.getDetails()).containsEntry("current", List.of("dddd00000001"))
                    .containsEntry("pending", List.of("dddd00000002"));
                assertThat(initializer.lastReport().history()).hasSize(2);
            });
        }
    }

    @Test
    void withModeNoneReadinessStaysUpWhileTheEndpointReportsPendingRevisions() {
        ApplicationContextRunner withProbes = EndpointAnswers.withProbes(this.runner);
        List<String> pending = List.of("aaaa00000001", "aaaa00000002", "aaaa00000003");
        try (TestDatabase db = TestPostgres.createDatabase("act")) {
            withProbes.withBean(DataSource.class, db::dataSource)
                .withPropertyValues("samokoder.migrations.mode=none")
                .run((context) -> {
                    started(context);
                    HealthEndpoint health = context.getBean(HealthEndpoint.class);
                    assertThat(health.healthForPath("readiness").getStatus()).isEqualTo(Status.UP);
                    assertThat(health.healthForPath("readiness", "migrations").getStatus()).isEqualTo(Status.UP);
                    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
                    assertThat(context.getBean(MigrationsHealthIndicator.class).health(true).getDetails())
                        .containsEntry("pending", pending)
                        .containsEntry("lastRun", "NOT_RUN");
                    assertThat(EndpointAnswers.bean(context).pending()).isEqualTo(pending);
                });
            // Validate mode is the one that keeps an instance whose schema is behind out of readiness.
            withProbes.withBean(DataSource.class, db::dataSource)
                .withPropertyValues("samokoder.migrations.mode=validate")
                .run((context) -> {
                    started(context);
                    HealthEndpoint health = context.getBean(HealthEndpoint.class);
                    assertThat(health.healthForPath("readiness").getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
                    assertThat(health.healthForPath("liveness").getStatus()).isEqualTo(Status.UP);
                });
        }
    }

    /** The availability states SpringApplication publishes once started, which a context runner does not. */
    private static void started(ApplicationContext context) {
        AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
        AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
    }

    @Test
    void metricsAreBoundFromTheStartupRun() {
        try (TestDatabase db = TestPostgres.createDatabase("act")) {
            this.runner.withBean(DataSource.class, db::dataSource)
                .withPropertyValues("samokoder.migrations.target=aaaa00000002")
                .run((context) -> {
                    SimpleMeterRegistry registry = new SimpleMeterRegistry();
                    context.getBean(MigrationsMetrics.class).bindTo(registry);
                    assertThat(registry.get(MigrationsMetrics.RUN).tag("outcome", "success").timer().count())
                        .isEqualTo(1);
                    assertThat(registry.get(MigrationsMetrics.STEP)
                        .tag("direction", "upgrade")
                        .tag("outcome", "success")
                        .timer()
                        .count()).isEqualTo(2);
                    assertThat(registry.get(MigrationsMetrics.LOCK_WAIT).timer().count()).isEqualTo(1);
                    assertThat(registry.get(MigrationsMetrics.APPLIED).gauge().value()).isEqualTo(2.0);
                    assertThat(registry.get(MigrationsMetrics.PENDING).gauge().value()).isEqualTo(0.0);
                });
        }
    }

    @Test
    void observationsWrapTheRunAndEachStep() {
        List<String> started = new ArrayList<>();
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new ObservationHandler<Observation.Context>() {
            @Override
            public void onStart(Observation.Context context) {
                started.add(context.getName() + (context.getParentObservation() != null ? " (child)" : ""));
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
        try (TestDatabase db = TestPostgres.createDatabase("act")) {
            this.runner.withBean(DataSource.class, db::dataSource)
                .withBean(ObservationRegistry.class, () -> registry)
                .run((context) -> assertThat(context).hasNotFailed());
        }
        assertThat(started).containsExactly("samokoder.migrations", "samokoder.migrations.revision (child)",
                "samokoder.migrations.revision (child)", "samokoder.migrations.revision (child)");
    }

    @Test
    void everyStepObservationEndsWhenOneTransactionHoldsSeveralRevisions() {
        List<String> events = new ArrayList<>();
        ObservationRegistry registry = recording(events);
        try (TestDatabase db = TestPostgres.createDatabase("act")) {
            singleTransaction(db, registry, "classpath:db/migrations")
                .run((context) -> assertThat(context).hasNotFailed());
        }
        assertThat(events).containsExactly("start upgrade aaaa00000001", "start upgrade aaaa00000002",
                "start upgrade aaaa00000003", "stop upgrade aaaa00000001", "stop upgrade aaaa00000002",
                "stop upgrade aaaa00000003");
    }

    @Test
    void stepObservationsRolledBackWithAFailedOneEndWithItsError() {
        List<String> events = new ArrayList<>();
        ObservationRegistry registry = recording(events);
        try (TestDatabase db = TestPostgres.createDatabase("act")) {
            singleTransaction(db, registry, "classpath:db/migrations,classpath:db/fails-last")
                .run((context) -> assertThat(context).hasFailed());
        }
        List<String> starts = events.stream().filter((e) -> e.startsWith("start ")).toList();
        List<String> stops = events.stream().filter((e) -> e.startsWith("stop ")).toList();
        assertThat(starts).hasSize(4);
        assertThat(stops).hasSize(4)
            .allSatisfy((stop) -> assertThat(stop).endsWith("with an error"))
            .extracting((stop) -> stop.replace("stop ", "start ").replace(" with an error", ""))
            .containsExactlyInAnyOrderElementsOf(starts);
    }

    @Test
    void stepObservationsOfTheSameDirectionAndRevisionEndEach() {
        List<String> events = new ArrayList<>();
        ObservationRegistry registry = recording(events);
        try (TestDatabase db = TestPostgres.createDatabase("act")) {
            singleTransaction(db, registry, "classpath:db/two-bases")
                .run((context) -> {
                    assertThat(context).hasNotFailed();
                    events.clear();
                    // A stamp to base has a step per branch, each with no revision, in one transaction.
                    context.getBean(Migrations.class).stamp(List.of("base"), false);
                });
        }
        assertThat(events).containsExactly("start stamp null", "start stamp null", "stop stamp null",
                "stop stamp null");
    }

    /** The runner, migrating these locations in one transaction, observed by the registry. */
    private ApplicationContextRunner singleTransaction(TestDatabase db, ObservationRegistry registry,
            String locations) {
        return this.runner.withBean(DataSource.class, db::dataSource)
            .withBean(ObservationRegistry.class, () -> registry)
            .withPropertyValues("samokoder.migrations.transaction-mode=single",
                    "samokoder.migrations.locations=" + locations);
    }

    /** A registry that records each step observation's start and stop, and whether it ended with an error. */
    private static ObservationRegistry recording(List<String> events) {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new ObservationHandler<Observation.Context>() {
            @Override
            public void onStart(Observation.Context context) {
                events.add("start " + context.getContextualName());
            }

            @Override
            public void onStop(Observation.Context context) {
                String error = context.getError() != null ? " with an error" : "";
                events.add("stop " + context.getContextualName() + error);
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return MigrationsObservations.STEP.equals(context.getName());
            }
        });
        return registry;
    }

    @Test
    void worksWithoutMicrometer() {
        try (TestDatabase db = TestPostgres.createDatabase("act")) {
            new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class,
                        MigrationsMetricsAutoConfiguration.class))
                .withBean(DataSource.class, db::dataSource)
                .withClassLoader(new FilteredClassLoader("io.micrometer"))
                .run((context) -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(MigrationsMetrics.class);
                    assertThat(context).doesNotHaveBean(MigrationsObservations.class);
                    assertThat(context.getBean(MigrationsInitializer.class).report().current())
                        .containsExactly("aaaa00000003");
                });
        }
    }

    @Test
    void actuatorAndHealthConfigurationsAreSkippedBeforeLoadingWhenTheirClassesAreMissing() throws IOException {
        // Spring Boot filters auto-configurations by this generated metadata before loading them.
        Properties metadata = PropertiesLoaderUtils
            .loadProperties(new ClassPathResource("META-INF/spring-autoconfigure-metadata.properties"));
        String prefix = "io.samokoder.migrations.autoconfigure.";
        assertThat(metadata.getProperty(prefix + "MigrationsEndpointAutoConfiguration.ConditionalOnClass"))
            .contains("org.springframework.boot.actuate.autoconfigure.endpoint.condition."
                    + "ConditionalOnAvailableEndpoint");
        assertThat(metadata.getProperty(prefix + "MigrationsHealthAutoConfiguration.ConditionalOnClass"))
            .contains("org.springframework.boot.health.contributor.HealthIndicator");
        assertThat(metadata.getProperty(prefix + "MigrationsMetricsAutoConfiguration.ConditionalOnClass"))
            .contains("io.micrometer.core.instrument.MeterRegistry");
    }

    @Test
    void failedRunIsReportedBeforeStartupStops() {
        try (TestDatabase db = TestPostgres.createDatabase("act")) {
            Migrations migrations = new Migrations(MigrationsConfig.builder()
                .dataSource(db.dataSource())
                .locations("classpath:db/broken")
                .build());
            MigrationsInitializer initializer = new MigrationsInitializer(migrations);
            org.assertj.core.api.Assertions.assertThatException().isThrownBy(initializer::afterPropertiesSet);
            MigrationsReport report = initializer.lastReport();
            assertThat(report.lastRun().outcome()).isEqualTo(MigrationsReport.Outcome.FAILED);
            assertThat(report.lastRun().failedRevision()).isEqualTo("cccc00000001");
            assertThat(report.lastRun().error()).contains("no_such_column");
            assertThat(report.pending()).containsExactly("cccc00000001");
            assertThat(MigrationsHealthIndicator.statusOf(report)).isEqualTo(Status.DOWN);
        }
    }

    /** A DataSource that can be switched off, to simulate a database outage. */
    static final class SwitchableDataSource implements DataSource {

        final AtomicBoolean down = new AtomicBoolean();

        private final DataSource delegate;

        SwitchableDataSource(DataSource delegate) {
            this.delegate = delegate;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (this.down.get()) {
                throw new SQLException("Connection to db.internal:5432 refused", "08001");
            }
            return this.delegate.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
