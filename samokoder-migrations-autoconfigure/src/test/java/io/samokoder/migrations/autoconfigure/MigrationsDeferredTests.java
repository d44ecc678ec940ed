package io.samokoder.migrations.autoconfigure;

import static io.samokoder.migrations.autoconfigure.DeferredRuns.awaitDeferredRun;
import static io.samokoder.migrations.autoconfigure.DeferredRuns.ready;
import static io.samokoder.migrations.autoconfigure.DeferredRuns.rows;
import static io.samokoder.migrations.autoconfigure.DeferredRuns.script;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.samokoder.migrations.StepResult;
import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Deferred revisions in the starter, on real PostgreSQL: the start-up leaves them and stays ready, they run on a
 * thread of their own once the application is ready, and {@code samokoder.migrations.deferred} decides when.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class MigrationsDeferredTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class,
                MigrationsEndpointAutoConfiguration.class, MigrationsHealthAutoConfiguration.class));

    @TempDir
    Path scripts;

    @BeforeEach
    void writeScripts() throws IOException {
        script(this.scripts, "001_a.sql", "a1", "", "",
                "CREATE TABLE orders (id int, customer int);", "DROP TABLE orders;");
        script(this.scripts, "002_b.sql", "b2", "a1", "-- Deferred: true\n-- Transactional: false\n",
                "CREATE INDEX CONCURRENTLY ix_orders_customer ON orders (customer);",
                "DROP INDEX CONCURRENTLY ix_orders_customer;");
        script(this.scripts, "003_c.sql", "c3", "a1", "", "ALTER TABLE orders ADD COLUMN total numeric;",
                "ALTER TABLE orders DROP COLUMN total;");
    }

    private ApplicationContextRunner with(TestDatabase db, String... properties) {
        return this.runner.withBean(DataSource.class, db::dataSource)
            .withPropertyValues("samokoder.migrations.locations=filesystem:" + this.scripts,
                    "management.endpoints.web.exposure.include=migrations")
            .withPropertyValues(properties);
    }

    @Test
    void theStartLeavesDeferredRevisionsAndRunsThemOnceReady() {
        try (TestDatabase db = TestPostgres.createDatabase("deferred")) {
            with(db).run((context) -> {
                assertThat(context).hasNotFailed().hasSingleBean(DeferredMigrationsRunner.class);
                assertThat(rows(db)).containsExactly("c3");
                MigrationsReport started = context.getBean(MigrationsInitializer.class).report();
                assertThat(started.pending()).isEmpty();
                assertThat(started.deferred()).containsExactly("b2");
                Health health = context.getBean(MigrationsHealthIndicator.class).health(true);
                assertThat(health.getStatus()).isEqualTo(Status.UP);
                assertThat(health.getDetails()).containsEntry("deferred", List.of("b2"));

                SimpleMeterRegistry registry = new SimpleMeterRegistry();
                new MigrationsMetrics(Map.of("migrationsInitializer", context.getBean(MigrationsInitializer.class)))
                    .bindTo(registry);
                assertThat(registry.get(MigrationsMetrics.DEFERRED).gauge().value()).isEqualTo(1.0);
                assertThat(registry.get(MigrationsMetrics.PENDING).gauge().value()).isZero();

                ready(context);
                MigrationsReport after = awaitDeferredRun(context);
                assertThat(registry.get(MigrationsMetrics.DEFERRED).gauge().value()).isZero();
                assertThat(after.deferredRun().outcome()).isEqualTo(MigrationsReport.Outcome.SUCCESS);
                assertThat(after.deferredRun().steps()).extracting((step) -> step.revision()).containsExactly("b2");
                assertThat(after.deferred()).isEmpty();
                assertThat(rows(db)).containsExactly("b2", "c3");
                MigrationsEndpoint.MigrationsBeanDescriptor bean = EndpointAnswers.bean(context);
                assertThat(bean.deferredRun().outcome()).isEqualTo("SUCCESS");
                assertThat(context.getBean(MigrationsHealthIndicator.class).health(true)
                    .getDetails()).containsEntry("deferredRun", "SUCCESS");
            });
        }
    }

    /** A real application: its own ApplicationReadyEvent starts the run. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ MigrationsAutoConfiguration.class, MigrationsHealthAutoConfiguration.class })
    static class Application {

    }

    @Test
    void aRealApplicationRunsThemOnceItIsReady() throws Exception {
        try (TestDatabase db = TestPostgres.createDatabase("deferred_app")) {
            SpringApplication application = new SpringApplication(Application.class);
            application.setWebApplicationType(WebApplicationType.NONE);
            application.addInitializers((context) -> context.getBeanFactory()
                .registerSingleton("dataSource", db.dataSource()));
            application.setDefaultProperties(Map.of("samokoder.migrations.locations", "filesystem:" + this.scripts));
            try (ConfigurableApplicationContext context = application.run()) {
                MigrationsReport after = awaitDeferredRun(context);
                assertThat(after.deferredRun().outcome()).isEqualTo(MigrationsReport.Outcome.SUCCESS);
                assertThat(rows(db)).containsExactly("b2", "c3");
            }
        }
    }

    @Test
    void aFailedDeferredRunIsReportedAndKeepsTheInstanceUp() throws IOException {
        script(this.scripts, "002_b.sql", "b2", "a1", "-- Deferred: true\n",
                "SELECT no_such_column FROM orders;", "SELECT 1;");
        try (TestDatabase db = TestPostgres.createDatabase("deferred_fails")) {
            with(db).run((context) -> {
                ready(context);
                MigrationsReport after = awaitDeferredRun(context);
                assertThat(after.deferredRun().outcome()).isEqualTo(MigrationsReport.Outcome.FAILED);
                assertThat(after.deferredRun().failedRevision()).isEqualTo("b2");
                assertThat(after.deferred()).containsExactly("b2");
                assertThat(context.getBean(MigrationsHealthIndicator.class).health(true).getStatus())
                    .isEqualTo(Status.UP);
                assertThat(rows(db)).containsExactly("c3");
            });
        }
    }

    /** Every live thread of the deferred runs joined: the runner starts them before the ready event returns. */
    private static void awaitDeferredThreads() throws InterruptedException {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("samokoder-deferred-migrations")) {
                thread.join(Duration.ofSeconds(20).toMillis());
            }
        }
    }

    @Test
    void afterReadyInAnySpellingSpringBindsRunsThemOnceReady() {
        try (TestDatabase db = TestPostgres.createDatabase("deferred_upper")) {
            with(db, "samokoder.migrations.deferred=AFTER_READY").run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(MigrationsProperties.class).getDeferred())
                    .isEqualTo(MigrationsProperties.Deferred.AFTER_READY);
                assertThat(rows(db)).containsExactly("c3");
                ready(context);
                MigrationsReport after = awaitDeferredRun(context);
                assertThat(after.deferredRun().outcome()).isEqualTo(MigrationsReport.Outcome.SUCCESS);
                assertThat(rows(db)).containsExactly("b2", "c3");
            });
        }
    }

    @Test
    void manualNeverRunsThemOnceReadyThoughTheRunnerIsThere() {
        try (TestDatabase db = TestPostgres.createDatabase("deferred_manual_ready")) {
            with(db, "samokoder.migrations.deferred=MANUAL").run((context) -> {
                assertThat(context).hasNotFailed().hasSingleBean(DeferredMigrationsRunner.class);
                ready(context);
                awaitDeferredThreads();
                assertThat(rows(db)).containsExactly("c3");
                MigrationsInitializer initializer = context.getBean(MigrationsInitializer.class);
                assertThat(initializer.runDeferred()).isFalse();
                assertThat(rows(db)).containsExactly("c3");
                MigrationsReport report = initializer.report();
                assertThat(report.deferred()).containsExactly("b2");
                assertThat(report.deferredRun()).isNull();
            });
        }
    }

    @Test
    void atStartRunsThemWithTheOthersAndManualLeavesThemToAJob() {
        try (TestDatabase db = TestPostgres.createDatabase("deferred_at_start")) {
            with(db, "samokoder.migrations.deferred=at-start").run((context) -> {
                assertThat(context).hasNotFailed().hasSingleBean(DeferredMigrationsRunner.class);
                assertThat(rows(db)).containsExactly("b2", "c3");
            });
        }
        try (TestDatabase db = TestPostgres.createDatabase("deferred_manual")) {
            with(db, "samokoder.migrations.deferred=manual").run((context) -> {
                assertThat(context).hasNotFailed().hasSingleBean(DeferredMigrationsRunner.class);
                ready(context);
                awaitDeferredThreads();
                assertThat(rows(db)).containsExactly("c3");
                MigrationsReport report = context.getBean(MigrationsInitializer.class).report();
                assertThat(report.deferred()).containsExactly("b2");
                assertThat(report.deferredRun()).isNull();
                assertThat(context.getBean(MigrationsHealthIndicator.class).health(true).getStatus())
                    .isEqualTo(Status.UP);
            });
        }
    }

    /**
     * A long deferred revision (here it waits for an advisory lock that the test holds) keeps the instance live and
     * ready: the probes, the endpoint and the health check answer from their own queries, none waits for the run,
     * and the endpoint shows it running, with the steps it has finished so far.
     */
    @Test
    void whileADeferredRevisionRunsTheInstanceIsLiveReadyAndReportsIt() throws Exception {
        script(this.scripts, "004_d.sql", "d4", "b2", "-- Deferred: true\n", "SELECT pg_advisory_xact_lock(4242);\n"
                + "ALTER TABLE orders ADD COLUMN note text;", "ALTER TABLE orders DROP COLUMN note;");
        ApplicationContextRunner withProbes = EndpointAnswers.withProbes(this.runner);
        try (TestDatabase db = TestPostgres.createDatabase("deferred_live"); Connection gate = db.connect()) {
            try (Statement st = gate.createStatement()) {
                st.execute("SELECT pg_advisory_lock(4242)");
            }
            withProbes.withBean(DataSource.class, db::dataSource)
                .withPropertyValues("samokoder.migrations.locations=filesystem:" + this.scripts,
                        "samokoder.migrations.lock-timeout=60s")
                .run((context) -> {
                    assertThat(context).hasNotFailed();
                    AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
                    AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
                    ready(context);
                    awaitWaitingForTheGate(db);
                    // Asked on another thread: were anything to wait for the run, the test (holding the gate) would
                    // hang instead of failing.
                    CompletableFuture<Void> probes = CompletableFuture.runAsync(() -> {
                        HealthEndpoint health = context.getBean(HealthEndpoint.class);
                        assertThat(health.healthForPath("liveness").getStatus()).isEqualTo(Status.UP);
                        assertThat(health.healthForPath("readiness").getStatus()).isEqualTo(Status.UP);
                        assertThat(health.healthForPath("readiness", "migrations").getStatus()).isEqualTo(Status.UP);
                        MigrationsEndpoint.MigrationsBeanDescriptor bean = EndpointAnswers.bean(context);
                        assertThat(bean.deferredRun()).isNotNull();
                        assertThat(bean.deferredRun().outcome()).isEqualTo("RUNNING");
                        assertThat(bean.deferredRun().steps()).extracting(MigrationsEndpoint.StepDescriptor::revision)
                            .as("finished so far").containsExactly("b2");
                        assertThat(bean.deferred()).containsExactly("d4");
                        assertThat(bean.current()).containsExactlyInAnyOrder("b2", "c3");
                    });
                    probes.get(30, TimeUnit.SECONDS);
                    try (Statement st = gate.createStatement()) {
                        st.execute("SELECT pg_advisory_unlock(4242)");
                    }
                    MigrationsReport after = awaitDeferredRun(context);
                    assertThat(after.deferredRun().outcome()).isEqualTo(MigrationsReport.Outcome.SUCCESS);
                    assertThat(after.deferredRun().steps()).extracting(StepResult::revision)
                        .containsExactly("b2", "d4");
                    assertThat(after.deferred()).isEmpty();
                    assertThat(rows(db)).containsExactly("c3", "d4");
                });
        }
    }

    /** Until the deferred run's session waits for the advisory lock the test holds. */
    private static void awaitWaitingForTheGate(TestDatabase db) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                        + " AND objid = 4242 AND NOT granted")) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the deferred revision did not start");
    }
}
