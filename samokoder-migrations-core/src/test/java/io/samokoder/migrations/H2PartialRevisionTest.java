package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On H2, as on MariaDB, DDL commits by itself and a revision runs statement by statement: one that fails at
 * statement k of n leaves statements 1..k-1, the attempt is logged, the version table keeps the previous revision,
 * and later runs refuse that revision until it is stamped or a retry is allowed.
 */
class H2PartialRevisionTest {

    private static void write(Path dir, String thirdStatement) {
        Rev.writeAll(dir,
                Rev.of("p1", "").up("CREATE TABLE base_t (id INT);").down("DROP TABLE base_t;"),
                Rev.of("p2", "p1").message("Three statements")
                        .up("CREATE TABLE t_one (id INT);\nCREATE TABLE t_two (id INT);\n" + thirdStatement + "\n"
                                + "CREATE TABLE t_four (id INT);")
                        .down("DROP TABLE t_four;\nDROP TABLE t_three;\nDROP TABLE t_two;\nDROP TABLE t_one;"),
                Rev.of("p3", "p2").up("CREATE TABLE t_after (id INT);").down("DROP TABLE t_after;"));
    }

    @Test
    void aFailureInTheMiddleIsRecordedAndTheNextRunRefusesUntilStamped(@TempDir Path dir) {
        write(dir, "CREATE TABLE t_three (id no_such_type);");
        DataSource ds = H2Db.memory();
        Migrations migrations = new Migrations(H2Db.config(ds, dir).build());

        MigrationExecutionException failure = catchThrowableOfType(MigrationExecutionException.class,
                () -> migrations.upgrade("heads"));

        assertThat(failure.getMessage()).contains("Revision p2 failed at statement 3", "p2.sql")
                .contains("ran without a transaction (DDL is not transactional on h2): its statements 1 to 2 were"
                        + " committed and stay, while the version table is unchanged at [p1]");
        assertThat(H2Db.tableExists(ds, "T_ONE")).isTrue();
        assertThat(H2Db.tableExists(ds, "T_TWO")).isTrue();
        assertThat(H2Db.tableExists(ds, "T_THREE")).isFalse();
        assertThat(H2Db.versionRows(ds)).containsExactly("p1");

        for (Runnable again : new Runnable[] {() -> migrations.upgrade("heads"), () -> migrations.upgrade("p2")}) {
            PartialRevisionException refusal = catchThrowableOfType(PartialRevisionException.class, again::run);
            assertThat(refusal.revision()).isEqualTo("p2");
            assertThat(refusal.applied()).isEqualTo(2);
            assertThat(refusal.total()).isEqualTo(4);
            assertThat(refusal.getMessage()).contains("its upgrade stopped at statement 3 of 4, and statements 1 to 2"
                    + " were applied and stay");
        }
        assertThat(H2Db.tableExists(ds, "T_AFTER")).isFalse();
        ValidationResult validation = migrations.validate("heads");
        assertThat(validation.pending()).containsExactly("p2", "p3");
        assertThat(validation.partial()).singleElement().satisfies((attempt) -> {
            assertThat(attempt.revision()).isEqualTo("p2");
            assertThat(attempt.applied()).isEqualTo(2);
        });

        // The operator finishes statements 3 and 4 by hand and stamps.
        Db.exec(ds, "CREATE TABLE t_three (id INT)", "CREATE TABLE t_four (id INT)");
        migrations.stamp(List.of("p2"), false);
        assertThat(migrations.upgrade("heads").steps()).extracting(StepResult::revision).containsExactly("p3");
        assertThat(H2Db.versionRows(ds)).containsExactly("p3");
    }

    @Test
    void aRetryRunsTheRevisionAgainOnceAllowed(@TempDir Path dir) {
        write(dir, "CREATE TABLE t_three (id no_such_type);");
        DataSource ds = H2Db.memory();
        catchThrowableOfType(MigrationExecutionException.class,
                () -> new Migrations(H2Db.config(ds, dir).build()).upgrade("heads"));

        // The operator undoes statements 1 and 2, fixes the script and allows the retry.
        Db.exec(ds, "DROP TABLE t_one", "DROP TABLE t_two");
        write(dir, "CREATE TABLE t_three (id INT);");
        MigrationResult retried = new Migrations(H2Db.config(ds, dir).retryPartial(true).build()).upgrade("heads");

        assertThat(retried.steps()).extracting(StepResult::revision).containsExactly("p2", "p3");
        assertThat(H2Db.tableExists(ds, "T_FOUR")).isTrue();
        assertThat(H2Db.tableExists(ds, "T_AFTER")).isTrue();
        // Resolved by the successful run: no retry option needed any more.
        assertThat(new Migrations(H2Db.config(ds, dir).fastStart(false).build()).downgrade("p1").steps())
                .extracting(StepResult::revision).containsExactly("p3", "p2");
    }
}
