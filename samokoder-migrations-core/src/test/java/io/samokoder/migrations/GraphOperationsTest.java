package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.plan.Step;
import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command on a map with two bases, a branch point, a merge, branch labels and depends_on:
 * the executed steps equal the dry run, the version rows after each step (read by another
 * connection) equal the plan's, each step's table exists exactly when it should, and the log
 * records each step.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class GraphOperationsTest {

    private static Rev table(String id, String revises) {
        return Rev.of(id, revises).message("Create t_" + id).up("CREATE TABLE t_" + id + " (id int);")
                .down("DROP TABLE t_" + id + ";");
    }

    private static void writeMap(Path dir) {
        Rev.writeAll(dir, table("a0", ""), table("b0", "a0"), table("c1", "b0").labels("c1branch"),
                table("c2", "b0").labels("c2branch"), table("d1", "c1"), table("d2", "c2"),
                table("e0", "d1, d2").message("Merge the branches"), table("x0", "").labels("other"),
                table("y0", "x0").dependsOn("c1"));
    }

    /** Reads the version rows from another connection after each committed step. */
    private static final class RowRecorder implements MigrationListener {
        final DataSource ds;
        final List<List<String>> rowsAfterSteps = new ArrayList<>();

        RowRecorder(DataSource ds) {
            this.ds = ds;
        }

        @Override
        public void stepFinished(StepResult result) {
            this.rowsAfterSteps.add(Db.versionRows(this.ds));
        }
    }

    private static List<String> sorted(List<String> rows) {
        List<String> copy = new ArrayList<>(rows);
        copy.sort(null);
        return copy;
    }

    private static MigrationResult check(Migrations migrations, RowRecorder recorder, DataSource ds, Command command,
            String target, Supplier<MigrationResult> run) {
        MigrationPlan dry = migrations.plan(command, target);
        long logBefore = Db.tableExists(ds, "graph", "samokoder_migrations_log")
                ? Db.count(ds, "SELECT count(*) FROM samokoder_migrations_log") : 0;
        recorder.rowsAfterSteps.clear();

        MigrationResult result = run.get();

        assertThat(result.rowsBefore()).isEqualTo(dry.rowsBefore());
        assertThat(result.rowsAfter()).isEqualTo(dry.rowsAfter());
        assertThat(result.steps()).hasSameSizeAs(dry.steps());
        for (int i = 0; i < dry.steps().size(); i++) {
            PlannedStep planned = dry.steps().get(i);
            StepResult done = result.steps().get(i);
            assertThat(done.direction()).isEqualTo(planned.direction());
            assertThat(done.revision()).isEqualTo(planned.revision());
            assertThat(done.rowsBefore()).isEqualTo(planned.rowsBefore());
            assertThat(done.rowsAfter()).isEqualTo(planned.rowsAfter());
            assertThat(sorted(recorder.rowsAfterSteps.get(i))).as("rows after step %d of %s %s", i + 1, command, target)
                    .isEqualTo(sorted(planned.rowsAfter()));
            if (planned.direction() != Step.Kind.STAMP) {
                assertThat(Db.tableExists(ds, "graph", "t_" + planned.revision()))
                        .isEqualTo(planned.direction() == Step.Kind.UPGRADE);
            }
        }
        assertThat(sorted(Db.versionRows(ds))).isEqualTo(sorted(result.rowsAfter()));
        List<String> logged = Db.strings(ds, "SELECT coalesce(revision, 'base') || ' ' || direction || ' ' || outcome"
                + " FROM samokoder_migrations_log ORDER BY id OFFSET " + logBefore);
        List<String> expected = new ArrayList<>();
        for (StepResult step : result.steps()) {
            String direction = switch (step.direction()) {
                case UPGRADE -> "up";
                case DOWNGRADE -> "down";
                case STAMP -> "stamp";
            };
            expected.add((step.revision() == null ? "base" : step.revision()) + " " + direction + " success");
        }
        assertThat(logged).isEqualTo(expected);
        return result;
    }

    @Test
    void everyCommandFollowsThePlan(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "graph");
        writeMap(dir);
        RowRecorder recorder = new RowRecorder(ds);
        Migrations m = new Migrations(Db.config(ds, dir).listener(recorder).build());

        MigrationResult first = check(m, recorder, ds, Command.UPGRADE, "d1", () -> m.upgrade("d1"));
        assertThat(first.steps()).extracting(StepResult::revision).containsExactly("a0", "b0", "c1", "d1");
        assertThat(first.rowsAfter()).containsExactly("d1");

        MigrationResult dependent = check(m, recorder, ds, Command.UPGRADE, "y0", () -> m.upgrade("y0"));
        assertThat(dependent.steps()).extracting(StepResult::revision).containsExactly("x0", "y0");
        assertThat(sorted(dependent.rowsAfter())).containsExactly("d1", "y0");

        MigrationResult heads = check(m, recorder, ds, Command.UPGRADE, "heads", () -> m.upgrade("heads"));
        assertThat(heads.steps()).extracting(StepResult::revision).containsExactly("c2", "d2", "e0");
        assertThat(sorted(heads.rowsAfter())).containsExactly("e0", "y0");

        check(m, recorder, ds, Command.DOWNGRADE, "d2", () -> m.downgrade("d2"));
        check(m, recorder, ds, Command.DOWNGRADE, "c2branch@-1", () -> m.downgrade("c2branch@-1"));
        check(m, recorder, ds, Command.DOWNGRADE, "b0", () -> m.downgrade("b0"));
        check(m, recorder, ds, Command.UPGRADE, "c2branch@head", () -> m.upgrade("c2branch@head"));
        check(m, recorder, ds, Command.UPGRADE, "other@+1", () -> m.upgrade("other@+1"));
        check(m, recorder, ds, Command.UPGRADE, "heads", () -> m.upgrade("heads"));
        check(m, recorder, ds, Command.DOWNGRADE, "other@base", () -> m.downgrade("other@base"));
        MigrationResult toBase = check(m, recorder, ds, Command.DOWNGRADE, "base", () -> m.downgrade("base"));
        assertThat(toBase.rowsAfter()).isEmpty();
        assertThat(Db.count(ds, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'graph'"
                + " AND table_name LIKE 't\\_%'")).isZero();

        check(m, recorder, ds, Command.STAMP, "d1 y0", () -> m.stamp(List.of("d1", "y0"), false));
        check(m, recorder, ds, Command.STAMP, "heads", () -> m.stamp(List.of("heads"), false));
        MigrationResult unstamp = check(m, recorder, ds, Command.STAMP, "base", () -> m.stamp(List.of("base"), false));
        assertThat(unstamp.rowsAfter()).isEmpty();
        assertThat(m.current()).isEmpty();
    }

    @Test
    void readOnlyCommandsDescribeTheMap(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "readonly");
        writeMap(dir);
        Migrations m = new Migrations(Db.config(ds, dir).build());
        m.upgrade("d1");

        assertThat(m.heads()).containsExactlyInAnyOrder("e0", "y0");
        assertThat(m.current()).containsExactly("d1");
        assertThat(m.history(null)).hasSize(9);
        assertThat(m.history("b0:d1")).extracting(RevisionInfo::id).containsExactly("d1", "c1", "b0");
        RevisionInfo merge = m.show("e0");
        assertThat(merge.mergePoint()).isTrue();
        assertThat(merge.revises()).containsExactly("d1", "d2");
        assertThat(merge.applied()).isFalse();
        assertThat(merge.checksumStatus()).isEqualTo(ChecksumStatus.NOT_APPLIED);
        RevisionInfo c1 = m.show("c1branch");
        assertThat(c1.id()).isEqualTo("c1");
        assertThat(c1.applied()).isTrue();
        assertThat(c1.appliedAt()).isNotNull();
        assertThat(c1.durationMillis()).isNotNull();
        assertThat(c1.checksumStatus()).isEqualTo(ChecksumStatus.MATCH);
        assertThat(m.show("b0").branchPoint()).isTrue();
        assertThat(m.show("y0").dependsOn()).containsExactly("c1");

        MigrationStatus status = m.status("heads");
        assertThat(status.current()).containsExactly("d1");
        assertThat(status.pending()).containsExactlyInAnyOrder("c2", "d2", "e0", "x0", "y0");
        assertThat(status.revisions()).hasSize(9);
        assertThat(m.validate("heads").pending()).isEqualTo(status.pending());
        assertThat(m.validate("d1").upToDate()).isTrue();

        MigrationPlan plan = m.plan(Command.UPGRADE, "heads");
        assertThat(plan.steps()).extracting(PlannedStep::revision).isEqualTo(status.pending());
        assertThat(plan.describe()).contains("upgrade heads: current d1").contains("Merge the branches");
        String json = new tools.jackson.databind.json.JsonMapper().writeValueAsString(plan);
        assertThat(json).contains("\"command\":\"UPGRADE\"").contains("\"rowsBefore\":[\"d1\"]")
                .contains("\"direction\":\"UPGRADE\",\"revision\":\"e0\",\"message\":\"Merge the branches\"");
        assertThat(new tools.jackson.databind.json.JsonMapper().writeValueAsString(status)).contains("\"pending\"");
        assertThat(m.current()).containsExactly("d1");
    }
}
