package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.samokoder.migrations.testsupport.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On MariaDB a revision runs statement by statement in autocommit. When it fails at statement k, the
 * statements before stay, the attempt is logged, the version table keeps the previous revision, and
 * later runs refuse to run that revision again until a stamp or an allowed retry.
 */
class MariaDbPartialRevisionTest {

    private static void write(Path dir, String thirdStatement) {
        Rev.writeAll(dir,
                Rev.of("p1", "").up("CREATE TABLE base_t (id INT);").down("DROP TABLE base_t;"),
                Rev.of("p2", "p1").message("Three statements")
                        .up("CREATE TABLE one (id INT);\nCREATE TABLE two (id INT);\n" + thirdStatement + "\n"
                                + "CREATE TABLE four (id INT);")
                        .down("DROP TABLE four;\nDROP TABLE three;\nDROP TABLE two;\nDROP TABLE one;"),
                Rev.of("p3", "p2").up("CREATE TABLE after_t (id INT);").down("DROP TABLE after_t;"));
    }

    @Test
    void aFailureInTheMiddleIsRecordedAndTheNextRunRefusesUntilStamped(@TempDir Path dir) {
        write(dir, "CREATE TABLE three (id no_such_type);");
        try (TestDatabase db = MariaDb.fresh("partial")) {
            DataSource ds = db.dataSource();
            Migrations migrations = new Migrations(MariaDb.config(ds, dir).build());

            MigrationExecutionException failure = catchThrowableOfType(MigrationExecutionException.class,
                    () -> migrations.upgrade("heads"));

            assertThat(failure.getMessage()).contains("Revision p2 failed at statement 3", "p2.sql")
                    .contains("ran without a transaction (DDL is not transactional on mariadb): its statements 1 to 2"
                            + " were committed and stay, while the version table is unchanged at [p1]")
                    .contains("runs refuse to run the revision again");
            assertThat(MariaDb.tables(ds)).contains("one", "two").doesNotContain("three", "four", "after_t");
            assertThat(MariaDb.versionRows(ds)).containsExactly("p1");
            assertThat(MariaDb.strings(ds, "SELECT revision, direction, outcome, LEFT(error, 41)"
                    + " FROM samokoder_migrations_log ORDER BY id")).containsExactly("p1|up|success|null",
                            "p2|up|failed|Partial: applied 2 of 4 statements. Revis");

            for (Runnable again : new Runnable[] {() -> migrations.upgrade("heads"), () -> migrations.upgrade("p2"),
                () -> migrations.moveTo(Target.HEADS, false)}) {
                PartialRevisionException refusal = catchThrowableOfType(PartialRevisionException.class, again::run);
                assertThat(refusal.revision()).isEqualTo("p2");
                assertThat(refusal.applied()).isEqualTo(2);
                assertThat(refusal.total()).isEqualTo(4);
                assertThat(refusal.getMessage()).startsWith("Revision p2 (filesystem:")
                        .contains("p2.sql) was left part-way by an earlier run on a database without transactional"
                                + " DDL: its upgrade stopped at statement 3 of 4, and statements 1 to 2 were applied"
                                + " and stay")
                        .contains("Either finish the upgrade by hand (statements 3 to 4) and stamp p2, or undo"
                                + " statements 1 to 2 by hand (or make them safe to repeat) and run again with"
                                + " retry-partial enabled (samokoder.migrations.retry-partial=true, the --retry-partial"
                                + " option of upgrade and downgrade, -Dsamokoder.retryPartial=true for the Maven"
                                + " plugin, or MigrationsConfig.builder().retryPartial(true))")
                        .contains("Earlier error: Revision p2 failed at statement 3");
            }
            assertThat(MariaDb.tables(ds)).doesNotContain("three", "after_t");
            assertThat(MariaDb.count(ds, "SELECT count(*) FROM samokoder_migrations_log")).isEqualTo(2);

            // The dry run refuses as the run would.
            assertThat(catchThrowableOfType(PartialRevisionException.class,
                    () -> migrations.plan(Command.UPGRADE, "heads")).revision()).isEqualTo("p2");
            assertThat(new Migrations(MariaDb.config(ds, dir).retryPartial(true).build())
                    .plan(Command.UPGRADE, "heads").steps()).hasSize(2);

            ValidationResult validation = migrations.validate("heads");
            assertThat(validation.upToDate()).isFalse();
            assertThat(validation.pending()).containsExactly("p2", "p3");
            assertThat(validation.partial()).singleElement().satisfies(attempt -> {
                assertThat(attempt.revision()).isEqualTo("p2");
                assertThat(attempt.direction()).isEqualTo("up");
                assertThat(attempt.file()).endsWith("p2.sql");
                assertThat(attempt.applied()).isEqualTo(2);
                assertThat(attempt.total()).isEqualTo(4);
                assertThat(attempt.error()).startsWith("Revision p2 failed at statement 3");
                assertThat(attempt.explanation()).isEqualTo(new PartialRevisionException(attempt).getMessage())
                        .contains("its upgrade stopped at statement 3 of 4");
            });

            // The operator finishes statements 3 and 4 by hand and stamps.
            MariaDb.exec(ds, "CREATE TABLE three (id INT)", "CREATE TABLE four (id INT)");
            migrations.stamp(List.of("p2"), false);
            MigrationResult rest = migrations.upgrade("heads");

            assertThat(rest.steps()).extracting(StepResult::revision).containsExactly("p3");
            assertThat(MariaDb.versionRows(ds)).containsExactly("p3");
        }
    }

