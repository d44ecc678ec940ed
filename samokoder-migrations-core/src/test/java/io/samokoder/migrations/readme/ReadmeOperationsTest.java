package io.samokoder.migrations.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.ops.Operations;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** README.md's "Revisions in Java" names every operation of {@link Operations}. */
class ReadmeOperationsTest {

    @Test
    void theReadmeNamesEveryOperation() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("\n## Revisions in Java\n");
        assertThat(start).as("README.md's \"## Revisions in Java\"").isNotNegative();
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        assertThat(Arrays.stream(Operations.class.getMethods())
                .filter(method -> !Modifier.isStatic(method.getModifiers()))
                .map(Method::getName)
                .distinct()
                .filter(name -> !Pattern.compile("`(op\\.)?" + name + "\\b").matcher(section).find()))
            .as("operations that README.md's \"Revisions in Java\" does not name")
            .isEmpty();
    }
}
