package io.samokoder.migrations.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.autoconfigure.aotrevisions.M002_WelcomeTheVisitor;
import io.samokoder.migrations.autoconfigure.aotrevisions.Visitor;
import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.Revision;
import io.samokoder.migrations.ops.Operations;
import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.test.tools.CompileWithForkedClassLoader;
import org.springframework.core.test.tools.TestCompiler;
import org.springframework.javapoet.ClassName;

/**
 * What a native image runs, shown on the JVM: Spring AOT processes a context with the starter, a
 * {@code java-packages} package and a script location of its own; the generated code is compiled
 * and starts a context that migrates a real database without scanning any package.
 */
@CompileWithForkedClassLoader
class JavaRevisionsAotTests {

    @Revision(id = "eeee00000003", revises = "eeee00000002", message = "Say goodbye")
    static class SayGoodbye implements JavaRevision {

        @Override
        public void upgrade(Operations op) {
            op.execute("INSERT INTO visits (id, visitor) VALUES (2, 'goodbye')");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Application {

        @Bean
        Visitor visitor() {
            return new Visitor("Ada");
        }

        @Bean
        SayGoodbye sayGoodbye() {
            return new SayGoodbye();
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class))
        .withUserConfiguration(Application.class)
        .withPropertyValues("samokoder.migrations.java-packages=io.samokoder.migrations.autoconfigure.aotrevisions",
                "samokoder.migrations.locations=classpath:db/aot/");

    @Test
    void theGeneratedCodeRegistersTheScannedRevisionsAndMigratesWithoutScanning() throws ClassNotFoundException {
        // The forked class loader has its own copy of the driver: loading it registers that copy with DriverManager.
        Class.forName("org.postgresql.Driver");
        try (TestDatabase db = TestPostgres.createDatabase("aot")) {
            this.runner.prepare((context) -> {
                TestGenerationContext generation = new TestGenerationContext();
                ClassName initializerName = new ApplicationContextAotGenerator()
                    .processAheadOfTime((GenericApplicationContext) context.getSourceApplicationContext(), generation);
                generation.writeGeneratedContent();
                TestCompiler.forSystem().with(generation).compile((compiled) -> {
                    assertThat(compiled.getAllCompiledClasses()).extracting(Class::getName)
                        .contains(M002_WelcomeTheVisitor.class.getName() + "__BeanDefinitions");
                    try (GenericApplicationContext aot = new GenericApplicationContext()) {
                        // No java-packages at run time: the revisions come from the generated code.
                        TestPropertyValues.of("spring.datasource.url=" + db.jdbcUrl(),
                                "spring.datasource.username=" + db.user(),
                                "spring.datasource.password=" + db.password(),
                                "samokoder.migrations.locations=classpath:db/aot/").applyTo(aot);
                        @SuppressWarnings("unchecked")
                        ApplicationContextInitializer<GenericApplicationContext> initializer = compiled
                            .getInstance(ApplicationContextInitializer.class, initializerName.toString());
                        initializer.initialize(aot);
                        aot.refresh();
                        assertThat(aot.getBean(Migrations.class).current()).containsExactly("eeee00000003");
                        assertThat(rows(db, "SELECT visitor FROM visits ORDER BY id")).containsExactly("Ada", "goodbye");
                    }
                });
            });
        }
    }

    @Test
    void theCommandRunnerIsGeneratedWithoutTheCommandAtBuildTime() throws ClassNotFoundException {
        Class.forName("org.postgresql.Driver");
        try (TestDatabase db = TestPostgres.createDatabase("aotcmd")) {
            this.runner.withConfiguration(AutoConfigurations.of(MigrationsCommandAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + db.jdbcUrl(), "spring.datasource.username=" + db.user(),
                        "spring.datasource.password=" + db.password())
                .prepare((context) -> {
                    TestGenerationContext generation = new TestGenerationContext();
                    new ApplicationContextAotGenerator()
                        .processAheadOfTime((GenericApplicationContext) context.getSourceApplicationContext(), generation);
                    generation.writeGeneratedContent();
                    // A command given only when the processed application runs finds its runner there.
                    TestCompiler.forSystem().with(generation).compile((compiled) -> assertThat(
                            compiled.getAllCompiledClasses()).extracting(Class::getName)
                        .contains(MigrationsCommandAutoConfiguration.class.getName() + "__BeanDefinitions"));
                });
        }
    }

    @Test
    void theHintsIncludeTheRevisionClassesAndTheScriptsOfTheConfiguredLocation() {
        this.runner.prepare((context) -> {
            TestGenerationContext generation = new TestGenerationContext();
            new ApplicationContextAotGenerator()
                .processAheadOfTime((GenericApplicationContext) context.getSourceApplicationContext(), generation);
            RuntimeHints hints = generation.getRuntimeHints();
            assertThat(RuntimeHintsPredicates.reflection().onType(M002_WelcomeTheVisitor.class)).accepts(hints);
            assertThat(RuntimeHintsPredicates.reflection().onType(SayGoodbye.class)).accepts(hints);
            assertThat(RuntimeHintsPredicates.resource().forResource("db/aot/001_eeee00000001_create_visits.sql"))
                .accepts(hints);
            assertThat(RuntimeHintsPredicates.resource().forResource("db/migrations/001_aaaa00000001_create_accounts.sql"))
                .rejects(hints);
            // The default location of repeatable scripts, which a native image can only list if it holds them.
            assertThat(RuntimeHintsPredicates.resource().forResource("db/repeatable/R__views.sql")).accepts(hints);
        });
    }

    private static List<String> rows(TestDatabase db, String sql) {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
        catch (SQLException ex) {
            throw new IllegalStateException(sql, ex);
        }
    }
}
