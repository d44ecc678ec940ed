package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.dialect.mariadb.MariaDbDialect;
import io.samokoder.migrations.dialect.postgresql.PostgresDialect;
import io.samokoder.migrations.script.Placeholders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MigrationsConfigTest {

    @Test
    void invalidSettingsNameTheBuilderAndTheProperty() {
        assertThatThrownBy(() -> MigrationsConfig.builder().locations("filesystem:x")
                .lockTimeout(java.time.Duration.ofSeconds(-5)).build())
                .isInstanceOf(MigrationConfigurationException.class)
                .hasMessage("Invalid migrations configuration: lockTimeout (samokoder.migrations.lock-timeout) must be"
                        + " zero or positive, not -5s");
        assertThatThrownBy(() -> MigrationsConfig.builder().locations("filesystem:x").lockRetries(-1).build())
                .hasMessageContaining("lockRetries (samokoder.migrations.lock-retries) must be 0 or more, not -1");
        assertThatThrownBy(() -> MigrationsConfig.builder().locations("filesystem:x").versionTable("bad-name").build())
                .hasMessageStartingWith("Invalid versionTable (samokoder.migrations.version-table) 'bad-name'");
    }

    @Test
    void defaults() {
        MigrationsConfig config = MigrationsConfig.builder().build();
        assertThat(config.locations()).containsExactly("classpath:db/migrations");
        assertThat(config.versionTable()).isEqualTo("alembic_version");
        assertThat(config.logTable()).isEqualTo("samokoder_migrations_log");
        assertThat(config.schema()).isNull();
        assertThat(config.transactionMode()).isEqualTo(TransactionMode.PER_REVISION);
        assertThat(config.lockWaitTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.lockTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.lockRetries()).isEqualTo(3);
        assertThat(config.statementTimeout()).isEqualTo(Duration.ZERO);
        assertThat(config.checksumPolicy()).isEqualTo(ChecksumPolicy.FAIL);
        assertThat(config.fastStart()).isTrue();
        assertThat(config.stateTable()).isEqualTo("samokoder_migrations_log_state");
        assertThat(config.dialect()).as("detected from the connection").isEmpty();
        assertThat(config.listeners()).isEmpty();
        assertThat(config.scripts()).isEmpty();
        assertThat(config.placeholders()).as("replaced, with no values").isSameAs(Placeholders.NONE);
    }

    @Test
    void toBuilderKeepsEveryValue() {
        MigrationListener listener = new MigrationListener() { };
        MigrationsConfig config = MigrationsConfig.builder().schema("app").versionTable("versions").logTable("log")
                .transactionMode(TransactionMode.SINGLE).lockWaitTimeout(Duration.ofSeconds(7))
                .lockTimeout(Duration.ofMillis(300)).lockRetries(0).statementTimeout(Duration.ofMinutes(1))
                .checksumPolicy(ChecksumPolicy.WARN).locations("filesystem:/x", "classpath:y").listener(listener)
                .fastStart(false).retryPartial(true).allowNewerRevisions(true).connectRetries(4)
                .connectRetriesInterval(Duration.ofSeconds(9)).dialect(MariaDbDialect.INSTANCE)
                .placeholders(Placeholders.of(Map.of("password", "S3cret"))).build();
        MigrationsConfig copy = config.toBuilder().build();
        assertThat(copy.toString()).isEqualTo(config.toString());
        assertThat(copy.listeners()).containsExactly(listener);
        assertThat(copy.locations()).containsExactly("filesystem:/x", "classpath:y");
        assertThat(copy.fastStart()).isFalse();
        assertThat(copy.stateTable()).isEqualTo("log_state");
        assertThat(copy.retryPartial()).isTrue();
        assertThat(copy.allowNewerRevisions()).isTrue();
        assertThat(copy.connectRetries()).isEqualTo(4);
        assertThat(copy.connectRetriesInterval()).isEqualTo(Duration.ofSeconds(9));
        assertThat(copy.dialect()).containsSame(MariaDbDialect.INSTANCE);
        assertThat(copy.toString()).contains("dialect=mariadb, retryPartial=true, allowNewerRevisions=true,"
                + " connectRetries=4, connectRetriesInterval=PT9S, placeholders=Placeholders[password]")
                .doesNotContain("S3cret");
        assertThat(copy.placeholders().values()).containsEntry("password", "S3cret");
        assertThat(MigrationsConfig.builder().build().toString())
                .contains("dialect=detected, retryPartial=false, allowNewerRevisions=false, connectRetries=0,"
                        + " connectRetriesInterval=PT2M");
    }

    @Test
    void rejectsNamesThatAreNotPlainIdentifiers() {
        for (String bad : List.of("", "1abc", "a b", "a\"b", "a;drop", "a.b", "x".repeat(64))) {
            assertThatThrownBy(() -> MigrationsConfig.builder().versionTable(bad).build())
                    .isInstanceOf(MigrationConfigurationException.class).hasMessageContaining("versionTable");
        }
        assertThatThrownBy(() -> MigrationsConfig.builder().schema("x-y").build())
                .isInstanceOf(MigrationConfigurationException.class)
                .hasMessageContaining("schema (samokoder.migrations.schema) 'x-y'");
        assertThatThrownBy(() -> MigrationsConfig.builder().logTable("alembic_version").build())
                .isInstanceOf(MigrationConfigurationException.class).hasMessageContaining("must differ");
        assertThatThrownBy(() -> MigrationsConfig.builder().logTable("l".repeat(58)).build())
                .isInstanceOf(MigrationConfigurationException.class).hasMessageContaining("at most 57")
                .hasMessageContaining("<logTable>_state");
        assertThatThrownBy(() -> MigrationsConfig.builder().logTable("log").versionTable("log_state").build())
                .isInstanceOf(MigrationConfigurationException.class).hasMessageContaining("verified script sets");
    }

    @Test
    void rejectsNegativeValues() {
        assertThatThrownBy(() -> MigrationsConfig.builder().lockTimeout(Duration.ofSeconds(-1)).build())
                .isInstanceOf(MigrationConfigurationException.class).hasMessageContaining("lockTimeout");
        assertThatThrownBy(() -> MigrationsConfig.builder().lockRetries(-1).build())
                .isInstanceOf(MigrationConfigurationException.class).hasMessageContaining("lockRetries");
        assertThatThrownBy(() -> MigrationsConfig.builder().locations(List.of()).build())
                .isInstanceOf(MigrationConfigurationException.class).hasMessageContaining("locations");
    }

    @Test
    void quotesAndQualifies() {
        PostgresDialect d = PostgresDialect.INSTANCE;
        assertThat(d.qualify(null, "alembic_version")).isEqualTo("\"alembic_version\"");
        assertThat(d.qualify("App", "Versions")).isEqualTo("\"App\".\"Versions\"");
        assertThat(d.literal("it's")).isEqualTo("'it''s'");
        assertThat(d.timeoutValue(Duration.ZERO)).isEqualTo("0");
        assertThat(d.timeoutValue(Duration.ofSeconds(5))).isEqualTo("5000ms");
        assertThat(d.lockKey("public", "alembic_version")).isEqualTo(d.lockKey("public", "alembic_version"))
                .isNotEqualTo(d.lockKey("other", "alembic_version"))
                .isNotEqualTo(d.lockKey("public", "other_version"));
        // Pinned: instances of different versions must agree on the key, or they could migrate at once.
        assertThat(d.lockKey("public", "alembic_version")).isEqualTo(3086494348378855745L);
        assertThat(d.batchesStatements()).isTrue();
    }

    @Test
    void resultsDescribeThemselves() {
        MigrationPlan plan = new MigrationPlan(Command.UPGRADE, "heads", List.of(),
                List.of(new PlannedStep(io.samokoder.migrations.plan.Step.Kind.UPGRADE, "a1", "Add users", "a1.sql",
                        List.of(), List.of("a1"))), List.of("a1"));
        assertThat(plan.describe()).contains("upgrade heads: current <base>")
                .contains("1. upgrade <base> -> a1, Add users")
                .contains("result: a1");
        MigrationResult none = new MigrationResult(Command.UPGRADE, "heads", List.of("a1"), List.of("a1"), List.of(),
                java.time.Instant.now(), Duration.ofMillis(4), Duration.ZERO);
        assertThat(none.summary()).isEqualTo("Nothing to upgrade: database at a1 (4 ms)");
        assertThat(new ValidationResult(List.of("a1"), List.of(), List.of()).upToDate()).isTrue();
    }
}
