package io.samokoder.migrations.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.ChecksumMismatchException;
import io.samokoder.migrations.Command;
import io.samokoder.migrations.LockTimeoutException;
import io.samokoder.migrations.MigrationConfigurationException;
import io.samokoder.migrations.MigrationExecutionException;
import io.samokoder.migrations.MigrationPlan;
import io.samokoder.migrations.PartialRevisionException;
import io.samokoder.migrations.SharedSessionException;
import io.samokoder.migrations.PlannedStep;
import io.samokoder.migrations.plan.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

class MigrationsFailureAnalyzerTests {

    private final MigrationsFailureAnalyzer analyzer = new MigrationsFailureAnalyzer();

    @Test
    void failedStatementNamesRevisionFileStatementAndSqlState() {
        MigrationExecutionException ex = new MigrationExecutionException("7ead2de0adf9",
                "classpath:db/migrations/007_7ead2de0adf9_add_owner_index.sql", 2, 9, "42703",
                "ERROR: column \"owner_id\" does not exist",
                "The revision was rolled back; the database is still at 0be0e10f5cc6.", null);
        FailureAnalysis analysis = this.analyzer.analyze(wrapped(ex));
        assertThat(analysis.getDescription()).contains("Migrations failed at start-up")
            .contains("Revision:  7ead2de0adf9")
            .contains("File:      classpath:db/migrations/007_7ead2de0adf9_add_owner_index.sql")
            .contains("Statement: 2 (line 9)")
            .contains("SQLSTATE:  42703")
            .contains("column \"owner_id\" does not exist")
            .contains("still at 0be0e10f5cc6");
        assertThat(analysis.getAction()).contains("Fix statement 2 of classpath:db/migrations/")
            .contains("(line 9)")
            .contains("samokoder.migrations.mode=validate");
        assertThat(analysis.getCause()).isSameAs(ex);
    }

    @Test
    void aRevisionLeftPartWayIsNotSaidToRunAgain() {
        MigrationExecutionException ex = new MigrationExecutionException("p2", "p2.sql", 3, 7, "42S02",
                "Table 'missing' doesn't exist", "Its statements 1 to 2 were committed and stay.", true, null);
        FailureAnalysis analysis = this.analyzer.analyze(wrapped(ex));
        assertThat(analysis.getAction()).contains("The statements before statement 3 of p2.sql (line 7) stay applied")
            .contains("--samokoder.migrations.command=\"stamp p2\"")
            .contains("samokoder.migrations.retry-partial=true")
            .doesNotContain("runs again");
    }

    @Test
    void aJavaRevisionWhoseCodeFailedIsNotSaidToHaveFailedAtTheVersionTable() {
        MigrationExecutionException ex = new MigrationExecutionException("j2", "java:com.example.J2", -1, 0, null,
                "the revision's code threw java.lang.IllegalStateException: gave up", "Rolled back.", null);
        FailureAnalysis analysis = this.analyzer.analyze(wrapped(ex));
        assertThat(ex.getMessage()).startsWith("Revision j2 failed in its code (java:com.example.J2): ");
        assertThat(analysis.getDescription()).contains("Statement: none; the revision's code failed outside its"
                + " statements").doesNotContain("version-table");
        assertThat(analysis.getAction()).startsWith("Fix the code of java:com.example.J2 and restart");
    }

    @Test
    void aRefusedPartialRevisionNamesTheRetryProperty() {
        PartialRevisionException ex = new PartialRevisionException("p2", "p2.sql", "up", 2, 4, "boom");
        FailureAnalysis analysis = this.analyzer.analyze(wrapped(ex));
        assertThat(analysis.getDescription()).contains("refused to run revision p2 again");
        assertThat(analysis.getAction()).contains("samokoder.migrations.retry-partial=true")
            .contains("--samokoder.migrations.command=\"stamp p2\"")
            .doesNotContain("mode=validate");
        PartialRevisionException down = new PartialRevisionException("p2", "p2.sql", "down", 1, 4, "boom");
        assertThat(this.analyzer.analyze(wrapped(down)).getAction())
            .contains("--samokoder.migrations.command=\"stamp <the revision below it>\"");
    }

    @Test
    void aConfigurationErrorIsNotToldToStartInValidateMode() {
        FailureAnalysis analysis = this.analyzer.analyze(wrapped(new MigrationConfigurationException(
                "samokoder.migrations.dialect 'oracle' is not a known dialect")));
        assertThat(analysis.getDescription()).contains("'oracle' is not a known dialect");
        assertThat(analysis.getAction()).isEqualTo("Fix the property or the revision named above and restart.");
    }

    @Test
    void versionTableFailureSaysSo() {
        MigrationExecutionException ex = new MigrationExecutionException("aaaa", "a.sql", 0, 0, null, "boom",
                "Rolled back.", null);
        assertThat(this.analyzer.analyze(wrapped(ex)).getDescription())
            .contains("the version-table update after the script")
            .doesNotContain("SQLSTATE");
    }

    @Test
    void refusedDowngradeTellsWhichPropertyToSet() {
        FailureAnalysis analysis = this.analyzer.analyze(wrapped(new DowngradeNotAllowedException("aaaa00000002",
                List.of("aaaa00000003"), List.of("aaaa00000003"))));
        assertThat(analysis.getDescription()).contains("samokoder.migrations.target=aaaa00000002")
            .contains("[aaaa00000003]");
        assertThat(analysis.getAction()).contains("samokoder.migrations.allow-downgrade=true");
    }

    @Test
    void checksumMismatchSuggestsANewRevision() {
        FailureAnalysis analysis = this.analyzer
            .analyze(wrapped(new ChecksumMismatchException("aaaa00000002", "b.sql", "Revision aaaa00000002 changed")));
        assertThat(analysis.getDescription()).contains("aaaa00000002 (b.sql)");
        assertThat(analysis.getAction()).contains("new revision").contains("validate-checksums=warn")
            .contains("a change to the downgrade part alone passes, unless the revision was applied before")
            .contains("--samokoder.migrations.command=\"downgrade aaaa00000002-1\", then \"upgrade heads\"");
    }

    @Test
    void lockTimeoutPointsAtTheWaitSetting() {
        LockTimeoutException ex = new LockTimeoutException(Duration.ofSeconds(3), "advisory lock 1", 4242, "other-app",
                "10.0.0.9", Instant.parse("2026-11-29T09:00:00Z"), "SELECT pg_terminate_backend(4242)");
        FailureAnalysis analysis = this.analyzer.analyze(wrapped(ex));
        assertThat(analysis.getDescription()).contains("4242").contains("end its session with"
                + " SELECT pg_terminate_backend(4242)");
        assertThat(analysis.getAction()).contains("samokoder.migrations.lock-wait-timeout")
                .contains("end that session as the message says");
    }

    @Test
    void aSharedSessionPointsAtAConnectionOfTheMigrationsOwn() {
        SharedSessionException ex = new SharedSessionException("advisory lock 7 for public.alembic_version");
        FailureAnalysis analysis = this.analyzer.analyze(wrapped(ex));
        assertThat(analysis.getDescription()).contains("shared database session")
                .contains("advisory lock 7 for public.alembic_version").contains("pool_mode = transaction");
        assertThat(analysis.getAction()).contains("samokoder.migrations.url").contains("session-mode pool");
    }

    @Test
    void otherFailuresAreNotAnalyzed() {
        assertThat(this.analyzer.analyze(new IllegalStateException("unrelated"))).isNull();
    }

    private static Throwable wrapped(Throwable cause) {
        return new BeanCreationException("migrationsInitializer", "Invocation of init method failed", cause);
    }
}
