package io.samokoder.migrations.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Command mode end to end with a JPA entity on PostgreSQL (a fresh database per test): {@code revision
 * --autogenerate} writes the revision from the entity, {@code upgrade} applies it, {@code check} then passes.
 */
class MigrationsCommandModeAutogenerateTests {

    private final TestDatabase db = TestPostgres.createDatabase("cmdautogen");

    @TempDir
    Path scripts;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    HibernateJpaAutoConfiguration.class, MigrationsAutoConfiguration.class,
                    MigrationsCommandAutoConfiguration.class, MigrationsJpaModelAutoConfiguration.class))
            .withUserConfiguration(MigrationsJpaModelTests.Entities.class)
            .withPropertyValues("spring.datasource.url=" + this.db.jdbcUrl(),
                    "spring.datasource.username=" + this.db.user(), "spring.datasource.password=" + this.db.password(),
                    "samokoder.migrations.locations=filesystem:" + this.scripts,
                    // Command mode turns it off: Hibernate must not create the table autogenerate is to find.
                    "spring.jpa.hibernate.ddl-auto=update");
    }

    @AfterEach
    void drop() {
        this.db.close();
    }

    @Test
    void revisionAutogenerateThenUpgradeThenCheckInCommandMode() throws IOException {
        Run autogenerate = command("revision --autogenerate -m \"create books\" --rev-id b00c");
        assertThat(autogenerate.status()).as(autogenerate.toString()).isZero();
        assertThat(autogenerate.err()).contains("Detected added table 'book'");
        Path file = this.scripts.resolve("b00c_create_books.sql");
        assertThat(autogenerate.out()).isEqualTo("Generating " + file + " ...  done\n");
        assertThat(Files.readString(file)).contains("-- Detected added table 'book'\nCREATE TABLE book (")
            .contains("title VARCHAR(200) NOT NULL")
            .endsWith("-- migrate:downgrade\nDROP TABLE book;\n");

        Run pending = command("check");
        assertThat(pending.status()).isEqualTo(255);
        assertThat(pending.err()).startsWith("FAILED: Target database is not up to date. Pending: b00c");

        assertThat(command("upgrade heads").status()).isZero();
        Run check = command("check");
        assertThat(check.status()).as(check.toString()).isZero();
        assertThat(check.out()).isEqualTo("No new upgrade operations detected.\n");
        Run nothing = command("revision --autogenerate -m again");
        assertThat(nothing.out()).isEqualTo("No changes in schema detected.\n");
    }

    record Run(int status, String out, String err) {
    }

    /** Runs one command as {@code java -jar app.jar --samokoder.migrations.command=...} does. */
    private Run command(String commandLine) {
        List<Run> runs = new ArrayList<>();
        runner().withPropertyValues("samokoder.migrations.command=" + commandLine)
            .run((AssertableApplicationContext context) -> {
                assertThat(context).hasNotFailed();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                List<Integer> exits = new ArrayList<>();
                new MigrationsCommandRunner(commandLine, new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8), exits::add)
                    .onApplicationEvent(new ApplicationStartedEvent(new SpringApplication(), new String[0],
                            context.getSourceApplicationContext(), Duration.ZERO));
                runs.add(new Run(exits.get(0), out.toString(StandardCharsets.UTF_8),
                        err.toString(StandardCharsets.UTF_8)));
            });
        return runs.get(0);
    }
}