    @Test
    void aRetryRunsTheRevisionAgainOnceAllowed(@TempDir Path dir) {
        write(dir, "CREATE TABLE three (id no_such_type);");
        try (TestDatabase db = MariaDb.fresh("retry")) {
            DataSource ds = db.dataSource();
            catchThrowableOfType(MigrationExecutionException.class,
                    () -> new Migrations(MariaDb.config(ds, dir).build()).upgrade("heads"));

            // The operator undoes statements 1 and 2, fixes the script and allows the retry.
            MariaDb.exec(ds, "DROP TABLE one", "DROP TABLE two");
            write(dir, "CREATE TABLE three (id INT);");
            MigrationResult retried = new Migrations(MariaDb.config(ds, dir).retryPartial(true).build())
                    .upgrade("heads");

            assertThat(retried.steps()).extracting(StepResult::revision).containsExactly("p2", "p3");
            assertThat(MariaDb.tables(ds)).contains("one", "two", "three", "four", "after_t");
            // Resolved by the successful run: no retry option needed any more.
            assertThat(new Migrations(MariaDb.config(ds, dir).fastStart(false).build()).downgrade("p1").steps())
                    .extracting(StepResult::revision).containsExactly("p3", "p2");
        }
    }

    @Test
    void aDowngradeLeftPartWayIsRefusedUntilStampedBelowIt(@TempDir Path dir) {
        write(dir, "CREATE TABLE three (id INT);");
        try (TestDatabase db = MariaDb.fresh("partdown")) {
            DataSource ds = db.dataSource();
            Migrations migrations = new Migrations(MariaDb.config(ds, dir).build());
            migrations.upgrade("p2");
            MariaDb.exec(ds, "DROP TABLE three");

            catchThrowableOfType(MigrationExecutionException.class, () -> migrations.downgrade("p1"));
            assertThat(MariaDb.versionRows(ds)).containsExactly("p2");

            PartialRevisionException refusal = catchThrowableOfType(PartialRevisionException.class,
                    () -> migrations.downgrade("base"));
            assertThat(refusal.getMessage()).contains("its downgrade stopped at statement 2 of 4, and statement 1"
                    + " was applied and stays").contains("and stamp the revision below it");

            // The version table says p2 is applied, but its downgrade stopped part-way: not up to date.
            ValidationResult validation = migrations.validate("p2");
            assertThat(validation.pending()).isEmpty();
            assertThat(validation.drift()).isEmpty();
            assertThat(validation.upToDate()).isFalse();
            assertThat(validation.partial()).extracting(PartialAttempt::revision, PartialAttempt::direction,
                    PartialAttempt::applied).containsExactly(tuple("p2", "down", 1));
            // The status (the starter's report, health and endpoint) shows it too.
            assertThat(migrations.status("p2").partial()).extracting(PartialAttempt::revision).containsExactly("p2");

            MariaDb.exec(ds, "DROP TABLE two", "DROP TABLE one");
            migrations.stamp(List.of("p1"), false);
            assertThat(migrations.validate("p1").partial()).isEmpty();
            assertThat(migrations.validate("p1").upToDate()).isTrue();
            assertThat(migrations.upgrade("heads").steps()).extracting(StepResult::revision)
                    .containsExactly("p2", "p3");
        }
    }

