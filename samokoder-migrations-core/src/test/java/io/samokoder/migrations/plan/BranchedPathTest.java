package io.samokoder.migrations.plan;

import static io.samokoder.migrations.plan.G.changes;
import static io.samokoder.migrations.plan.G.rev;
import static io.samokoder.migrations.plan.G.revs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * a - b, then b - c1 - d1 (c1branch) and b - c2 - d2 (c2branch), loaded in that order (Alembic's
 * BranchedPathTest).
 */
class BranchedPathTest {

    private final Planner planner = G.planner(rev("a"), rev("b").down("a"), rev("c1").down("b").labels("c1branch"),
            rev("d1").down("c1"), rev("c2").down("b").labels("c2branch"), rev("d2").down("c2"));

    @Test
    void upgradeOneBranch() {
        Plan plan = this.planner.upgrade(List.of("b"), "d1");
        assertThat(revs(plan)).containsExactly("c1", "d1");
        assertThat(plan.rowsAfter()).containsExactly("d1");
    }

    @Test
    void upgradeFromOneHeadToTwo() {
        Plan plan = this.planner.upgrade(List.of("a"), "d1 d2");
        assertThat(revs(plan)).containsExactly("b", "c2", "d2", "c1", "d1");
        assertThat(changes(plan)).containsExactly("a>b", "b>c2", "c2>d2", "+c1", "c1>d1");
        assertThat(plan.rowsAfter()).containsExactlyInAnyOrder("d1", "d2");
    }

    @Test
    void downgradeTwoBranchesToTheirRoot() {
        Plan plan = this.planner.downgrade(List.of("d1", "d2"), "a");
        assertThat(revs(plan)).containsExactly("d1", "c1", "d2", "c2", "b");
        assertThat(plan.rowsAfter()).containsExactly("a");
    }

    @Test
    void relativeUpgradeAlongALabel() {
        Plan plan = this.planner.upgrade(List.of("b"), "c2branch@head-1");
        assertThat(revs(plan)).containsExactly("c2");
        assertThat(plan.rowsAfter()).containsExactly("c2");
    }

    @Test
    void baseplus2DropsEverythingAboveB() {
        Plan plan = this.planner.downgrade(List.of("d2", "d1"), "base+2");
        assertThat(revs(plan)).containsExactly("d1", "c1", "d2", "c2");
        assertThat(plan.rowsAfter()).containsExactly("b");
    }

    @Test
    void labelledBaseplus2DropsOnlyThatBranch() {
        Plan plan = this.planner.downgrade(List.of("d2", "d1"), "c2branch@base+2");
        assertThat(revs(plan)).containsExactly("d2", "c2");
        assertThat(plan.rowsAfter()).containsExactly("d1");
    }

    @Test
    void labelledBaseplus3IsC2() {
        assertThat(this.planner.downgrade(List.of("d2", "d1"), "c2").rowsAfter()).containsExactlyInAnyOrder("c2",
                "d1");
        Plan plan = this.planner.downgrade(List.of("d2", "d1"), "c2branch@base+3");
        assertThat(revs(plan)).containsExactly("d2");
        assertThat(plan.rowsAfter()).containsExactlyInAnyOrder("c2", "d1");
    }

    @Test
    void minusOneFromSeveralRowsUsesTheFirstRow() {
        assertThat(revs(this.planner.downgrade(List.of("d2", "d1"), "-1"))).containsExactly("d2");
        assertThat(revs(this.planner.downgrade(List.of("c2", "d1"), "-1"))).containsExactly("c2");
        assertThat(this.planner.downgrade(List.of("c2", "d1"), "-1").rowsAfter()).containsExactly("d1");
        assertThat(revs(this.planner.downgrade(List.of("d1", "d2"), "-1"))).containsExactly("d1");
        Plan plan = this.planner.downgrade(List.of("c1", "d2"), "-1");
        assertThat(revs(plan)).containsExactly("c1");
        assertThat(plan.rowsAfter()).containsExactly("d2");
    }

    @Test
    void labelledMinusOnePicksTheRowInThatLineage() {
        Plan plan = this.planner.downgrade(List.of("d1", "d2"), "c1branch@-1");
        assertThat(revs(plan)).containsExactly("d1");
        assertThat(plan.rowsAfter()).containsExactlyInAnyOrder("c1", "d2");
    }

