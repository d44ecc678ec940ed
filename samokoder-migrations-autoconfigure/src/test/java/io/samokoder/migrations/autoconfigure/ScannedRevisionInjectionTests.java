package io.samokoder.migrations.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A scanned Java revision whose {@code @Autowired} field or method finds no bean fails with Spring's own
 * message, which names that field or method; only a constructor parameter gets the starter's explanation.
 */
class ScannedRevisionInjectionTests {

    private TestDatabase db;

    private ApplicationContextRunner runner;

    @BeforeEach
    void createDatabase() {
        this.db = TestPostgres.createDatabase("javarev");
        this.runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    MigrationsAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=" + this.db.jdbcUrl(),
                    "spring.datasource.username=" + this.db.user(), "spring.datasource.password=" + this.db.password(),
                    "samokoder.migrations.locations=classpath:db/none");
    }

    @AfterEach
    void dropDatabase() {
        this.db.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"field:field 'missingExecutor'", "setter:method 'setClock' parameter 0"})
    void anAutowiredFieldOrMethodWithoutABeanIsNamedNotCalledAConstructorParameter(String c) {
        String pkg = c.substring(0, c.indexOf(':'));
        String named = c.substring(c.indexOf(':') + 1);
        this.runner.withPropertyValues("samokoder.migrations.java-packages="
                + "io.samokoder.migrations.autoconfigure.unusablerevisions." + pkg).run((context) -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).hasStackTraceContaining(named)
                        .hasStackTraceContaining("No qualifying bean of type")
                        .hasStackTraceContaining("unusablerevisions." + pkg)
                        .hasStackTraceContaining(pkg.equals("field") ? "java.util.concurrent.Executor"
                                : "java.time.Clock");
                    assertThat(new MigrationsFailureAnalyzer().analyze(context.getStartupFailure()))
                        .as("no JavaRevisionException that calls it a constructor parameter").isNull();
                });
    }
}
