package io.samokoder.migrations.plan;

import static io.samokoder.migrations.plan.G.changes;
import static io.samokoder.migrations.plan.G.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.graph.RevisionException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stamp plans (spec §6.2): only row changes, every step of kind STAMP. */
class StampTest {

    private final Planner branched = G.planner(rev("a"), rev("b").down("a"), rev("c1").down("b").labels("c1branch"),
            rev("d1").down("c1"), rev("c2").down("b").labels("c2branch"), rev("d2").down("c2"));

    private final Planner merged = G.planner(rev("a"), rev("b").down("a"), rev("c1").down("b"), rev("d1").down("c1"),
            rev("c2").down("b").labels("c2branch"), rev("d2").down("c2"), rev("e").down("d1", "d2"),
            rev("f").down("e"));

    @Test
    void stepsAreStampSteps() {
        Plan plan = this.branched.stamp(List.of(), List.of("d1"), false);
        assertThat(plan.steps()).singleElement().satisfies(step -> {
            assertThat(step.kind()).isEqualTo(Step.Kind.STAMP);
            assertThat(step.revision()).isEqualTo("d1");
            assertThat(step.describe()).isEqualTo("Running stamp_revision  -> d1");
        });
    }

    @Test
    void downAcrossBranchesToTheBranchPoint() {
        Plan plan = this.branched.stamp(List.of("d1", "c2"), List.of("b"), false);
        assertThat(changes(plan)).containsExactly("-d1", "c2>b");
        assertThat(plan.rowsAfter()).containsExactly("b");
    }

    @Test
    void labelledBaseRemovesOnlyThatBranch() {
        Plan plan = this.branched.stamp(List.of("d1", "c2"), List.of("c1branch@base"), false);
        assertThat(changes(plan)).containsExactly("-d1");
        assertThat(plan.rowsAfter()).containsExactly("c2");
    }

    @Test
    void labelledHeadMovesOnlyThatBranch() {
        Plan plan = this.branched.stamp(List.of("d1", "c2"), List.of("c2branch@head"), false);
        assertThat(changes(plan)).containsExactly("c2>d2");
        assertThat(plan.rowsAfter()).containsExactly("d1", "d2");
    }

    @Test
    void acrossADependency() {
        Planner planner = G.planner(rev("a1").labels("lib1"), rev("b1").down("a1"), rev("c1").down("b1"), rev("a2"),
                rev("b2").down("a2"), rev("c2").down("b2").deps("c1"), rev("d1").down("c1"), rev("e1").down("d1"),
                rev("f1").down("e1"));
        Plan plan = planner.stamp(List.of("e1", "c2"), List.of("b1"), false);
        assertThat(plan.rowsAfter()).containsExactly("b1");
    }

    @Test
    void headsIntoAnEmptyTableInsertsEachRealHead() {
        Planner forest = G.planner(rev("a1"), rev("b1").down("a1"), rev("a2"), rev("b2").down("a2"));
        assertThat(changes(forest.stamp(List.of(), List.of("heads"), false))).containsExactly("+b1", "+b2");
        assertThat(forest.stamp(List.of("b1", "b2"), List.of("heads"), false).steps()).isEmpty();
    }

    @Test
    void targetsThatWouldMoveTheSameRowsDownAreRefusedBeforeAnyChange() {
        // Alembic moves every row related to any target at once: c1 takes d1 and d2, and c2 finds them gone.
        assertThatThrownBy(() -> this.branched.stamp(List.of("d1", "d2"), List.of("c1", "c2"), false))
                .isInstanceOf(RevisionException.class)
                .hasMessage("Can't stamp c2: it would move the version row(s) d1, d2, which an earlier revision of"
                        + " this stamp has moved already (a stamp moves every row related to any of its revisions);"
                        + " stamp the revisions one at a time, or set exactly these rows with 'stamp --purge c1 c2'");
        assertThatThrownBy(() -> this.branched.stamp(List.of("d1"), List.of("c1", "b"), false))
                .hasMessageStartingWith("Can't stamp b: it would move the version row(s) d1, which an earlier");
        // One at a time, or with --purge, each works.
        assertThat(this.branched.stamp(List.of("d1", "d2"), List.of("c1"), false).rowsAfter())
                .containsExactly("c1", "d2");
        assertThat(this.branched.stamp(List.of("d1", "d2"), List.of("c1", "c2"), true).rowsAfter())
                .containsExactly("c1", "c2");
    }

    @Test
    void downAcrossAMergePoint() {
        assertThat(changes(this.merged.stamp(List.of("e"), List.of("c2"), false))).containsExactly("e>c2");
        assertThat(changes(this.merged.stamp(List.of("e"), List.of("a"), false))).containsExactly("e>a");
    }

