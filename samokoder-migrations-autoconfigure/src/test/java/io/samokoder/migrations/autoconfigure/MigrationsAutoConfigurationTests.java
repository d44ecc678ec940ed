package io.samokoder.migrations.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.ChecksumPolicy;
import io.samokoder.migrations.IrreversibleRevisionException;
import io.samokoder.migrations.MigrationConfigurationException;
import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.TransactionMode;
import io.samokoder.migrations.script.ScriptResource;
import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestPostgres;
import io.samokoder.migrations.MigrationListener;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

class MigrationsAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class));

    private TestDatabase db;

    private final List<TestDatabase> extra = new ArrayList<>();

    @BeforeEach
    void createDatabase() {
        this.db = TestPostgres.createDatabase("ac");
    }

    @AfterEach
    void dropDatabases() {
        this.db.close();
        this.extra.forEach(TestDatabase::close);
    }

    private String[] datasource(TestDatabase database) {
        return new String[] { "spring.datasource.url=" + database.jdbcUrl(),
                "spring.datasource.username=" + database.user(), "spring.datasource.password=" + database.password() };
    }

    private ApplicationContextRunner withDataSource(TestDatabase database) {
        return this.runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
            .withPropertyValues(datasource(database));
    }

    private TestDatabase another() {
        TestDatabase other = TestPostgres.createDatabase("ac");
        this.extra.add(other);
        return other;
    }

    @Test
    void backsOffWithNoDataSourceAndNoMigrationsUrl() {
        this.runner.run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(Migrations.class);
            assertThat(context).doesNotHaveBean(MigrationsInitializer.class);
        });
    }

    @Test
    void aSecondStartOverUnchangedScriptsTakesNoLock(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("scripts.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String directory : new String[] { "db/", "db/jarred/" }) {
                out.putNextEntry(new JarEntry(directory));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("db/jarred/001_first.sql"));
            out.write(("-- First\n-- Revision ID: cccc00000001\n-- Revises:\n\n-- migrate:upgrade\n"
                    + "CREATE TABLE jarred (id int);\n\n-- migrate:downgrade\nDROP TABLE jarred;\n")
                .getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        AtomicInteger locks = new AtomicInteger();
        MigrationListener counter = new MigrationListener() {
            @Override
            public void lockAcquired(Duration waited) {
                locks.incrementAndGet();
            }
        };
        try (URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() },
                getClass().getClassLoader())) {
            ApplicationContextRunner runner = withDataSource(this.db).withClassLoader(loader)
                .withBean(MigrationListener.class, () -> counter)
                .withPropertyValues("samokoder.migrations.locations=classpath:db/jarred");
            runner.run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(MigrationsInitializer.class).report().current())
                    .containsExactly("cccc00000001");
            });
            assertThat(locks).hasValue(1);
            runner.run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(MigrationsInitializer.class).report().current())
                    .containsExactly("cccc00000001");
            });
            assertThat(locks).as("the second start answered from the verified state").hasValue(1);
            runner.withPropertyValues("samokoder.migrations.fast-start=false").run((context) -> {
                assertThat(context).hasNotFailed();
            });
            assertThat(locks).hasValue(2);
        }
        assertThat(tables(this.db)).contains("jarred", "samokoder_migrations_log_state");
    }

    @Test
    void disabledCreatesNothingAndTouchesNothing() {
        withDataSource(this.db)
            .withPropertyValues("samokoder.migrations.enabled=false")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context).doesNotHaveBean(Migrations.class);
                assertThat(context).doesNotHaveBean(MigrationsInitializer.class);
            });
        assertThat(tables(this.db)).isEmpty();
    }

    @Test
    void aNamingConventionPropertyReplacesOneKindAndKeepsTheOthersDefaults() {
        withDataSource(this.db).withPropertyValues("samokoder.migrations.naming-convention.pk=pkey_%(table_name)s")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(Migrations.class).config().namingConvention().templates())
                    .containsEntry("pk", "pkey_%(table_name)s")
                    .containsEntry("fk", "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s")
                    .containsEntry("uq", "uq_%(table_name)s_%(column_0_N_name)s")
                    .hasSize(5);
            });
    }

    @Test
    void migratesTheApplicationDataSourceToHeadsAtStartup() {
        withDataSource(this.db).run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(MigrationsInitializer.class);
            assertThat(context.getBean(Migrations.class).config().dataSource())
                .isSameAs(context.getBean(DataSource.class));
            MigrationsReport report = context.getBean(MigrationsInitializer.class).report();
            assertThat(report.current()).containsExactly("aaaa00000003");
            assertThat(report.pending()).isEmpty();
            assertThat(report.lastRun().outcome()).isEqualTo(MigrationsReport.Outcome.SUCCESS);
            assertThat(report.lastRun().steps()).extracting("revision")
                .containsExactly("aaaa00000001", "aaaa00000002", "aaaa00000003");
        });
        assertThat(versionRows(this.db)).containsExactly("aaaa00000003");
        assertThat(tables(this.db)).contains("accounts", "orders");
    }

    @Test
    void aMigrationsUrlWhoseDriverIsMissingFailsNamingThePropertyAndTheDriver() {
        this.runner.withPropertyValues("samokoder.migrations.url=jdbc:oracle:thin:scott/tiger1@//db:1521/x")
            .run((context) -> {
                assertThat(context).hasFailed();
                MigrationConfigurationException failure = findCause(context.getStartupFailure(),
                        MigrationConfigurationException.class);
                assertThat(failure).hasMessageContaining("The jdbc:oracle: URL of samokoder.migrations.url needs a JDBC"
                        + " driver that could not be loaded")
                    .hasMessageContaining("Samokoder Migrations supports postgresql, mariadb, mysql, h2 only.")
                    .hasMessageNotContaining("tiger1");
                assertThat(new MigrationsFailureAnalyzer().analyze(context.getStartupFailure()).getAction())
                    .isEqualTo("Fix the property or the revision named above and restart.");
            });
        this.runner.withClassLoader(new FilteredClassLoader("org.mariadb.jdbc"))
            .withPropertyValues("samokoder.migrations.url=jdbc:mariadb://db:3306/x")
            .run((context) -> assertThat(findCause(context.getStartupFailure(), MigrationConfigurationException.class))
                .hasMessageStartingWith("The jdbc:mariadb: URL of samokoder.migrations.url needs a JDBC driver")
                .hasMessageContaining("org.mariadb.jdbc:mariadb-java-client")
                .hasMessageNotContaining("supports"));
        this.runner.withClassLoader(new FilteredClassLoader("com.mysql"))
            .withPropertyValues("samokoder.migrations.url=jdbc:mysql://db:3306/x")
            .run((context) -> assertThat(findCause(context.getStartupFailure(), MigrationConfigurationException.class))
                .hasMessageStartingWith("The jdbc:mysql: URL of samokoder.migrations.url needs a JDBC driver")
                .hasMessageContaining("for jdbc:mysql: com.mysql:mysql-connector-j"));
    }

    private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + failure);
    }

    @Test
    void createsADataSourceFromTheMigrationsUrlWhenThereIsNoDataSource() {
        this.runner
            .withPropertyValues("samokoder.migrations.url=" + this.db.jdbcUrl(),
                    "samokoder.migrations.user=" + this.db.user(),
                    "samokoder.migrations.password=" + this.db.password())
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context).doesNotHaveBean(DataSource.class);
                DataSource used = context.getBean(Migrations.class).config().dataSource();
                assertThat(used).isInstanceOf(SimpleDriverDataSource.class);
                assertThat(((SimpleDriverDataSource) used).getUrl()).isEqualTo(this.db.jdbcUrl());
            });
        assertThat(versionRows(this.db)).containsExactly("aaaa00000003");
    }

    @Test
    void jdbcConnectionDetailsAloneAreEnough() {
        JdbcConnectionDetails details = new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return MigrationsAutoConfigurationTests.this.db.user();
            }

            @Override
            public String getPassword() {
                return MigrationsAutoConfigurationTests.this.db.password();
            }

            @Override
            public String getJdbcUrl() {
                return MigrationsAutoConfigurationTests.this.db.jdbcUrl();
            }
        };
        this.runner.withBean(JdbcConnectionDetails.class, () -> details).run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(Migrations.class).config().dataSource())
                .isInstanceOf(SimpleDriverDataSource.class);
        });
        assertThat(versionRows(this.db)).containsExactly("aaaa00000003");
    }

    @Test
    void connectionDetailsBeanWinsOverTheMigrationsProperties() {
        TestDatabase other = another();
        MigrationsConnectionDetails details = new MigrationsConnectionDetails() {
            @Override
            public String getJdbcUrl() {
                return MigrationsAutoConfigurationTests.this.db.jdbcUrl();
            }

            @Override
            public String getUsername() {
                return MigrationsAutoConfigurationTests.this.db.user();
            }

            @Override
            public String getPassword() {
                return MigrationsAutoConfigurationTests.this.db.password();
            }
        };
        this.runner.withBean(MigrationsConnectionDetails.class, () -> details)
            .withPropertyValues("samokoder.migrations.url=" + other.jdbcUrl(),
                    "samokoder.migrations.user=" + other.user(), "samokoder.migrations.password=" + other.password())
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context).doesNotHaveBean(PropertiesMigrationsConnectionDetails.class);
            });
        assertThat(versionRows(this.db)).containsExactly("aaaa00000003");
        assertThat(tables(other)).isEmpty();
    }

    @Test
    void migrationsUrlWinsOverTheApplicationDataSource() {
        TestDatabase app = another();
        withDataSource(app)
            .withPropertyValues("samokoder.migrations.url=" + this.db.jdbcUrl(),
                    "samokoder.migrations.user=" + this.db.user(),
                    "samokoder.migrations.password=" + this.db.password())
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(Migrations.class).config().dataSource())
                    .isNotSameAs(context.getBean(DataSource.class));
            });
        assertThat(versionRows(this.db)).containsExactly("aaaa00000003");
        assertThat(tables(app)).isEmpty();
    }

    @Test
    void migrationsUserAloneDerivesADataSourceFromTheApplicationOne() {
        withDataSource(this.db)
            .withPropertyValues("samokoder.migrations.user=" + this.db.user(),
                    "samokoder.migrations.password=" + this.db.password())
            .run((context) -> {
                assertThat(context).hasNotFailed();
                DataSource used = context.getBean(Migrations.class).config().dataSource();
                assertThat(used).isInstanceOf(SimpleDriverDataSource.class);
                assertThat(((SimpleDriverDataSource) used).getUrl()).isEqualTo(this.db.jdbcUrl());
            });
        assertThat(versionRows(this.db)).containsExactly("aaaa00000003");
    }

    @Test
    void qualifiedDataSourceWinsOverThePrimaryOne() {
        TestDatabase app = another();
        DataSource qualified = this.db.dataSource();
        this.runner.withBean("appDataSource", DataSource.class, app::dataSource, (bd) -> bd.setPrimary(true))
            .withBean("migrationsDataSource", DataSource.class, () -> qualified,
                    (bd) -> ((AbstractBeanDefinition) bd)
                        .addQualifier(new AutowireCandidateQualifier(MigrationsDataSource.class)))
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(Migrations.class).config().dataSource())
                    .isSameAs(context.getBean("migrationsDataSource"));
            });
        assertThat(versionRows(this.db)).containsExactly("aaaa00000003");
        assertThat(tables(app)).isEmpty();
    }

    @Test
    void aUserDefinedInitializerReplacesTheAutoConfiguredOne() {
        withDataSource(this.db).withUserConfiguration(OwnInitializerConfiguration.class).run((context) -> {
            assertThat(context).hasNotFailed()
                .hasSingleBean(MigrationsInitializer.class)
                .hasBean("ownInitializer")
                .doesNotHaveBean("migrationsInitializer");
            assertThat(context.getBean(MigrationsInitializer.class).report().current())
                .containsExactly("aaaa00000001");
        });
        assertThat(versionRows(this.db)).containsExactly("aaaa00000001");
    }

    @Test
    void aBeanNamedDeferredMigrationsRunnerReplacesTheAutoConfiguredRunner() {
        OwnReadyListener own = new OwnReadyListener();
        withDataSource(this.db).withBean("deferredMigrationsRunner", OwnReadyListener.class, () -> own)
            .run((context) -> {
                assertThat(context).hasNotFailed().doesNotHaveBean(DeferredMigrationsRunner.class);
                assertThat(context.getBean("deferredMigrationsRunner")).isSameAs(own);
            });
    }

    @Test
    void strategyBeanReplacesTheStartupUpgrade() {
        List<Migrations> called = new ArrayList<>();
        withDataSource(this.db)
            .withBean(MigrationsStrategy.class, () -> (migrations) -> {
                called.add(migrations);
                return null;
            })
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(called).containsExactly(context.getBean(Migrations.class));
                MigrationsReport report = context.getBean(MigrationsInitializer.class).report();
                assertThat(report.lastRun().outcome()).isEqualTo(MigrationsReport.Outcome.NOT_RUN);
                assertThat(report.pending()).containsExactly("aaaa00000001", "aaaa00000002", "aaaa00000003");
            });
        assertThat(tables(this.db)).doesNotContain("accounts");
    }

    @Test
    void customizersRunInOrderAfterTheProperties() {
        withDataSource(this.db)
            .withPropertyValues("samokoder.migrations.version-table=from_properties")
            .withUserConfiguration(CustomizerConfiguration.class)
            .run((context) -> {
                assertThat(context).hasNotFailed();
                MigrationsConfig config = context.getBean(Migrations.class).config();
                assertThat(config.versionTable()).isEqualTo("second_customizer");
                assertThat(config.logTable()).isEqualTo("first_customizer_log");
            });
        assertThat(tables(this.db)).contains("second_customizer", "first_customizer_log");
    }

    @Test
    void propertiesAreMappedToTheEngineConfiguration() {
        withDataSource(this.db)
            .withPropertyValues("samokoder.migrations.mode=none", "samokoder.migrations.schema=public",
                    "samokoder.migrations.version-table=my_version", "samokoder.migrations.log-table=my_log",
                    "samokoder.migrations.transaction-mode=single", "samokoder.migrations.lock-wait-timeout=42",
                    "samokoder.migrations.lock-timeout=750ms", "samokoder.migrations.lock-retries=7",
                    "samokoder.migrations.statement-timeout=2m", "samokoder.migrations.validate-checksums=warn",
                    "samokoder.migrations.fast-start=false", "samokoder.migrations.dead-holder-timeout=20",
                    "samokoder.migrations.locations=classpath:db/second")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                MigrationsConfig config = context.getBean(Migrations.class).config();
                assertThat(config.schema()).isEqualTo("public");
                assertThat(config.versionTable()).isEqualTo("my_version");
                assertThat(config.logTable()).isEqualTo("my_log");
                assertThat(config.transactionMode()).isEqualTo(TransactionMode.SINGLE);
                assertThat(config.lockWaitTimeout()).isEqualTo(Duration.ofSeconds(42));
                assertThat(config.lockTimeout()).isEqualTo(Duration.ofMillis(750));
                assertThat(config.lockRetries()).isEqualTo(7);
                assertThat(config.statementTimeout()).isEqualTo(Duration.ofMinutes(2));
                assertThat(config.deadHolderTimeout()).isEqualTo(Duration.ofSeconds(20));
                assertThat(config.checksumPolicy()).isEqualTo(ChecksumPolicy.WARN);
                assertThat(config.fastStart()).isFalse();
                assertThat(config.scripts()).extracting(ScriptResource::description)
                    .containsExactly("classpath:db/second/001_bbbb00000001_create_audit.sql");
            });
    }

    @Test
    void severalLocationsLoadInOrder() {
        withDataSource(this.db)
            .withPropertyValues("samokoder.migrations.locations=classpath:db/migrations,classpath*:db/second")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(Migrations.class).config().scripts()).extracting(ScriptResource::fileName)
                    .containsExactly("001_aaaa00000001_create_accounts.sql", "002_aaaa00000002_add_email.sql",
                            "003_aaaa00000003_create_orders.sql", "001_bbbb00000001_create_audit.sql");
                assertThat(context.getBean(MigrationsInitializer.class).report().current())
                    .containsExactlyInAnyOrder("aaaa00000003", "bbbb00000001");
            });
    }

    @Test
    void jdbcTemplateDependsOnTheInitializer() {
        withDataSource(this.db)
            .withConfiguration(AutoConfigurations.of(JdbcTemplateAutoConfiguration.class))
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBeanFactory().getBeanDefinition("jdbcTemplate").getDependsOn())
                    .contains("migrationsInitializer");
                assertThat(context.getBeanFactory().getBeanDefinition("namedParameterJdbcTemplate").getDependsOn())
                    .contains("migrationsInitializer");
            });
    }

    @Test
    void schemaManagementProviderReportsTheMigratedDataSourceAsManaged() {
        TestDatabase other = another();
        withDataSource(this.db).run((context) -> {
            MigrationsSchemaManagementProvider provider = context.getBean(MigrationsSchemaManagementProvider.class);
            assertThat(provider.getSchemaManagement(context.getBean(DataSource.class)))
                .isEqualTo(SchemaManagement.MANAGED);
            assertThat(provider.getSchemaManagement(other.dataSource())).isEqualTo(SchemaManagement.UNMANAGED);
        });
    }

    @Test
    void theApplicationsDataSourceIsManagedAlsoWhenMigrationsConnectAsAnotherUser() {
        // samokoder.migrations.user gives the engine its own DataSource of the same database.
        withDataSource(this.db)
            .withPropertyValues("samokoder.migrations.user=" + this.db.user(),
                    "samokoder.migrations.password=" + (this.db.password() == null ? "" : this.db.password()))
            .run((context) -> {
                assertThat(context).hasNotFailed();
                DataSource application = context.getBean(DataSource.class);
                assertThat(context.getBean(Migrations.class).config().dataSource()).isNotSameAs(application);
                assertThat(context.getBean(MigrationsSchemaManagementProvider.class).getSchemaManagement(application))
                    .isEqualTo(SchemaManagement.MANAGED);
            });
    }

    @Test
    void theInitializerStaysEagerUnderLazyInitialization() {
        withDataSource(this.db).withInitializer((context) -> context
            .addBeanFactoryPostProcessor(new org.springframework.boot.LazyInitializationBeanFactoryPostProcessor()))
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBeanFactory().getBeanDefinition("migrationsInitializer").isLazyInit()).isFalse();
                assertThat(context.getBeanFactory().getBeanDefinition("migrationsSchemaManagementProvider")
                    .isLazyInit()).isTrue();
            });
        assertThat(tables(this.db)).contains("accounts", "orders");
    }

    @Test
    void targetStopsAtAMiddleRevision() {
        withDataSource(this.db)
            .withPropertyValues("samokoder.migrations.target=aaaa00000002")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                MigrationsReport report = context.getBean(MigrationsInitializer.class).report();
                assertThat(report.current()).containsExactly("aaaa00000002");
                assertThat(report.pending()).isEmpty();
            });
        assertThat(tables(this.db)).contains("accounts").doesNotContain("orders");
    }

    @Test
    void targetBelowTheCurrentRevisionFailsWithoutAllowDowngrade() {
        withDataSource(this.db).run((context) -> assertThat(context).hasNotFailed());
        withDataSource(this.db)
            .withPropertyValues("samokoder.migrations.target=aaaa00000001")
            .run((context) -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(DowngradeNotAllowedException.class)
                    .hasMessageContaining("samokoder.migrations.target=aaaa00000001")
                    .hasMessageContaining("allow-downgrade=false");
            });
        assertThat(versionRows(this.db)).containsExactly("aaaa00000003");
        assertThat(tables(this.db)).contains("orders");
    }

    @Test
    void targetBelowTheCurrentRevisionDowngradesWhenAllowed() {
        withDataSource(this.db).run((context) -> assertThat(context).hasNotFailed());
        withDataSource(this.db)
            .withPropertyValues("samokoder.migrations.target=aaaa00000001", "samokoder.migrations.allow-downgrade=true")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                MigrationsReport report = context.getBean(MigrationsInitializer.class).report();
                assertThat(report.lastRun().command()).isEqualTo("DOWNGRADE");
                assertThat(report.lastRun().steps()).extracting("revision")
                    .containsExactly("aaaa00000003", "aaaa00000002");
            });
        assertThat(versionRows(this.db)).containsExactly("aaaa00000001");
        assertThat(tables(this.db)).doesNotContain("orders");
    }

    @Test
    void targetBaseThroughAnIrreversibleRevisionFailsBeforeAnythingRuns() {
        String[] irreversible = { "samokoder.migrations.locations=classpath:db/irreversible" };
        withDataSource(this.db).withPropertyValues(irreversible).run((context) -> assertThat(context).hasNotFailed());
        withDataSource(this.db).withPropertyValues(irreversible)
            .withPropertyValues("samokoder.migrations.target=base", "samokoder.migrations.allow-downgrade=true")
            .run((context) -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(IrreversibleRevisionException.class)
                    .hasMessageContaining("dddd00000001");
            });
        assertThat(versionRows(this.db)).containsExactly("dddd00000002");
        assertThat(tables(this.db)).contains("ledger");
    }

    @Test
    void unknownTargetFailsStartupWithTheEngineMessage() {
        withDataSource(this.db)
            .withPropertyValues("samokoder.migrations.target=ffff")
            .run((context) -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("Can't locate revision identified by 'ffff'");
            });
        assertThat(tables(this.db)).doesNotContain("accounts");
    }

    @Test
    void validateModeChangesNothingAndReportsPending() {
        withDataSource(this.db)
            .withPropertyValues("samokoder.migrations.mode=validate")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                MigrationsReport report = context.getBean(MigrationsInitializer.class).report();
                assertThat(report.lastRun().outcome()).isEqualTo(MigrationsReport.Outcome.NOT_RUN);
                assertThat(report.current()).isEmpty();
                assertThat(report.pending()).containsExactly("aaaa00000001", "aaaa00000002", "aaaa00000003");
            });
        assertThat(tables(this.db)).doesNotContain("accounts", "alembic_version");
    }

    @Test
    void noneModeRunsNothing() {
        withDataSource(this.db)
            .withPropertyValues("samokoder.migrations.mode=none")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(MigrationsInitializer.class).report().lastRun().outcome())
                    .isEqualTo(MigrationsReport.Outcome.NOT_RUN);
            });
        assertThat(tables(this.db)).doesNotContain("accounts", "alembic_version");
    }

    @Test
    void failingRevisionFailsStartup() {
        withDataSource(this.db)
            .withPropertyValues("samokoder.migrations.locations=classpath:db/broken")
            .run((context) -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("no_such_column");
            });
        assertThat(tables(this.db)).doesNotContain("fine");
    }

    static List<String> versionRows(TestDatabase database) {
        return query(database, "SELECT version_num FROM alembic_version ORDER BY version_num");
    }

    static List<String> tables(TestDatabase database) {
        return query(database, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                + " ORDER BY table_name");
    }

    static List<String> query(TestDatabase database, String sql) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
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

    @Configuration(proxyBeanMethods = false)
    static class OwnInitializerConfiguration {

        @Bean
        MigrationsInitializer ownInitializer(Migrations migrations) {
            return new MigrationsInitializer(migrations, null, MigrationsProperties.Mode.UPGRADE, "aaaa00000001",
                    false);
        }
    }

    /** An application's own listener in place of the deferred revisions' runner. */
    static final class OwnReadyListener implements ApplicationListener<ApplicationReadyEvent> {

        @Override
        public void onApplicationEvent(ApplicationReadyEvent event) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomizerConfiguration {

        @Bean
        @Order(2)
        MigrationsConfigCustomizer second() {
            return (builder) -> builder.versionTable("second_customizer");
        }

        @Bean
        @Order(1)
        MigrationsConfigCustomizer first() {
            return (builder) -> builder.versionTable("first_customizer").logTable("first_customizer_log");
        }
    }
}
