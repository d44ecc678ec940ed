package io.samokoder.migrations.readme;

import static io.samokoder.migrations.testsupport.ProjectDocuments.section;
import static io.samokoder.migrations.testsupport.ProjectDocuments.unnamed;
import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.java.Revision;
import io.samokoder.migrations.ops.Operations;
import io.samokoder.migrations.testsupport.ProjectDocuments;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * README.md names every operation of {@link Operations}, every attribute of {@link Revision}, every call of
 * {@link Migrations} and every method of {@link MigrationsConfig.Builder}.
 */
class ReadmeApiNamesTest {

    @Test
    void revisionsInJavaNamesEveryOperationAndEveryAttributeOfTheAnnotation() throws IOException {
        String section = section(ProjectDocuments.read("README.md"), "## Revisions in Java");
        assertThat(unnamed(Operations.class, section))
            .as("operations that README.md's \"Revisions in Java\" does not name")
            .isEmpty();
        assertThat(unnamed(Revision.class, section))
            .as("@Revision attributes that README.md's \"Revisions in Java\" does not name")
            .isEmpty();
    }

    @Test
    void usingTheEngineDirectlyNamesEveryEngineCallAndBuilderMethod() throws IOException {
        String section = section(ProjectDocuments.read("README.md"),
                "## Using the engine directly (deploy jobs, tests, tools)");
        assertThat(unnamed(MigrationsConfig.Builder.class, section))
            .as("MigrationsConfig.Builder methods that README.md's \"Using the engine directly\" does not name")
            .isEmpty();
        assertThat(unnamed(Migrations.class, section))
            .as("Migrations methods that README.md's \"Using the engine directly\" does not name")
            .isEmpty();
    }
}
