package io.samokoder.migrations.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.samokoder.migrations.cli.CommandMode;
import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

/** Command mode: {@code samokoder.migrations.command} runs one command instead of the start-up migration. */
class MigrationsCommandModeTests {

    private final TestDatabase db = TestPostgres.createDatabase("cmd");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class,
                MigrationsCommandAutoConfiguration.class))
        .withPropertyValues("spring.datasource.url=" + this.db.jdbcUrl(),
                "spring.datasource.username=" + this.db.user(), "spring.datasource.password=" + this.db.password());

    @AfterEach
    void drop() {
        this.db.close();
    }

    @Test
    void withoutACommandTheApplicationStartsAsUsual() {
        this.runner.run((context) -> {
            // The runner is there (an AOT-processed application decides its beans without the property), idle.
            assertThat(context).hasNotFailed().hasSingleBean(MigrationsCommandRunner.class);
            assertThat(versionRows()).containsExactly("aaaa00000003");
        });
    }

    @Test
    void aBeanNamedMigrationsCommandRunnerReplacesTheAutoConfiguredRunner() {
        OwnStartedListener own = new OwnStartedListener();
        this.runner.withBean("migrationsCommandRunner", OwnStartedListener.class, () -> own).run((context) -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(MigrationsCommandRunner.class);
            assertThat(context.getBean("migrationsCommandRunner")).isSameAs(own);
        });
    }

    /** An application's own listener in place of command mode's runner. */
    static final class OwnStartedListener implements ApplicationListener<ApplicationStartedEvent> {

        @Override
        public void onApplicationEvent(ApplicationStartedEvent event) {
        }
    }

    @Test
    void aCommandReplacesTheStartUpMigration() {
        this.runner.withPropertyValues("samokoder.migrations.command=current").run((context) -> {
            assertThat(context).hasNotFailed().hasSingleBean(MigrationsCommandRunner.class);
            assertThat(tables()).doesNotContain("alembic_version");
        });
    }

    @Test
    void theRunnerRunsTheCommandClosesTheContextAndExitsWithItsStatus() {
        this.runner.withPropertyValues("samokoder.migrations.command=upgrade aaaa00000002").run((context) -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            List<Integer> exits = new ArrayList<>();
            MigrationsCommandRunner commandRunner = new MigrationsCommandRunner("upgrade aaaa00000002",
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    exits::add);
            commandRunner.onApplicationEvent(new ApplicationStartedEvent(new SpringApplication(), new String[0],
                    context.getSourceApplicationContext(), Duration.ZERO));
            assertThat(exits).containsExactly(0);
            assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Running upgrade aaaa00000001 -> aaaa00000002");
            assertThat(versionRows()).containsExactly("aaaa00000002");
            assertThat(context.getSourceApplicationContext().isActive()).isFalse();
        });
    }

    @Test
    void anUpgradeInCommandModeLetsTheSameJarsValidatingStartsReadNoScript(@TempDir Path dir) throws Exception {
        Path jar = ScriptJars.chain(dir.resolve("app.jar"), "db/jarred", "eeee00000001", "eeee00000002");
        try (URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() },
                getClass().getClassLoader())) {
            ApplicationContextRunner runner = this.runner.withClassLoader(loader)
                .withPropertyValues("samokoder.migrations.locations=classpath:db/jarred");
            // The pipeline's job: the application's own jar in command mode.
            runner.withPropertyValues("samokoder.migrations.command=upgrade heads").run((context) -> {
                List<Integer> exits = new ArrayList<>();
                new MigrationsCommandRunner("upgrade heads", new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(new ByteArrayOutputStream()), exits::add)
                    .onApplicationEvent(new ApplicationStartedEvent(new SpringApplication(), new String[0],
                            context.getSourceApplicationContext(), Duration.ZERO));
                assertThat(exits).containsExactly(0);
            });
            assertThat(versionRows()).containsExactly("eeee00000002");
            // The instances validate: one query, the fast start's, answers their start.
            AtomicInteger statements = new AtomicInteger();
            runner.withBean(DataSource.class, () -> CountingDataSource.wrap(this.db.dataSource(), statements))
                .withPropertyValues("samokoder.migrations.mode=validate")
                .run((context) -> {
                    assertThat(context).hasNotFailed();
                    assertThat(statements).hasValue(1);
                });
        }
    }

    @Test
    void aFailingCommandExitsWith255AndTheFailedLine() {
        this.runner.withPropertyValues("samokoder.migrations.command=upgrade ffff").run((context) -> {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            List<Integer> exits = new ArrayList<>();
            new MigrationsCommandRunner("upgrade ffff", new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8), exits::add)
                .onApplicationEvent(new ApplicationStartedEvent(new SpringApplication(), new String[0],
                        context.getSourceApplicationContext(), Duration.ZERO));
            assertThat(exits).containsExactly(255);
            assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("FAILED: Can't locate revision identified by 'ffff'");
        });
    }

    @Test
    void revisionWritesIntoAFilesystemLocationThatAlreadyHasScripts(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("001_aaaa_first.sql"), "-- First\n--\n-- Revision ID: aaaa1111\n"
                + "-- Revises: \n\n-- migrate:upgrade\nSELECT 1;\n\n-- migrate:downgrade\nSELECT 1;\n");
        this.runner.withPropertyValues("samokoder.migrations.command=revision -m second",
                "samokoder.migrations.locations=filesystem:" + dir).run((context) -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            List<Integer> exits = new ArrayList<>();
            new MigrationsCommandRunner("revision -m second", new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), exits::add)
                .onApplicationEvent(new ApplicationStartedEvent(new SpringApplication(), new String[0],
                        context.getSourceApplicationContext(), Duration.ZERO));
            assertThat(exits).as(err.toString(StandardCharsets.UTF_8)).containsExactly(0);
            try (var files = java.nio.file.Files.list(dir)) {
                assertThat(files.map(f -> f.getFileName().toString())).hasSize(2)
                    .anyMatch(n -> n.endsWith("_second.sql"));
            }
        });
    }

    @Test
    void theEnvironmentOfCommandModeHasNoWebServerAndLazyBeans() {
        StandardEnvironment environment = environment(Map.of("samokoder.migrations.command", "current"));
        new MigrationsCommandEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
        assertThat(environment.getProperty("server.port")).isNull();
        assertThat(environment.getProperty("spring.main.lazy-initialization")).isEqualTo("true");
        assertThat(environment.getProperty("spring.main.banner-mode")).isEqualTo("off");
        assertThat(environment.getProperty("logging.level.io.samokoder.migrations.Migrations")).isEqualTo("warn");
        assertThat(environment.getProperty("logging.level.io.samokoder.migrations.Migrations.failures"))
            .isEqualTo("off");
        assertThat(environment.getProperty("logging.threshold.console")).isEqualTo("warn");
        assertThat(environment.getProperty("logging.level.org.mariadb.jdbc")).isEqualTo("error");
    }

    @Test
    void inAnAotProcessedApplicationCommandModeKeepsTheWebTypeAndOpensNoPort() {
        // The application's own ports, as an instance running beside the command has them open.
        StandardEnvironment environment = environment(Map.of("samokoder.migrations.command", "current",
                "server.port", "8080", "management.server.port", "8081"));
        String previous = System.setProperty("spring.aot.enabled", "true");
        try {
            new MigrationsCommandEnvironmentPostProcessor().postProcessEnvironment(environment,
                    new SpringApplication());
        }
        finally {
            if (previous == null) {
                System.clearProperty("spring.aot.enabled");
            }
            else {
                System.setProperty("spring.aot.enabled", previous);
            }
        }
        // The generated context is of the type the build saw; "none" would make Spring run it without one.
        assertThat(environment.getProperty("spring.main.web-application-type")).isNull();
        assertThat(environment.getProperty("server.port")).isEqualTo("-1");
        // A management server on a port of its own is a child context that the build generated: closed too.
        assertThat(environment.getProperty("management.server.port")).isEqualTo("-1");
        assertThat(environment.getProperty("spring.main.lazy-initialization")).isEqualTo("true");
    }

    @Test
    void aCommandThatComparesNoModelLetsHibernateStartWithoutTheDatabase() {
        String metadata = "spring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access";
        StandardEnvironment history = environment(Map.of("samokoder.migrations.command", "history",
                "spring.datasource.url", "jdbc:postgresql://db.example/app"));
        new MigrationsCommandEnvironmentPostProcessor().postProcessEnvironment(history, new SpringApplication());
        assertThat(history.getProperty(metadata)).isEqualTo("false");
        assertThat(history.getProperty("logging.level.org.hibernate.orm.deprecation")).isEqualTo("error");
        assertThat(history.getProperty("spring.jpa.database-platform"))
            .isEqualTo("org.hibernate.dialect.PostgreSQLDialect");

        StandardEnvironment chosen = environment(Map.of("samokoder.migrations.command", "upgrade heads --sql",
                "spring.datasource.url", "jdbc:mariadb://db/app", "spring.jpa.database-platform",
                "com.example.MyDialect"));
        new MigrationsCommandEnvironmentPostProcessor().postProcessEnvironment(chosen, new SpringApplication());
        assertThat(chosen.getProperty(metadata)).isEqualTo("false");
        assertThat(chosen.getProperty("spring.jpa.database-platform")).isEqualTo("com.example.MyDialect");

        for (String command : new String[] {"check", "revision --autogenerate -m x"}) {
            StandardEnvironment online = environment(Map.of("samokoder.migrations.command", command,
                    "spring.datasource.url", "jdbc:postgresql://db.example/app"));
            new MigrationsCommandEnvironmentPostProcessor().postProcessEnvironment(online, new SpringApplication());
            assertThat(online.getProperty(metadata)).as(command).isNull();
            assertThat(online.getProperty("spring.jpa.database-platform")).as(command).isNull();
        }
    }

    @Test
    void theEnvironmentIsUntouchedWithoutACommand() {
        StandardEnvironment environment = environment(Map.of());
        new MigrationsCommandEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getPropertySources()
            .contains(MigrationsCommandEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
            .isFalse();
    }

    @Test
    void aCommandWithoutTheCommandLayerFailsInsteadOfStartingNormally() {
        StandardEnvironment environment = environment(Map.of("samokoder.migrations.command", "current"));
        SpringApplication application = new SpringApplication();
        application.setResourceLoader(new DefaultResourceLoader(new FilteredClassLoader(CommandMode.class)));
        assertThatIllegalStateException()
            .isThrownBy(() -> new MigrationsCommandEnvironmentPostProcessor().postProcessEnvironment(environment,
                    application))
            .withMessageContaining("samokoder-migrations-cli");
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }

    private List<String> versionRows() {
        return strings("SELECT version_num FROM alembic_version");
    }

    private List<String> tables() {
        return strings("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()");
    }

    private List<String> strings(String sql) {
        try (Connection c = this.db.dataSource().getConnection();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            List<String> result = new ArrayList<>();
            while (rs.next()) {
                result.add(rs.getString(1));
            }
            return result;
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
