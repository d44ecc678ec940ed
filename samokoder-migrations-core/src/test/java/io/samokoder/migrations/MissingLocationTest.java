package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A class path location that does not exist adds nothing, and says so once per load. */
class MissingLocationTest {

    @Test
    void aMissingClasspathLocationIsWarnedOfOnce() {
        try (LoggedWarnings warnings = new LoggedWarnings()) {
            Migrations migrations = new Migrations(MigrationsConfig.builder()
                    .locations(List.of("classpath:no/such/place")).build());

            assertThat(migrations.heads()).isEmpty();
            assertThat(migrations.history("base:heads")).isEmpty();

            assertThat(warnings.messages()).containsExactly(
                    "Script location 'classpath:no/such/place' does not exist on the class path; it adds no scripts");
        }
    }
}
