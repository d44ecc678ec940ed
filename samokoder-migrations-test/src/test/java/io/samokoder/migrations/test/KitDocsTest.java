package io.samokoder.migrations.test;

import static io.samokoder.migrations.testsupport.ProjectDocuments.section;
import static io.samokoder.migrations.testsupport.ProjectDocuments.unnamed;
import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.testsupport.ProjectDocuments;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/test-kit.md names every public method of {@link MigrationsKit} and {@link DataCheck} and every
 * attribute of {@link MigrationsTest}; README's test kit section names every check.
 */
class KitDocsTest {

    @Test
    void theGuideNamesTheWholeApi() throws IOException {
        String guide = ProjectDocuments.read("docs/test-kit.md");
        assertThat(Stream.of(MigrationsKit.class, DataCheck.class, MigrationsTest.class)
                .flatMap(type -> unnamed(type, guide).stream()))
            .as("public methods and attributes that docs/test-kit.md does not name")
            .isEmpty();
    }

    @Test
    void theReadmeNamesEveryCheck() throws IOException {
        String section = section(ProjectDocuments.read("README.md"), "## Testing revisions (test kit)");
        assertThat(unnamed(MigrationsKit.class, section).stream().filter(name -> name.startsWith("assert")))
            .as("checks that README.md's test kit section does not name")
            .isEmpty();
    }
}
