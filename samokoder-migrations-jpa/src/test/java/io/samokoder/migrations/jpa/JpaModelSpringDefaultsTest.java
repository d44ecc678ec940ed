package io.samokoder.migrations.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.dialect.h2.H2Dialect;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.schema.Schema;
import io.samokoder.migrations.schema.SchemaTable;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spring Boot's naming is the default when its implicit naming strategy is on the class path. Spring is not a
 * dependency of this module, so a class of that name is compiled here, a stand-in with Hibernate's
 * JPA-compliant behaviour, to put it on a class path.
 */
class JpaModelSpringDefaultsTest {

    private static final String SMALL = "io.samokoder.migrations.jpa.fixtures.small";

    @Test
    void snakeCaseNamesWhenSpringBootsStrategyIsOnTheClassPath(@TempDir Path dir) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {springStandIn(dir).toUri().toURL()},
                getClass().getClassLoader())) {
            Schema schema = JpaModel.ofPackages(loader, SMALL).model(H2Dialect.INSTANCE);

            assertThat(schema.tables()).extracting(SchemaTable::name).containsExactly("note");
            assertThat(schema.table("note").orElseThrow().columns()).extracting(Column::name)
                    .contains("written_at");
        }
    }

    @Test
    void hibernatesNamesOtherwise() {
        Schema schema = JpaModel.ofPackages(getClass().getClassLoader(), SMALL).model(H2Dialect.INSTANCE);

        assertThat(schema.table("note").orElseThrow().columns()).extracting(Column::name).contains("writtenat");
    }

    private static Path springStandIn(Path dir) throws IOException {
        Path source = dir.resolve("src/org/springframework/boot/hibernate/SpringImplicitNamingStrategy.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package org.springframework.boot.hibernate;

                public class SpringImplicitNamingStrategy
                        extends org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl {
                }
                """);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", classes.toString(), "-cp",
                System.getProperty("java.class.path"), source.toString());
        assertThat(status).as("javac status").isZero();
        assertThat(List.of(classes.toFile().list())).containsExactly("org");
        return classes;
    }
}
