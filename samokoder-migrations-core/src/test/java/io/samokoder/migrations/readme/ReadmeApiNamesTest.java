package io.samokoder.migrations.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.java.Revision;
import io.samokoder.migrations.ops.Operations;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README.md names every operation of {@link Operations}, every attribute of {@link Revision}, every call of
 * {@link Migrations} and every method of {@link MigrationsConfig.Builder}.
 */
class ReadmeApiNamesTest {

    @Test
    void revisionsInJavaNamesEveryOperationAndEveryAttributeOfTheAnnotation() throws IOException {
        String section = section("Revisions in Java");
        assertThat(unnamed(Operations.class, section))
            .as("operations that README.md's \"Revisions in Java\" does not name")
            .isEmpty();
        assertThat(unnamed(Revision.class, section))
            .as("@Revision attributes that README.md's \"Revisions in Java\" does not name")
            .isEmpty();
    }

    @Test
    void usingTheEngineDirectlyNamesEveryEngineCallAndBuilderMethod() throws IOException {
        String section = section("Using the engine directly (deploy jobs, tests, tools)");
        assertThat(unnamed(MigrationsConfig.Builder.class, section))
            .as("MigrationsConfig.Builder methods that README.md's \"Using the engine directly\" does not name")
            .isEmpty();
        assertThat(unnamed(Migrations.class, section))
            .as("Migrations methods that README.md's \"Using the engine directly\" does not name")
            .isEmpty();
    }

    /** The names of the type's public instance methods that the text neither writes in backticks nor calls. */
    private static List<String> unnamed(Class<?> type, String text) {
        return Arrays.stream(type.getMethods())
            .filter(method -> method.getDeclaringClass() == type && !Modifier.isStatic(method.getModifiers()))
            .map(Method::getName)
            .distinct()
            .filter(name -> !Pattern.compile("`(op\\.)?" + name + "\\b|\\." + name + "\\(").matcher(text).find())
            .toList();
    }

    private static String section(String heading) throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("\n## " + heading + "\n");
        assertThat(start).as("README.md's \"## " + heading + "\"").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }
}
