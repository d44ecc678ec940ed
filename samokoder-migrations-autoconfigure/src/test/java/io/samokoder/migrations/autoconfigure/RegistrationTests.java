package io.samokoder.migrations.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.MigrationsConfig;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureDataSourceInitialization;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** What Spring Boot finds through the registration files. */
class RegistrationTests {

    @Test
    void autoConfigurationsAreRegistered() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates())
            .contains(MigrationsAutoConfiguration.class.getName(), MigrationsEndpointAutoConfiguration.class.getName(),
                    MigrationsHealthAutoConfiguration.class.getName(),
                    MigrationsMetricsAutoConfiguration.class.getName(),
                    MigrationsCommandAutoConfiguration.class.getName(),
                    MigrationsJpaModelAutoConfiguration.class.getName());
    }

    @Test
    void dataSourceInitializationSlicesRunMigrations() {
        assertThat(ImportCandidates.load(AutoConfigureDataSourceInitialization.class, getClass().getClassLoader())
            .getCandidates()).contains(MigrationsAutoConfiguration.class.getName());
    }

    @Test
    void failureAnalyzerAndInitializerDetectorAreRegistered() {
        SpringFactoriesLoader loader = SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader());
        // Other modules' analyzers need constructor arguments; only ours is of interest here.
        SpringFactoriesLoader.FailureHandler ignore = (type, name, ex) -> {
        };
        assertThat(loader.load(FailureAnalyzer.class, ignore)).hasAtLeastOneElementOfType(MigrationsFailureAnalyzer.class);
        assertThat(loader.load(DatabaseInitializerDetector.class, ignore))
            .hasAtLeastOneElementOfType(MigrationsInitializerDatabaseInitializerDetector.class);
    }

    @Test
    void defaultLocationIsIncludedInNativeImages() {
        RuntimeHints hints = new RuntimeHints();
        MigrationsAotProcessor.registerHints(hints, new MigrationsProperties().getLocations(), Set.of());
        assertThat(RuntimeHintsPredicates.resource().forResource("db/migrations/001_init.sql")).accepts(hints);
    }

    @Test
    void eachClassPathLocationGetsAScriptPattern() {
        assertThat(MigrationsAotProcessor.scriptPatterns(List.of("classpath:db/migrations", "classpath*:/shared/db/",
                "db/plain", "filesystem:/srv/db", "file:/srv/other", "classpath:")))
            .containsExactly("db/migrations/*.sql", "shared/db/*.sql", "db/plain/*.sql", "*.sql");
    }

    @Test
    void theAotProcessorIsRegisteredAndContributesOnlyWithTheAutoConfiguration() {
        assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
            .load(BeanFactoryInitializationAotProcessor.class)).hasAtLeastOneElementOfType(MigrationsAotProcessor.class);
        assertThat(new MigrationsAotProcessor().processAheadOfTime(new DefaultListableBeanFactory())).isNull();
    }

    @Test
    void detectorFindsInitializerBeansAndRunsBeforeSqlScripts() {
        DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
        beanFactory.registerSingleton("myInitializer",
                new MigrationsInitializer(new Migrations(MigrationsConfig.builder().build())));
        beanFactory.registerBeanDefinition("other", new RootBeanDefinition(String.class));
        MigrationsInitializerDatabaseInitializerDetector detector = new MigrationsInitializerDatabaseInitializerDetector();
        assertThat(detector.detect(beanFactory)).containsExactly("myInitializer");
        // schema.sql and data.sql (DataSourceScriptDatabaseInitializerDetector) are ordered LOWEST_PRECEDENCE - 100.
        assertThat(detector.getOrder()).isLessThan(Integer.MAX_VALUE - 100);
    }
}
