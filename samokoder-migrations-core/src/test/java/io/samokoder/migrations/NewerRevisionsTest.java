package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rollback: an older build meets a database that a newer build migrated. By default Alembic's "Can't locate
 * revision"; with {@code allowNewerRevisions} the older build starts and leaves the newer revisions alone, as long
 * as the log traces them to revisions it has and it has nothing left to apply.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class NewerRevisionsTest {

    private static final Rev A = Rev.of("a1", "").up("CREATE TABLE t_a (id int);").down("DROP TABLE t_a;");
    private static final Rev B = Rev.of("b2", "a1").up("CREATE TABLE t_b (id int);").down("DROP TABLE t_b;");
    private static final Rev C = Rev.of("c3", "b2").up("CREATE TABLE t_c (id int);").down("DROP TABLE t_c;");
    private static final Rev D = Rev.of("d4", "c3").up("CREATE TABLE t_d (id int);").down("DROP TABLE t_d;");

    /** The newer build (a1..d4) migrates; the older one (a1, b2) is what {@code older} configures. */
    private static void migratedByTheNewerBuild(DataSource ds, Path newer, Function<Path, MigrationsConfig.Builder>
            config) {
        Rev.writeAll(newer, A, B, C, D);
        new Migrations(config.apply(newer).build()).upgrade("heads");
    }

    @Test
    void anOlderBuildStartsOnADatabaseThatANewerBuildMigratedWhereAllowed(TestDatabase db, @TempDir Path newer,
            @TempDir Path older) {
        DataSource ds = Db.schema(db, "newer_allowed");
        migratedByTheNewerBuild(ds, newer, (dir) -> Db.config(ds, dir));
        Rev.writeAll(older, A, B);
        long logRows = Db.count(ds, "SELECT count(*) FROM samokoder_migrations_log");

        Migrations strict = new Migrations(Db.config(ds, older).build());
        assertThatThrownBy(() -> strict.upgrade("heads")).isInstanceOf(UnknownAppliedRevisionException.class)
                .hasMessageStartingWith("Can't locate revision identified by 'd4'");
        assertThat(strict.validate("heads").drift()).extracting(DriftProblem::revision).containsExactly("d4");

        Migrations allowing = new Migrations(Db.config(ds, older).allowNewerRevisions(true).build());
        MigrationResult result;
        try (LoggedWarnings warnings = new LoggedWarnings()) {
            result = allowing.upgrade("heads");
            assertThat(warnings.messages()).singleElement().asString()
                    .contains("holds d4, which no loaded script declares")
                    .contains("applied on top of b2, so a newer build migrated this database")
                    .contains("Nothing was applied or undone");
        }
        assertThat(result.steps()).isEmpty();
        assertThat(result.rowsBefore()).containsExactly("d4");
        assertThat(result.rowsAfter()).containsExactly("d4");
        assertThat(result.warnings()).singleElement().asString().contains("applied on top of b2");
        assertThat(Db.versionRows(ds)).containsExactly("d4");
        assertThat(Db.tableExists(ds, "newer_allowed", "t_d")).isTrue();
        assertThat(Db.count(ds, "SELECT count(*) FROM samokoder_migrations_log")).isEqualTo(logRows);

        // What the starter's report and validate mode read.
        MigrationStatus status = allowing.status("heads");
        assertThat(status.current()).containsExactly("d4");
        assertThat(status.pending()).isEmpty();
        assertThat(status.revisions()).extracting(RevisionInfo::id, RevisionInfo::applied, RevisionInfo::checksumStatus)
                .containsExactly(tuple("b2", true, ChecksumStatus.MATCH),
                        tuple("a1", true, ChecksumStatus.MATCH));
        ValidationResult validation = allowing.validate("heads");
        assertThat(validation.pending()).isEmpty();
        assertThat(validation.drift()).isEmpty();
        // The dry run says what the run did: nothing, the newer rows staying, with the run's warning.
        MigrationPlan dryRun = allowing.plan(Command.UPGRADE, "heads");
        assertThat(dryRun.steps()).isEmpty();
        assertThat(dryRun.rowsBefore()).containsExactly("d4");
        assertThat(dryRun.rowsAfter()).containsExactly("d4");
        assertThat(dryRun.warnings()).singleElement().asString().contains("applied on top of b2");
        assertThatThrownBy(() -> strict.plan(Command.UPGRADE, "heads"))
                .isInstanceOf(UnknownAppliedRevisionException.class)
                .hasMessageStartingWith("Can't locate revision identified by 'd4'");
    }

    @Test
    void anOlderBuildWithARevisionTheNewerOneLacksIsRefusedAndChangesNothing(TestDatabase db, @TempDir Path newer,
            @TempDir Path older) {
        DataSource ds = Db.schema(db, "newer_other_branch");
        migratedByTheNewerBuild(ds, newer, (dir) -> Db.config(ds, dir));
        Rev.writeAll(older, A, B, Rev.of("x9", "b2").up("CREATE TABLE other (id int);").down("DROP TABLE other;"));
        Migrations allowing = new Migrations(Db.config(ds, older).allowNewerRevisions(true).build());

        assertThatThrownBy(() -> allowing.upgrade("heads")).isInstanceOf(UnknownAppliedRevisionException.class)
                .hasMessageStartingWith("Can't locate revision identified by 'd4'")
                .hasMessageContaining("the log shows it applied on top of b2")
                .hasMessageContaining("this build would still have to run x9 there, which that build did not have;"
                        + " nothing was run");
        assertThat(Db.versionRows(ds)).containsExactly("d4");
        assertThat(Db.tableExists(ds, "newer_other_branch", "other")).isFalse();
        // The report says what is pending, so such an instance stays out of readiness.
        assertThat(allowing.status("heads").pending()).containsExactly("x9");
        // Nor can a command move rows from under the newer ones; the dry runs say so alike.
        assertThatThrownBy(() -> allowing.downgrade("a1")).isInstanceOf(UnknownAppliedRevisionException.class)
                .hasMessageContaining("would still have to run b2 there");
        assertThatThrownBy(() -> allowing.plan(Command.UPGRADE, "heads"))
                .isInstanceOf(UnknownAppliedRevisionException.class).hasMessageContaining("would still have to run x9");
        assertThatThrownBy(() -> allowing.plan(Command.DOWNGRADE, "a1"))
                .isInstanceOf(UnknownAppliedRevisionException.class).hasMessageContaining("would still have to run b2");
        assertThat(Db.versionRows(ds)).containsExactly("d4");
    }

    @Test
    void aRowThatTheLogDoesNotTraceFailsAsWithoutTheSetting(TestDatabase db, @TempDir Path newer,
            @TempDir Path older) {
        DataSource ds = Db.schema(db, "newer_stamped");
        Rev.writeAll(newer, A, B, C, D);
        Migrations newerBuild = new Migrations(Db.config(ds, newer).build());
        newerBuild.upgrade("b2");
        // Stamped, not run: the log holds no upgrade of c3 or d4 to follow.
        newerBuild.stamp(List.of("d4"), false);
        Rev.writeAll(older, A, B);
        Migrations allowing = new Migrations(Db.config(ds, older).allowNewerRevisions(true).build());

        assertThatThrownBy(() -> allowing.upgrade("heads")).isInstanceOf(UnknownAppliedRevisionException.class)
                .hasMessageStartingWith("Can't locate revision identified by 'd4'")
                .hasMessageContaining("no loaded script declares it");
        assertThat(allowing.validate("heads").drift()).extracting(DriftProblem::revision).containsExactly("d4");

        // A row written by hand, and one applied on top of a revision that is not loaded either.
        Db.exec(ds, "UPDATE alembic_version SET version_num = 'f00dcafe'");
        assertThatThrownBy(() -> allowing.upgrade("heads")).isInstanceOf(UnknownAppliedRevisionException.class)
                .hasMessageStartingWith("Can't locate revision identified by 'f00dcafe'");
    }

    @Test
    void aStartThatLeavesDeferredRevisionsAlsoLeavesNewerOnes(TestDatabase db, @TempDir Path newer,
            @TempDir Path older) {
        DataSource ds = Db.schema(db, "newer_deferred");
        migratedByTheNewerBuild(ds, newer, (dir) -> Db.config(ds, dir));
        Rev.writeAll(older, A, B, Rev.of("z9", "b2").header("Deferred", "true").up("CREATE TABLE later (id int);")
                .down("DROP TABLE later;"));
        Migrations allowing = new Migrations(Db.config(ds, older).allowNewerRevisions(true).build());

        MigrationResult start = allowing.upgradeUndeferred();

        assertThat(start.steps()).isEmpty();
        assertThat(start.warnings()).singleElement().asString().contains("holds d4");
        assertThatThrownBy(() -> allowing.upgrade("heads")).isInstanceOf(UnknownAppliedRevisionException.class)
                .hasMessageContaining("would still have to run z9 there");
        assertThat(Db.versionRows(ds)).containsExactly("d4");
    }

    @Test
    void onMariaDbAndH2AsWell(@TempDir Path newer, @TempDir Path older) {
        Rev.writeAll(older, A, B);
        try (TestDatabase db = MariaDb.fresh("newer")) {
            DataSource ds = db.dataSource();
            migratedByTheNewerBuild(ds, newer, (dir) -> MariaDb.config(ds, dir));
            assertLeftNewer(new Migrations(MariaDb.config(ds, older).allowNewerRevisions(true).build())
                    .upgrade("heads"));
            assertThat(MariaDb.versionRows(ds)).containsExactly("d4");
        }
        DataSource h2 = H2Db.memory();
        migratedByTheNewerBuild(h2, newer, (dir) -> H2Db.config(h2, dir));
        assertLeftNewer(new Migrations(H2Db.config(h2, older).allowNewerRevisions(true).build()).upgrade("heads"));
        assertThat(H2Db.versionRows(h2)).containsExactly("d4");
    }

    /** A run that ran nothing and warned of the newer row d4 over b2. */
    private static void assertLeftNewer(MigrationResult result) {
        assertThat(result.steps()).isEmpty();
        assertThat(result.warnings()).singleElement().asString().contains("applied on top of b2");
    }
}