    @Test
    void aRevisionWhoseStatementsAllRanButWasNotRecordedIsRefusedUntilStamped(@TempDir Path dir) {
        Rev.writeAll(dir, Rev.of("v1", "").up("CREATE TABLE made (id INT);\nDROP TABLE alembic_version;")
                .down("DROP TABLE made;"));
        try (TestDatabase db = MariaDb.fresh("unrecorded")) {
            DataSource ds = db.dataSource();
            Migrations migrations = new Migrations(MariaDb.config(ds, dir).build());

            MigrationExecutionException failure = catchThrowableOfType(MigrationExecutionException.class,
                    () -> migrations.upgrade("heads"));
            assertThat(failure.getMessage()).contains("all its statements were committed, but recording it in the"
                    + " version table failed");

            PartialRevisionException refusal = catchThrowableOfType(PartialRevisionException.class,
                    () -> migrations.upgrade("heads"));
            assertThat(refusal.applied()).isEqualTo(2);
            assertThat(refusal.total()).isEqualTo(2);
            assertThat(refusal.getMessage()).contains("all 2 statements of its upgrade were applied, but the version"
                    + " table was not updated. Nothing was run. Stamp v1 (its statements already ran)");

            migrations.stamp(List.of("v1"), false);
            assertThat(migrations.upgrade("heads").steps()).isEmpty();
            assertThat(MariaDb.versionRows(ds)).containsExactly("v1");
        }
    }
    @io.samokoder.migrations.java.Revision(id = "j2", revises = "p1", message = "Sends two statements, then throws",
            version = "1")
    static class ThrowsAfterTwo implements io.samokoder.migrations.java.JavaRevision {
        @Override
        public void upgrade(io.samokoder.migrations.ops.Operations op) {
            if (!op.hasTable("j_one")) {
                op.execute("CREATE TABLE j_one (id INT)");
                op.execute("CREATE TABLE j_two (id INT)");
                throw new IllegalStateException("the code gave up");
            }
        }
    }

    @Test
    void aJavaRevisionWhoseCodeThrowsAfterItsStatementsIsLeftPartWay(@TempDir Path dir) {
        Rev.writeAll(dir, Rev.of("p1", "").up("CREATE TABLE base_t (id INT);").down("DROP TABLE base_t;"));
        try (TestDatabase db = MariaDb.fresh("codethrows")) {
            DataSource ds = db.dataSource();
            Migrations migrations = new Migrations(MariaDb.config(ds, dir).javaRevisions(new ThrowsAfterTwo()).build());

            MigrationExecutionException failure = catchThrowableOfType(MigrationExecutionException.class,
                    () -> migrations.upgrade("heads"));

            assertThat(failure.statementNumber()).isEqualTo(-1);
            assertThat(failure.leftPartial()).isTrue();
            assertThat(failure.getMessage()).startsWith("Revision j2 failed in its code (java:")
                    .contains("the revision's code threw java.lang.IllegalStateException: the code gave up")
                    .contains("its statements 1 to 2 were committed and stay")
                    .doesNotContain("version table failed");
            assertThat(MariaDb.tables(ds)).contains("j_one", "j_two");
            PartialRevisionException refusal = catchThrowableOfType(PartialRevisionException.class,
                    () -> migrations.upgrade("heads"));
            assertThat(refusal.revision()).isEqualTo("j2");
            assertThat(refusal.applied()).isEqualTo(2);
        }
    }

    @io.samokoder.migrations.java.Revision(id = "j2", revises = "p1", message = "Updates through JDBC, then fails",
            version = "1")
    static class UpdatesThroughJdbcThenFails implements io.samokoder.migrations.java.JavaRevision {
        @Override
        public void upgrade(io.samokoder.migrations.ops.Operations op) {
            try (java.sql.Statement st = op.connection().createStatement()) {
                st.executeUpdate("UPDATE base_t SET id = id + 1");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            op.execute("INSERT INTO no_such_table VALUES (1)");
        }
    }