    @Test
    void revisionRelativeDowngradeIgnoresRowOrder() {
        assertThat(this.planner.downgrade(List.of("d2", "c1"), "d2-1").rowsAfter()).containsExactlyInAnyOrder("c1",
                "c2");
        assertThat(this.planner.downgrade(List.of("c1", "d2"), "d2-1").rowsAfter()).containsExactlyInAnyOrder("c1",
                "c2");
    }

    @Test
    void labelRestrictedDowngrades() {
        assertThat(revs(this.planner.downgrade(List.of("c1", "d2"), "c1branch@b"))).containsExactly("c1");
        Plan c2 = this.planner.downgrade(List.of("c1", "d2"), "c2branch@b");
        assertThat(revs(c2)).containsExactly("d2", "c2");
        assertThat(c2.rowsAfter()).containsExactly("c1");
        assertThat(revs(this.planner.downgrade(List.of("d1", "d2"), "c2@b"))).containsExactly("d2", "c2");
        assertThat(revs(this.planner.downgrade(List.of("d1", "d2"), "d1@b"))).containsExactly("d1", "c1");
    }

    @Test
    void relativeToABranchHead() {
        Plan plan = this.planner.downgrade(List.of("d1", "d2"), "c1branch@head-1");
        assertThat(revs(plan)).containsExactly("d1");
        assertThat(plan.rowsAfter()).containsExactlyInAnyOrder("c1", "d2");
    }

    @Test
    void labelledPlusOneStartsAnotherBranch() {
        Plan plan = this.planner.upgrade(List.of("c1"), "c2branch@+1");
        assertThat(revs(plan)).containsExactly("c2");
        assertThat(plan.rowsAfter()).containsExactlyInAnyOrder("c1", "c2");
    }

    @Test
    void labelledPlusOneMovesOneBranchOfSeveral() {
        Plan plan = this.planner.upgrade(List.of("c1", "c2"), "c2branch@+1");
        assertThat(revs(plan)).containsExactly("d2");
        assertThat(plan.rowsAfter()).containsExactlyInAnyOrder("c1", "d2");
    }

    @Test
    void plusOneFromSeveralRowsIsAmbiguous() {
        assertThatThrownBy(() -> this.planner.upgrade(List.of("c1", "c2"), "+1"))
                .hasMessage("Ambiguous upgrade from multiple current revisions");
    }

    @Test
    void plusOneAtABranchPointIsAnAmbiguousWalk() {
        assertThatThrownBy(() -> this.planner.upgrade(List.of("b"), "+1")).hasMessage("Ambiguous walk");
    }

    @Test
    void upgradeFromBase() {
        assertThat(revs(this.planner.upgrade(List.of(), "base+1"))).containsExactly("a");
        assertThat(revs(this.planner.upgrade(List.of(), "+1"))).containsExactly("a");
    }

    @Test
    void downgradeToARowOrItsAncestorDoesNothingWhenNothingIsAbove() {
        assertThat(this.planner.downgrade(List.of("d1", "c2"), "c2").steps()).isEmpty();
        assertThat(this.planner.downgrade(List.of("d1", "c2"), "d1").steps()).isEmpty();
    }

    @Test
    void upgradeToAnotherBranchAddsARowAndLeavesTheOthers() {
        Plan plan = this.planner.upgrade(List.of("d1"), "c2");
        assertThat(revs(plan)).containsExactly("c2");
        assertThat(changes(plan)).containsExactly("+c2");
        assertThat(plan.rowsAfter()).containsExactly("d1", "c2");
    }

    @Test
    void downgradeToBaseFromSeveralHeadsRemovesEverything() {
        assertThat(this.planner.downgrade(List.of("d1", "d2"), "base").rowsAfter()).isEmpty();
    }

    @Test
    void branchRowDeletedWhenItsParentIsImpliedByTheOtherBranch() {
        Plan plan = this.planner.downgrade(List.of("d1", "c2"), "c2branch@b");
        assertThat(changes(plan)).containsExactly("-c2");
        assertThat(plan.rowsAfter()).containsExactly("d1");
    }
}
