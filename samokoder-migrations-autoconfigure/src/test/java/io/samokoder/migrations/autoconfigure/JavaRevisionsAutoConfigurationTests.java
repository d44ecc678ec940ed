package io.samokoder.migrations.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.autoconfigure.javarevisions.M001_CreateGreetings;
import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.JavaRevisionException;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;

/** Java revisions in the starter: found in {@code java-packages} and as beans, run at start-up. */
class JavaRevisionsAutoConfigurationTests {

    private TestDatabase db;

    private ApplicationContextRunner runner;

    @BeforeEach
    void createDatabase() {
        this.db = TestPostgres.createDatabase("javarev");
        this.runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=" + this.db.jdbcUrl(),
                    "spring.datasource.username=" + this.db.user(), "spring.datasource.password=" + this.db.password(),
                    "samokoder.migrations.locations=classpath:db/none");
    }

    @AfterEach
    void dropDatabase() {
        this.db.close();
    }

    @Test
    void revisionsInTheConfiguredPackagesRunWithBeansInjected() {
        this.runner
            .withPropertyValues("samokoder.migrations.java-packages=io.samokoder.migrations.autoconfigure.javarevisions",
                    "greeting=bonjour")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(Migrations.class).current()).containsExactly("g2");
                assertThat(rows("SELECT text FROM greetings")).containsExactly("bonjour");
            });
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

    @Revision(id = "g3", revises = "g2", message = "Greet twice")
    static class GreetTwice implements JavaRevision {

        @Override
        public void upgrade(Operations op) {
            op.execute("INSERT INTO greetings (id, text) VALUES (2, 'again')");
        }
    }

    @Revision(id = "j1", message = "Backfill through a JdbcTemplate")
    static class BackfillThroughJdbcTemplate implements JavaRevision {

        BackfillThroughJdbcTemplate(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        }

        @Override
        public void upgrade(Operations op) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class RevisionNeedingTheDatabase {

        @Bean
        BackfillThroughJdbcTemplate backfill(org.springframework.jdbc.core.JdbcTemplate jdbc) {
            return new BackfillThroughJdbcTemplate(jdbc);
        }
    }

    @Test
    void aRevisionThatNeedsABeanUsingTheDatabaseIsExplained() {
        this.runner.withConfiguration(AutoConfigurations.of(
                org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration.class))
            .withUserConfiguration(RevisionNeedingTheDatabase.class)
            .run((context) -> {
                assertThat(context).hasFailed();
                org.springframework.boot.diagnostics.FailureAnalysis analysis = new MigrationsCycleFailureAnalyzer()
                    .analyze(context.getStartupFailure());
                assertThat(analysis).isNotNull();
                assertThat(analysis.getDescription()).startsWith("A bean the migrations need depends on the"
                        + " migrations themselves: ").contains("migrations").contains("backfill")
                    .contains("jdbcTemplate");
                assertThat(analysis.getAction()).contains("op.connection()");
            });
    }

    @Configuration(proxyBeanMethods = false)
    static class RevisionBeans {

        @Bean
        GreetTwice greetTwice() {
            return new GreetTwice();
        }

        @Bean
        M001_CreateGreetings createGreetings() {
            return new M001_CreateGreetings();
        }
    }

    @Test
    void revisionBeansJoinTheScannedOnesAndAClassThatIsABeanIsUsedOnce() {
        this.runner.withUserConfiguration(RevisionBeans.class)
            .withPropertyValues("samokoder.migrations.java-packages=io.samokoder.migrations.autoconfigure.javarevisions")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(Migrations.class).current()).containsExactly("g3");
                assertThat(rows("SELECT text FROM greetings ORDER BY id")).containsExactly("hello", "again");
            });
    }

    @Test
    void anAnnotatedClassThatIsNoRevisionFailsStartUpNamingIt() {
        this.runner
            .withPropertyValues(
                    "samokoder.migrations.java-packages=io.samokoder.migrations.autoconfigure.badrevisions")
            .run((context) -> {
                assertThat(context).hasFailed();
                // Raised while the bean definitions are registered, so it may be the failure itself.
                assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
                    .hasMessage("Class io.samokoder.migrations.autoconfigure.badrevisions.NotARevision in package"
                            + " io.samokoder.migrations.autoconfigure.badrevisions"
                            + " (samokoder.migrations.java-packages) is annotated @Revision but does not implement"
                            + " io.samokoder.migrations.java.JavaRevision; implement it, or remove the annotation");
            });
    }

    @Test
    void aScannedRevisionWhoseConstructorTakesNoBeanFailsStartUpNamingTheClassAndTheFix() {
        this.runner
            .withPropertyValues(
                    "samokoder.migrations.java-packages=io.samokoder.migrations.autoconfigure.unusablerevisions.nobean")
            .run((context) -> {
                assertThat(context).hasFailed();
                String message = "Java revision"
                        + " io.samokoder.migrations.autoconfigure.unusablerevisions.nobean.M001_NeedsAName: found"
                        + " through samokoder.migrations.java-packages, it is created as a Spring bean, its"
                        + " constructor's parameters injected, but no bean matches parameter 0 of its constructor"
                        + " (java.lang.String). Give the class a constructor without arguments, take only beans in"
                        + " its constructor (and properties through @Value(\"${...}\")), or declare it as a @Bean of"
                        + " your own that passes the values (the class is then used once, as that bean)";
                assertThat(javaRevisionFailure(context.getStartupFailure())).hasMessage(message).hasNoCause();
                assertThat(new MigrationsFailureAnalyzer().analyze(context.getStartupFailure()).getDescription())
                    .isEqualTo("Migrations could not start:\n\n    " + message + "\n");
            });
    }

    @Test
    void aScannedRevisionWithSeveralConstructorsAndNoneWithoutArgumentsFailsStartUpNamingThem() {
        this.runner
            .withPropertyValues(
                    "samokoder.migrations.java-packages=io.samokoder.migrations.autoconfigure.unusablerevisions.choice")
            .run((context) -> {
                assertThat(context).hasFailed();
                assertThat(javaRevisionFailure(context.getStartupFailure())).hasMessage("Java revision"
                        + " io.samokoder.migrations.autoconfigure.unusablerevisions.choice.M001_TwoWays: found through"
                        + " samokoder.migrations.java-packages, it is created as a Spring bean, but Spring cannot"
                        + " choose among its constructors (java.lang.String) and (int): none is without arguments or"
                        + " marked @Autowired. Give the class a constructor without arguments, mark the one whose"
                        + " parameters are beans @Autowired, or declare it as a @Bean of your own that calls one (the"
                        + " class is then used once, as that bean)");
            });
    }

    @Test
    void aScannedRevisionWhoseConstructorFailsFailsStartUpNamingTheClass() {
        this.runner
            .withPropertyValues(
                    "samokoder.migrations.java-packages=io.samokoder.migrations.autoconfigure.unusablerevisions.failing")
            .run((context) -> {
                assertThat(context).hasFailed();
                assertThat(javaRevisionFailure(context.getStartupFailure())).hasMessage("Java revision"
                        + " io.samokoder.migrations.autoconfigure.unusablerevisions.failing.M001_FailsToStart: found"
                        + " through samokoder.migrations.java-packages, it is created as a Spring bean, but its"
                        + " constructor failed: java.lang.IllegalStateException: no greeting configured")
                    .cause().isInstanceOf(IllegalStateException.class).hasMessage("no greeting configured");
            });
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void annotatedClassesThatCannotBeCreatedAreLeftOutWithAWarningNamingThem(CapturedOutput output) {
        this.runner
            .withPropertyValues(
                    "samokoder.migrations.java-packages=io.samokoder.migrations.autoconfigure.unusablerevisions.leftout")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(Migrations.class).heads()).isEmpty();
                assertThat(output).contains("Class"
                        + " io.samokoder.migrations.autoconfigure.unusablerevisions.leftout.M001_Abstract in package"
                        + " io.samokoder.migrations.autoconfigure.unusablerevisions.leftout"
                        + " (samokoder.migrations.java-packages) is annotated @Revision but is abstract, so it is left"
                        + " out of the Java revisions; make it a concrete class, or remove the annotation")
                    .contains("Class"
                        + " io.samokoder.migrations.autoconfigure.unusablerevisions.leftout.M002_Outer$Inner in package"
                        + " io.samokoder.migrations.autoconfigure.unusablerevisions.leftout"
                        + " (samokoder.migrations.java-packages) is annotated @Revision but is an inner class (not"
                        + " static), which cannot be created on its own, so it is left out of the Java revisions; make"
                        + " it a static nested or top-level class, or remove the annotation")
                    .doesNotContain("has no class annotated @Revision");
            });
    }

    @Test
    void anEmptyPackageEntryFailsStartUpSayingHowToFixIt() {
        this.runner
            .withPropertyValues(
                    "samokoder.migrations.java-packages=io.samokoder.migrations.autoconfigure.javarevisions, ,x.y")
            .run((context) -> {
                assertThat(context).hasFailed();
                assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
                    .hasMessage("samokoder.migrations.java-packages contains an empty entry; remove it or name a"
                            + " package, e.g. com.example.db.migrations");
            });
    }

    @Test
    void aMalformedPackageNameFailsStartUpAsOnTheCommandLine() {
        this.runner.withPropertyValues("samokoder.migrations.java-packages=com..bad").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
                .hasMessage("samokoder.migrations.java-packages: 'com..bad' is not a Java package name; name packages"
                        + " separated by commas, e.g. com.example.db.migrations");
        });
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aPackageWithoutRevisionsAddsNoneWithAWarning(CapturedOutput output) {
        this.runner
            .withPropertyValues("samokoder.migrations.java-packages=io.samokoder.migrations.autoconfigure.javarevisions,"
                    + "com.example.misspelt")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(output).contains("Package com.example.misspelt (samokoder.migrations.java-packages) has no"
                        + " class annotated @Revision; it adds no Java revisions")
                    .doesNotContain("Package io.samokoder.migrations.autoconfigure.javarevisions (");
            });
    }

    @Test
    void whenDisabledNoPackageIsScanned() {
        this.runner
            .withPropertyValues("samokoder.migrations.enabled=false",
                    "samokoder.migrations.java-packages=io.samokoder.migrations.autoconfigure.badrevisions")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context).doesNotHaveBean(Migrations.class);
                assertThat(context).doesNotHaveBean(ScannedJavaRevisions.class);
            });
    }

    @Test
    void withoutJavaPackagesOnlyBeansAreUsed() {
        this.runner.withBean(M001_CreateGreetings.class)
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(Migrations.class).current()).containsExactly("g1");
                assertThat(context.getBean(Migrations.class).heads()).containsExactly("g1");
            });
    }

    /** The {@link JavaRevisionException} in the failure's causes. */
    private static JavaRevisionException javaRevisionFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JavaRevisionException javaRevision) {
                return javaRevision;
            }
        }
        throw new AssertionError("No JavaRevisionException in the causes of " + failure, failure);
    }

    private List<String> rows(String sql) throws SQLException {
        try (Connection c = this.db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}
