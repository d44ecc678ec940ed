package io.samokoder.migrations.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.autoconfigure.jpamodel.Book;
import io.samokoder.migrations.cli.CommandMode;
import io.samokoder.migrations.jpa.HibernateMetadataCapture;
import io.samokoder.migrations.schema.ModelSource;
import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestPostgres;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * Command mode's model: the application's entities as its Hibernate maps them, for {@code revision
 * --autogenerate} and {@code check}; a fresh PostgreSQL database per test.
 */
class MigrationsJpaModelTests {

    private final TestDatabase db = TestPostgres.createDatabase("jpamodel");

    @TempDir
    Path scripts;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    HibernateJpaAutoConfiguration.class, MigrationsAutoConfiguration.class,
                    MigrationsCommandAutoConfiguration.class, MigrationsJpaModelAutoConfiguration.class))
            .withUserConfiguration(Entities.class)
            .withPropertyValues("spring.datasource.url=" + this.db.jdbcUrl(),
                    "spring.datasource.username=" + this.db.user(), "spring.datasource.password=" + this.db.password(),
                    "samokoder.migrations.locations=filesystem:" + this.scripts);
    }

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = Book.class)
    static class Entities {
    }

    @AfterEach
    void drop() {
        this.db.close();
    }

    @Test
    void inCommandModeWithJpaTheModelIsTheCapturedMapping() {
        runner().withPropertyValues("samokoder.migrations.command=check").run((context) -> assertThat(context)
            .hasNotFailed()
            .hasSingleBean(HibernateMetadataCapture.class)
            .hasSingleBean(ModelSource.class)
            .hasBean("migrationsHibernateMetadataCaptureCustomizer"));
    }

    @Test
    void onlyABeanOfItsNameReplacesTheCaptureCustomizer() {
        HibernatePropertiesCustomizer applications = (properties) -> properties.put("hibernate.show_sql", "false");
        runner().withPropertyValues("samokoder.migrations.command=check")
            .withBean("applicationsCustomizer", HibernatePropertiesCustomizer.class, () -> applications)
            .run((context) -> assertThat(context).hasNotFailed()
                .hasBean("applicationsCustomizer")
                .hasBean("migrationsHibernateMetadataCaptureCustomizer"));
        HibernatePropertiesCustomizer own = (properties) -> {
        };
        runner().withPropertyValues("samokoder.migrations.command=check")
            .withBean("migrationsHibernateMetadataCaptureCustomizer", HibernatePropertiesCustomizer.class, () -> own)
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean("migrationsHibernateMetadataCaptureCustomizer")).isSameAs(own);
            });
    }

    @Test
    void withoutACommandTheApplicationsFactoryIsLeftAsItIs() {
        runner().run((context) -> assertThat(context).hasNotFailed()
            .doesNotHaveBean(HibernateMetadataCapture.class)
            .doesNotHaveBean(ModelSource.class));
    }

    @Test
    void withoutTheJpaModuleThereIsNoModel() {
        runner().withPropertyValues("samokoder.migrations.command=check")
            .withClassLoader(new FilteredClassLoader(HibernateMetadataCapture.class))
            .run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ModelSource.class));
    }

    @Test
    void withoutSpringBootsHibernateSupportThereIsNoModel() {
        runner().withPropertyValues("samokoder.migrations.command=check")
            .withClassLoader(new FilteredClassLoader(HibernatePropertiesCustomizer.class))
            .run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ModelSource.class));
    }

    @Test
    void withoutTheCommandLayerThereIsNoModel() {
        runner().withPropertyValues("samokoder.migrations.command=check")
            .withClassLoader(new FilteredClassLoader(CommandMode.class))
            .run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ModelSource.class));
    }

    @Test
    void withoutAnEntityManagerFactoryThereIsNoModel() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    MigrationsAutoConfiguration.class,
                    MigrationsCommandAutoConfiguration.class, MigrationsJpaModelAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=" + this.db.jdbcUrl(),
                    "spring.datasource.username=" + this.db.user(), "spring.datasource.password=" + this.db.password(),
                    "samokoder.migrations.command=check")
            .run((context) -> assertThat(context).hasNotFailed()
                .hasSingleBean(MigrationsCommandRunner.class)
                .doesNotHaveBean(HibernateMetadataCapture.class)
                .doesNotHaveBean(ModelSource.class));
    }

    @Test
    void theCaptureJoinsAnIntegratorProviderTheApplicationSetAndHibernateLeavesTheSchemaAlone() {
        runner().withPropertyValues("samokoder.migrations.command=check").run((context) -> {
            HibernatePropertiesCustomizer customizer = context.getBean("migrationsHibernateMetadataCaptureCustomizer",
                    HibernatePropertiesCustomizer.class);
            HibernateMetadataCapture capture = context.getBean(HibernateMetadataCapture.class);
            Map<String, Object> alone = new HashMap<>();
            customizer.customize(alone);
            assertThat(alone).containsEntry(HibernateMetadataCapture.INTEGRATOR_PROVIDER, capture)
                .containsEntry(MigrationsJpaModelAutoConfiguration.HBM2DDL_AUTO, "none");

            Integrator own = new HibernateMetadataCapture();
            Map<String, Object> withOwn = new HashMap<>(Map.of(HibernateMetadataCapture.INTEGRATOR_PROVIDER,
                    (IntegratorProvider) () -> List.of(own)));
            customizer.customize(withOwn);
            assertThat(((IntegratorProvider) withOwn.get(HibernateMetadataCapture.INTEGRATOR_PROVIDER))
                .getIntegrators()).containsExactly(own, capture);
        });
    }
}
