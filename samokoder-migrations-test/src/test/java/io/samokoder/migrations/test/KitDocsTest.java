package io.samokoder.migrations.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/test-kit.md names every public method of {@link MigrationsKit} and {@link DataCheck} and every
 * attribute of {@link MigrationsTest}; README's test kit section names every check.
 */
class KitDocsTest {

    @Test
    void theGuideNamesTheWholeApi() throws IOException {
        String guide = Files.readString(Path.of("..", "docs", "test-kit.md"), StandardCharsets.UTF_8);
        assertThat(Stream.of(MigrationsKit.class, DataCheck.class, MigrationsTest.class)
                .flatMap(type -> unnamed(type, guide).stream()))
            .as("public methods and attributes that docs/test-kit.md does not name")
            .isEmpty();
    }

    @Test
    void theReadmeNamesEveryCheck() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("\n## Testing revisions (test kit)\n");
        assertThat(start).as("README.md's test kit section").isNotNegative();
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        assertThat(unnamed(MigrationsKit.class, section).stream().filter(name -> name.startsWith("assert")))
            .as("checks that README.md's test kit section does not name")
            .isEmpty();
    }

    /**
     * The type's public instance methods (an annotation's attributes) that the text does not name as code:
     * in backticks, after a dot, called, or given a value.
     */
    private static List<String> unnamed(Class<?> type, String text) {
        return Arrays.stream(type.getMethods())
            .filter(method -> method.getDeclaringClass() == type && !Modifier.isStatic(method.getModifiers()))
            .map(Method::getName)
            .distinct()
            .filter(name -> !Pattern.compile("[`.]" + name + "\\b|\\b" + name + "( = |\\()").matcher(text).find())
            .toList();
    }
}