    @Test
    void workThroughTheConnectionCountsAsApplied(@TempDir Path dir) {
        Rev.writeAll(dir, Rev.of("p1", "").up("CREATE TABLE base_t (id INT);\nINSERT INTO base_t VALUES (1);")
                .down("DROP TABLE base_t;"));
        try (TestDatabase db = MariaDb.fresh("ownjdbc")) {
            DataSource ds = db.dataSource();
            Migrations migrations = new Migrations(MariaDb.config(ds, dir)
                    .javaRevisions(new UpdatesThroughJdbcThenFails()).build());

            MigrationExecutionException failure = catchThrowableOfType(MigrationExecutionException.class,
                    () -> migrations.upgrade("heads"));
            assertThat(failure.getMessage()).contains("its code took op.connection() for JDBC work of its own")
                    .doesNotContain("so nothing was changed");
            assertThat(failure.leftPartial()).isTrue();
            assertThat(MariaDb.strings(ds, "SELECT id FROM base_t")).containsExactly("2");

            // The next run does not update the row again: it refuses, naming that work.
            PartialRevisionException refusal = catchThrowableOfType(PartialRevisionException.class,
                    () -> migrations.upgrade("heads"));
            assertThat(refusal.getMessage()).contains("its code had taken op.connection() for JDBC work of its own");
            assertThat(MariaDb.strings(ds, "SELECT id FROM base_t")).containsExactly("2");
        }
    }

    @Test
    void aStampOfAnotherRevisionWhoseIdOnlyLooksAlikeDoesNotClearAPartialAttempt(@TempDir Path dir) {
        Rev.writeAll(dir, Rev.of("p_2", "").up("CREATE TABLE made_1 (id INT);\nCREATE TABLE made_1 (id INT);")
                .down("DROP TABLE made_1;"), Rev.of("px2", "").up("CREATE TABLE other_t (id INT);")
                .down("DROP TABLE other_t;"), Rev.of("P_2", "").up("CREATE TABLE third_t (id INT);")
                .down("DROP TABLE third_t;"));
        try (TestDatabase db = MariaDb.fresh("likeid")) {
            DataSource ds = db.dataSource();
            Migrations migrations = new Migrations(MariaDb.config(ds, dir).build());
            catchThrowableOfType(MigrationExecutionException.class, () -> migrations.upgrade("p_2"));
            // px2 is another revision: in SQL's LIKE, p_2 would match it.
            migrations.stamp(List.of("px2"), false);
            // Nor is P_2, which MariaDB's default collation would take for p_2.
            migrations.stamp(List.of("P_2"), false);
            assertThat(catchThrowableOfType(PartialRevisionException.class, () -> migrations.upgrade("p_2"))
                    .revision()).isEqualTo("p_2");
        }
    }

    @Test
    void aRunThatEndsAtTheHeadsRecordsNoFastStartWhileARevisionIsLeftPartWay(@TempDir Path dir) throws Exception {
        Rev root = Rev.of("r1", "").up("CREATE TABLE r1_t (id INT);").down("DROP TABLE r1_t;");
        Rev left = Rev.of("b1", "r1").up("CREATE TABLE b1_t (id INT);\nCREATE TABLE b1_u (id INT);")
                .down("DROP TABLE b1_u;\nDROP TABLE b1_t;");
        Rev right = Rev.of("c1", "r1").up("CREATE TABLE c1_t (id INT);").down("DROP TABLE c1_t;");
        Rev later = Rev.of("c2", "c1").up("CREATE TABLE c2_t (id INT);").down("DROP TABLE c2_t;");
        try (TestDatabase db = MariaDb.fresh("partialfast")) {
            DataSource ds = db.dataSource();
            // In a jar, whose entries' stamps let a run record the fast start (a new file's do not).
            Path first = Rev.writeJar(dir.resolve("first.jar"), root, left, right);
            inJar(ds, first, m -> m.upgrade("heads"));
            MariaDb.exec(ds, "DROP TABLE b1_t");
            inJar(ds, first, m -> catchThrowableOfType(MigrationExecutionException.class, () -> m.downgrade("b1@-1")));
            // Another branch moves on: the run ends at the heads, with b1's downgrade still part-way.
            Path second = Rev.writeJar(dir.resolve("second.jar"), root, left, right, later);
            inJar(ds, second, m -> m.upgrade("heads"));
            inJar(ds, second, m -> {
                ValidationResult validation = m.validate("heads");
                assertThat(validation.partial()).extracting(PartialAttempt::revision).containsExactly("b1");
                assertThat(validation.upToDate()).isFalse();
                return null;
            });
        }
    }

    private static void inJar(DataSource ds, Path jar, java.util.function.Function<Migrations, ?> work)
            throws Exception {
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()},
                null)) {
            work.apply(new Migrations(MigrationsConfig.builder().dataSource(ds).locations("classpath:db/migrations")
                    .classLoader(loader).build()));
        }
    }
}
