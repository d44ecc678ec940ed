package io.samokoder.migrations.autoconfigure;

import static io.samokoder.migrations.autoconfigure.DeferredRuns.awaitDeferredRun;
import static io.samokoder.migrations.autoconfigure.DeferredRuns.ready;
import static io.samokoder.migrations.autoconfigure.DeferredRuns.rows;
import static io.samokoder.migrations.autoconfigure.DeferredRuns.script;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.StepResult;
import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Contract revisions ({@code Phase: contract}) in the starter, on real PostgreSQL: with
 * {@code samokoder.migrations.contract=hold} (the default) the start-up and the deferred run after it leave those a
 * database in use lacks, the endpoint, health and metrics report them as {@code contract}, and the instance stays
 * ready, in validate mode too; {@code apply} applies them at start-up; a new database gets them with the rest.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class MigrationsContractTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class,
                MigrationsEndpointAutoConfiguration.class, MigrationsHealthAutoConfiguration.class));

    @TempDir
    Path scripts;

    /** Release 1: a1; release 2: the expand revision b2 and the contract revision c3, which drops what a1 made. */
    @BeforeEach
    void writeScripts() throws IOException {
        script(this.scripts, "001_a.sql", "a1", "", "",
                "CREATE TABLE orders (id int, legacy_code text);", "DROP TABLE orders;");
        script(this.scripts, "002_b.sql", "b2", "a1", "", "ALTER TABLE orders ADD COLUMN code text;",
                "ALTER TABLE orders DROP COLUMN code;");
        script(this.scripts, "003_c.sql", "c3", "b2", "-- Phase: contract\n",
                "ALTER TABLE orders DROP COLUMN legacy_code;",
                "ALTER TABLE orders ADD COLUMN legacy_code text;");
    }

    private ApplicationContextRunner with(TestDatabase db, String... properties) {
        return this.runner.withBean(DataSource.class, db::dataSource)
            .withPropertyValues("samokoder.migrations.locations=filesystem:" + this.scripts,
                    "management.endpoints.web.exposure.include=migrations")
            .withPropertyValues(properties);
    }

    /** The engine on the same scripts, as a deploy job or the command line runs it. */
    private Migrations engine(TestDatabase db) {
        return new Migrations(MigrationsConfig.builder()
            .dataSource(db.dataSource())
            .locations("filesystem:" + this.scripts)
            .build());
    }

    private static SimpleMeterRegistry metrics(ConfigurableApplicationContext context) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new MigrationsMetrics(Map.of("migrationsInitializer", context.getBean(MigrationsInitializer.class)))
            .bindTo(registry);
        return registry;
    }

    @Test
    void aStartOnADatabaseInUseAppliesTheExpandRevisionAndHoldsTheContractOne() {
        try (TestDatabase db = TestPostgres.createDatabase("contract_hold")) {
            engine(db).upgrade("a1");
            with(db).run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(MigrationsProperties.class).getContract())
                    .isEqualTo(MigrationsProperties.Contract.HOLD);
                assertThat(rows(db)).containsExactly("b2");
                MigrationsEndpoint.MigrationsBeanDescriptor bean = EndpointAnswers.bean(context);
                assertThat(bean.contract()).containsExactly("c3");
                assertThat(bean.pending()).isEmpty();
                assertThat(bean.deferred()).isEmpty();
                assertThat(bean.lastRun().steps()).extracting(MigrationsEndpoint.StepDescriptor::revision)
                    .containsExactly("b2");
                Health health = context.getBean(MigrationsHealthIndicator.class).health(true);
                assertThat(health.getStatus()).isEqualTo(Status.UP);
                assertThat(health.getDetails()).containsEntry("contract", List.of("c3"))
                    .containsEntry("pending", List.of());
                SimpleMeterRegistry registry = metrics(context);
                assertThat(registry.get(MigrationsMetrics.CONTRACT).gauge().value()).isEqualTo(1.0);
                assertThat(registry.get(MigrationsMetrics.PENDING).gauge().value()).isZero();

                // The deploy job's upgrade heads, once the rollout is complete: the report follows.
                engine(db).upgrade("heads");
                assertThat(rows(db)).containsExactly("c3");
                assertThat(EndpointAnswers.bean(context).contract()).isEmpty();
                assertThat(registry.get(MigrationsMetrics.CONTRACT).gauge().value()).isZero();
                assertThat(context.getBean(MigrationsHealthIndicator.class).health(true).getDetails())
                    .doesNotContainKey("contract");
            });
        }
    }

    @Test
    void applyAppliesThemAtStartUp() {
        try (TestDatabase db = TestPostgres.createDatabase("contract_apply")) {
            engine(db).upgrade("a1");
            with(db, "samokoder.migrations.contract=apply").run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(MigrationsProperties.class).getContract())
                    .isEqualTo(MigrationsProperties.Contract.APPLY);
                assertThat(rows(db)).containsExactly("c3");
                MigrationsEndpoint.MigrationsBeanDescriptor bean = EndpointAnswers.bean(context);
                assertThat(bean.lastRun().steps()).extracting(MigrationsEndpoint.StepDescriptor::revision)
                    .containsExactly("b2", "c3");
                assertThat(bean.contract()).isEmpty();
                assertThat(bean.pending()).isEmpty();
            });
        }
    }

    @Test
    void aNewDatabaseGetsThemWithTheRestAtStartUp() {
        try (TestDatabase db = TestPostgres.createDatabase("contract_new")) {
            with(db).run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(rows(db)).containsExactly("c3");
                MigrationsEndpoint.MigrationsBeanDescriptor bean = EndpointAnswers.bean(context);
                assertThat(bean.contract()).isEmpty();
                assertThat(bean.pending()).isEmpty();
                assertThat(context.getBean(MigrationsHealthIndicator.class).health(true).getStatus())
                    .isEqualTo(Status.UP);
                assertThat(metrics(context).get(MigrationsMetrics.CONTRACT).gauge().value()).isZero();
            });
        }
    }

    /**
     * Release 2 with a deferred index build d4 and, above it, the contract revision c3 (deferred too, as what builds
     * on a deferred revision must be).
     */
    private void writeDeferredScripts() throws IOException {
        script(this.scripts, "003_c.sql", "c3", "d4", "-- Phase: contract\n-- Deferred: true\n",
                "ALTER TABLE orders DROP COLUMN legacy_code;", "ALTER TABLE orders ADD COLUMN legacy_code text;");
        script(this.scripts, "004_d.sql", "d4", "b2", "-- Deferred: true\n-- Transactional: false\n",
                "CREATE INDEX CONCURRENTLY ix_orders_code ON orders (code);",
                "DROP INDEX CONCURRENTLY ix_orders_code;");
    }

    @Test
    void theDeferredRunAfterReadyHoldsThemToo() throws IOException {
        writeDeferredScripts();
        try (TestDatabase db = TestPostgres.createDatabase("contract_deferred")) {
            engine(db).upgrade("a1");
            with(db).run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(rows(db)).containsExactly("b2");
                MigrationsReport started = context.getBean(MigrationsInitializer.class).report();
                assertThat(started.deferred()).containsExactly("d4");
                assertThat(started.contract()).containsExactly("c3");
                assertThat(started.pending()).isEmpty();

                ready(context);
                MigrationsReport after = awaitDeferredRun(context);
                assertThat(after.deferredRun().outcome()).isEqualTo(MigrationsReport.Outcome.SUCCESS);
                assertThat(after.deferredRun().steps()).extracting(StepResult::revision).containsExactly("d4");
                assertThat(rows(db)).containsExactly("d4");
                assertThat(after.deferred()).isEmpty();
                assertThat(after.contract()).containsExactly("c3");
                assertThat(context.getBean(MigrationsHealthIndicator.class).health(true).getStatus())
                    .isEqualTo(Status.UP);
            });
            // The next start: only the held contract revision is left, which the run after ready does not touch.
            with(db).run((context) -> {
                assertThat(context).hasNotFailed();
                MigrationsInitializer initializer = context.getBean(MigrationsInitializer.class);
                assertThat(initializer.runDeferred()).isFalse();
                assertThat(rows(db)).containsExactly("d4");
                assertThat(initializer.report().contract()).containsExactly("c3");
                assertThat(initializer.report().deferredRun()).isNull();
            });
        }
    }

    @Test
    void onANewDatabaseTheDeferredRunAfterReadyAppliesThem() throws IOException {
        writeDeferredScripts();
        try (TestDatabase db = TestPostgres.createDatabase("contract_deferred_new")) {
            with(db).run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(rows(db)).containsExactly("b2");
                MigrationsReport started = context.getBean(MigrationsInitializer.class).report();
                assertThat(started.contract()).as("nothing is held from a new database").isEmpty();
                assertThat(started.deferred()).containsExactly("d4", "c3");
                ready(context);
                MigrationsReport after = awaitDeferredRun(context);
                assertThat(after.deferredRun().steps()).extracting(StepResult::revision)
                    .containsExactly("d4", "c3");
                assertThat(rows(db)).containsExactly("c3");
                assertThat(after.contract()).isEmpty();
            });
        }
    }

    @Test
    void withApplyTheDeferredRunAfterReadyAppliesThem() throws IOException {
        writeDeferredScripts();
        try (TestDatabase db = TestPostgres.createDatabase("contract_late_apply")) {
            engine(db).upgrade("a1");
            with(db, "samokoder.migrations.contract=apply").run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(rows(db)).containsExactly("b2");
                assertThat(context.getBean(MigrationsInitializer.class).report().deferred())
                    .containsExactly("d4", "c3");
                ready(context);
                MigrationsReport after = awaitDeferredRun(context);
                assertThat(after.deferredRun().steps()).extracting(StepResult::revision)
                    .containsExactly("d4", "c3");
                assertThat(rows(db)).containsExactly("c3");
                assertThat(after.contract()).isEmpty();
            });
        }
    }

    @Test
    void inValidateModeHeldContractRevisionsKeepTheInstanceReady() {
        ApplicationContextRunner withProbes = EndpointAnswers.withProbes(this.runner);
        try (TestDatabase db = TestPostgres.createDatabase("contract_validate")) {
            engine(db).upgrade("b2");
            withProbes.withBean(DataSource.class, db::dataSource)
                .withPropertyValues("samokoder.migrations.locations=filesystem:" + this.scripts,
                        "samokoder.migrations.mode=validate")
                .run((context) -> {
                    assertThat(context).hasNotFailed();
                    started(context);
                    HealthEndpoint health = context.getBean(HealthEndpoint.class);
                    assertThat(health.healthForPath("readiness").getStatus()).isEqualTo(Status.UP);
                    assertThat(health.healthForPath("readiness", "migrations").getStatus()).isEqualTo(Status.UP);
                    assertThat(context.getBean(MigrationsHealthIndicator.class).health(true).getDetails())
                        .containsEntry("contract", List.of("c3"))
                        .containsEntry("pending", List.of());
                    MigrationsEndpoint.MigrationsBeanDescriptor bean = EndpointAnswers.bean(context);
                    assertThat(bean.contract()).containsExactly("c3");
                    assertThat(bean.pending()).isEmpty();
                    assertThat(rows(db)).containsExactly("b2");
                });
            // Where the application applies them itself, a validating instance waits for them as for any revision.
            withProbes.withBean(DataSource.class, db::dataSource)
                .withPropertyValues("samokoder.migrations.locations=filesystem:" + this.scripts,
                        "samokoder.migrations.mode=validate", "samokoder.migrations.contract=apply")
                .run((context) -> {
                    assertThat(context).hasNotFailed();
                    started(context);
                    HealthEndpoint health = context.getBean(HealthEndpoint.class);
                    assertThat(health.healthForPath("readiness").getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
                    assertThat(EndpointAnswers.bean(context).pending()).containsExactly("c3");
                    assertThat(EndpointAnswers.bean(context).contract()).isEmpty();
                });
        }
    }

    /** The availability states SpringApplication publishes once started, which a context runner does not. */
    private static void started(ConfigurableApplicationContext context) {
        AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
        AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
    }

    @Test
    void theDeployJobsUpgradeHeadsInCommandModeAppliesThem() throws SQLException {
        try (TestDatabase db = TestPostgres.createDatabase("contract_command")) {
            engine(db).upgrade("a1");
            with(db).run((context) -> assertThat(rows(db)).containsExactly("b2"));
            with(db, "samokoder.migrations.command=upgrade heads")
                .withConfiguration(AutoConfigurations.of(MigrationsCommandAutoConfiguration.class))
                .run((context) -> {
                    assertThat(context).hasNotFailed();
                    List<Integer> exits = new ArrayList<>();
                    new MigrationsCommandRunner("upgrade heads", new PrintStream(new ByteArrayOutputStream()),
                            new PrintStream(new ByteArrayOutputStream()), exits::add)
                        .onApplicationEvent(new ApplicationStartedEvent(new SpringApplication(), new String[0],
                                context.getSourceApplicationContext(), Duration.ZERO));
                    assertThat(exits).containsExactly(0);
                });
            assertThat(rows(db)).containsExactly("c3");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(MigrationsProperties.class)
    static class PropertiesOnly {

    }

    @Test
    void contractBindsInAnySpellingSpringBindsAndDefaultsToHold() {
        ApplicationContextRunner properties = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesOnly.class);
        properties.run((context) -> assertThat(context.getBean(MigrationsProperties.class).getContract())
            .isEqualTo(MigrationsProperties.Contract.HOLD));
        properties.withPropertyValues("samokoder.migrations.contract=APPLY")
            .run((context) -> assertThat(context.getBean(MigrationsProperties.class).getContract())
                .isEqualTo(MigrationsProperties.Contract.APPLY));
        properties.withPropertyValues("samokoder.migrations.contract=hold")
            .run((context) -> assertThat(context.getBean(MigrationsProperties.class).getContract())
                .isEqualTo(MigrationsProperties.Contract.HOLD));
    }
}