    @Test
    void upAcrossAMergePoint() {
        assertThat(changes(this.merged.stamp(List.of("c2"), List.of("e"), false))).containsExactly("c2>e");
        assertThat(changes(this.merged.stamp(List.of("d1", "c2"), List.of("e"), false))).containsExactly("-d1",
                "c2>e");
        assertThat(changes(this.merged.stamp(List.of("b"), List.of("e"), false))).containsExactly("b>e");
    }

    @Test
    void labelledHeadAcrossAMergeFromTwoBranches() {
        Plan plan = this.merged.stamp(List.of("d1", "c2"), List.of("c2branch@head"), false);
        assertThat(changes(plan)).containsExactly("-d1", "c2>f");
    }

    @Test
    void severalDestinationsFromOneRowUpdateThenInsert() {
        Plan plan = this.branched.stamp(List.of("b"), List.of("d1", "d2"), false);
        assertThat(changes(plan)).containsExactly("b>d1", "+d2");
        assertThat(plan.rowsAfter()).containsExactly("d1", "d2");
    }

    @Test
    void unrelatedRevisionsAreInsertedWithoutAConsistencyCheck() {
        Plan plan = this.branched.stamp(List.of(), List.of("c1", "d1", "a"), false);
        assertThat(changes(plan)).containsExactly("+c1", "+d1", "+a");
    }

    @Test
    void aRevisionOnAnotherBranchIsANewRow() {
        Plan plan = this.branched.stamp(List.of("d1"), List.of("c2"), false);
        assertThat(changes(plan)).containsExactly("+c2");
    }

    @Test
    void noDestinationMeansBase() {
        assertThat(changes(this.branched.stamp(List.of("d1", "d2"), List.of(), false))).containsExactly("-d1", "-d2");
    }

    @Test
    void destinationAlreadyARowDoesNothing() {
        assertThat(this.branched.stamp(List.of("d1"), List.of("d1"), false).steps()).isEmpty();
    }

    @Test
    void purgeDeletesEveryRowFirstIncludingUnknownOnes() {
        Plan plan = this.branched.stamp(List.of("zzzz", "d1"), List.of("c2"), true);
        assertThat(plan.steps()).hasSize(2);
        Step purge = plan.steps().get(0);
        assertThat(purge.kind()).isEqualTo(Step.Kind.STAMP);
        assertThat(purge.revision()).isNull();
        assertThat(changes(purge)).containsExactly("-zzzz", "-d1");
        assertThat(purge.rowsAfter()).isEmpty();
        assertThat(changes(plan.steps().get(1))).containsExactly("+c2");
        assertThat(plan.rowsBefore()).containsExactly("zzzz", "d1");
        assertThat(plan.rowsAfter()).containsExactly("c2");
    }

    @Test
    void purgeToBaseEmptiesTheTable() {
        Plan plan = this.branched.stamp(List.of("d1", "d2"), List.of("base"), true);
        assertThat(changes(plan)).containsExactly("-d1", "-d2");
        assertThat(plan.rowsAfter()).isEmpty();
    }

    @Test
    void purgeOfAnEmptyTableHasNoPurgeStep() {
        assertThat(changes(this.branched.stamp(List.of(), List.of("d1"), true))).containsExactly("+d1");
    }

    @Test
    void unknownRowWithoutPurgeCannotBeLocated() {
        assertThatThrownBy(() -> this.branched.stamp(List.of("zzzz"), List.of("d1"), false))
                .isInstanceOf(RevisionNotFoundException.class)
                .hasMessage("Can't locate revision identified by 'zzzz'");
    }

    @Test
    void headWithSeveralHeads() {
        assertThatThrownBy(() -> this.branched.stamp(List.of(), List.of("head"), false))
                .isInstanceOf(MultipleHeadsException.class)
                .hasMessage("Multiple heads are present; please specify a single target revision");
    }

    @Test
    void minusOneWorksOnlyOnAnEmptyTable() {
        Planner linear = G.planner(rev("a"), rev("b").down("a"), rev("c").down("b"));
        assertThat(changes(linear.stamp(List.of(), List.of("-1"), false))).containsExactly("+b");
        assertThatThrownBy(() -> linear.stamp(List.of("c"), List.of("-1"), false))
                .isInstanceOf(RevisionNotFoundException.class)
                .hasMessage("Can't locate revision identified by '-1'");
    }

    @Test
    void unknownDestination() {
        assertThatThrownBy(() -> this.branched.stamp(List.of(), List.of("nope"), false))
                .isInstanceOf(RevisionNotFoundException.class)
                .hasMessage("Can't locate revision identified by 'nope'");
    }
}
