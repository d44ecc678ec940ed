package io.samokoder.migrations.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.dialect.postgresql.PostgresDialect;
import io.samokoder.migrations.jpa.fixtures.broken.Headless;
import io.samokoder.migrations.jpa.fixtures.small.Note;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JpaModelErrorsTest {

    @Test
    void aClassHibernateCannotMapIsNamedWithHibernatesReason() {
        assertThatThrownBy(() -> JpaModel.ofClasses(Note.class, Headless.class).model(PostgresDialect.INSTANCE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Entity class " + Headless.class.getName() + " could not be mapped by Hibernate: ")
                .hasMessageContaining("identifier");
    }

    @Test
    void aPackageWithoutMappedClassesIsRefused() {
        assertThatThrownBy(() -> JpaModel.ofPackages(getClass().getClassLoader(),
                "io.samokoder.migrations.jpa.fixtures.plain").model(PostgresDialect.INSTANCE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Package io.samokoder.migrations.jpa.fixtures.plain has no class annotated @Entity,"
                        + " @Embeddable, @MappedSuperclass or @Converter on the class path; check the package name");
    }

    @Test
    void aDatabaseHibernateIsNotSetUpForIsRefused() {
        Dialect other = (Dialect) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Dialect.class},
                (proxy, method, args) -> method.getName().equals("name") ? "oracle" : null);

        assertThatThrownBy(() -> JpaModel.ofClasses(Note.class).model(other))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No Hibernate dialect is known for the database 'oracle'");
    }

    @Test
    void missingArgumentsAreRefused() {
        assertThatThrownBy(JpaModel::ofClasses).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("JpaModel.ofClasses needs at least one entity class");
        assertThatThrownBy(() -> JpaModel.ofPackages(getClass().getClassLoader()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs the entity packages");
        assertThatThrownBy(() -> JpaModel.ofMetadata(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JpaModel.ofClasses(Note.class).withPhysicalNamingStrategy(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hibernate.physical_naming_strategy");
    }

    @Test
    void anUnknownNamingStrategyIsReportedWithHibernatesReason() {
        assertThatThrownBy(() -> JpaModel.ofClasses(Note.class).withProperties(Map.of())
                .withImplicitNamingStrategy("com.example.Missing").model(PostgresDialect.INSTANCE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("com.example.Missing")
                .satisfies(e -> assertThat(e.getMessage()).startsWith("The JPA entities"));
    }
}
