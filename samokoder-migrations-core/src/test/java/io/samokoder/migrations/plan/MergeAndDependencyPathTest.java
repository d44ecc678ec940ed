package io.samokoder.migrations.plan;

import static io.samokoder.migrations.plan.G.changes;
import static io.samokoder.migrations.plan.G.rev;
import static io.samokoder.migrations.plan.G.revs;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Upgrades and downgrades across merge points and dependencies, with the rows the head maintainer
 * leaves (Alembic's MergedPathTest, BranchFromMergepoint, DependsOnBranch tests, ForestTest).
 */
class MergeAndDependencyPathTest {

    private final Planner merged = G.planner(rev("a"), rev("b").down("a"), rev("c1").down("b"), rev("d1").down("c1"),
            rev("c2").down("b").labels("c2branch"), rev("d2").down("c2"), rev("e").down("d1", "d2"),
            rev("f").down("e"));

    @Test
    void upgradeAcrossAMergePoint() {
        Plan plan = this.merged.upgrade(List.of("b"), "f");
        assertThat(revs(plan)).containsExactly("c2", "d2", "c1", "d1", "e", "f");
        assertThat(changes(plan)).containsExactly("b>c2", "c2>d2", "+c1", "c1>d1", "-d1", "d2>e", "e>f");
        assertThat(plan.rowsAfter()).containsExactly("f");
    }

    @Test
    void downgradeAcrossAMergePoint() {
        Plan plan = this.merged.downgrade(List.of("f"), "b");
        assertThat(revs(plan)).containsExactly("f", "e", "d1", "c1", "d2", "c2");
        assertThat(changes(plan)).containsExactly("f>e", "+d1", "e>d2", "d1>c1", "-c1", "d2>c2", "c2>b");
        assertThat(plan.rowsAfter()).containsExactly("b");
    }

    @Test
    void mergeStepsCarryRowsBeforeAndAfter() {
        Plan plan = this.merged.upgrade(List.of("d1", "d2"), "e");
        Step step = plan.steps().get(0);
        assertThat(step.rowsBefore()).containsExactly("d1", "d2");
        assertThat(step.rowChanges()).containsExactly(new RowChange.Delete("d1"), new RowChange.Update("d2", "e"));
        assertThat(step.rowsAfter()).containsExactly("e");
        assertThat(step.fromRevisions()).containsExactly("d1", "d2");
        assertThat(step.describe()).isEqualTo("Running upgrade d1, d2 -> e");
    }

    @Test
    void mergeFromOnlyOneSideInsertsTheOtherSideFirst() {
        Planner planner = G.planner(rev("a1"), rev("b1").down("a1"), rev("c1").down("b1"), rev("a2"),
                rev("b2").down("a2"), rev("c2").down("b2"), rev("d1").down("c1", "c2"), rev("d2").down("c2"));
        Plan up = planner.upgrade(List.of("d2", "b1"), "d1");
        assertThat(revs(up)).containsExactly("c1", "d1");
        assertThat(up.rowsAfter()).containsExactlyInAnyOrder("d2", "d1");
        Plan down = planner.downgrade(List.of("d2", "d1"), "b1");
        assertThat(revs(down)).containsExactly("d1", "c1");
        assertThat(down.rowsAfter()).containsExactlyInAnyOrder("d2", "b1");
    }

    @Test
    void threeWayMergeFromTwoSides() {
        Planner planner = G.planner(rev("a1"), rev("b1").down("a1"), rev("c1").down("b1"), rev("a2"),
                rev("b2").down("a2"), rev("c2").down("b2"), rev("a3"), rev("b3").down("a3"), rev("c3").down("b3"),
                rev("d1").down("c1", "c2", "c3"), rev("d2").down("c2"), rev("d3").down("c3"));
        Plan first = planner.upgrade(List.of("d3", "b2", "b1"), "d1");
        assertThat(revs(first)).containsExactly("c2", "c1", "d1");
        assertThat(first.rowsAfter()).containsExactlyInAnyOrder("d3", "d1");
        Plan second = planner.upgrade(first.rowsAfter(), "d2");
        assertThat(revs(second)).containsExactly("d2");
        assertThat(second.rowsAfter()).containsExactlyInAnyOrder("d3", "d2", "d1");
        Plan down = planner.downgrade(List.of("d3", "d2", "d1"), "b1");
        assertThat(revs(down)).containsExactly("d1", "c1");
        assertThat(down.rowsAfter()).containsExactlyInAnyOrder("d3", "d2", "b1");
    }

    @Test
    void forestUpgradeFromBase() {
        Planner planner = G.planner(rev("a1"), rev("b1").down("a1"), rev("a2"), rev("b2").down("a2"));
        assertThat(revs(planner.upgrade(List.of(), "heads"))).containsExactly("a2", "b2", "a1", "b1");
    }

    @Test
    void dependencyRowStaysWhileTheDependentIsApplied() {
        Planner planner = dependsOnBranch();
        Plan plan = planner.downgrade(List.of("c2", "d1"), "c1");
        assertThat(revs(plan)).containsExactly("d1");
        assertThat(plan.rowsAfter()).containsExactly("c2");
    }

    @Test
    void upgradeAlongADependencyLabel() {
        Planner planner = G.planner(rev("a1").labels("lib1"), rev("b1").down("a1"), rev("c1").down("b1").labels("c1lib"),
                rev("a2"), rev("b2").down("a2"), rev("c2").down("b2").deps("c1lib"), rev("d1").down("c1"),
                rev("e1").down("d1"), rev("f1").down("e1"));
        Plan plan = planner.upgrade(List.of("a2"), "c2");
        assertThat(revs(plan)).containsExactly("a1", "b1", "c1", "b2", "c2");
        assertThat(plan.rowsAfter()).containsExactly("c2");
    }

    @Test
    void dependencyOnTheOwnDownRevision() {
        Planner planner = G.planner(rev("a1"), rev("a2").down("a1").deps("a1"));
        Plan up = planner.upgrade(List.of(), "a2");
        assertThat(revs(up)).containsExactly("a1", "a2");
        assertThat(up.rowsAfter()).containsExactly("a2");
        Plan down = planner.downgrade(List.of("a2"), "a1");
        assertThat(revs(down)).containsExactly("a2");
        assertThat(down.rowsAfter()).containsExactly("a1");
    }

    @Test
    void normalisedDependenciesLeaveTheDependencyImplied() {
        Planner planner = G.planner(rev("a1"), rev("a2").down("a1"), rev("a3").down("a2"), rev("b1"),
                rev("b2").down("b1").deps("a3"), rev("b3").down("b2"), rev("b4").down("b3").deps("a3"));
        Plan plan = planner.downgrade(List.of("b4"), "b3");
        assertThat(revs(plan)).containsExactly("b4");
        assertThat(plan.rowsAfter()).containsExactly("b3");
    }

    @Test
    void mergeWithADependencyOfOneParent() {
        Planner planner = G.planner(rev("a1"), rev("b1").deps("a1"), rev("bmerge").down("a1", "b1"));
        Plan toB1 = planner.upgrade(List.of("a1"), "b1");
        assertThat(revs(toB1)).containsExactly("b1");
        assertThat(toB1.rowsAfter()).containsExactly("b1");
        Plan toMerge = planner.upgrade(List.of("b1"), "bmerge");
        assertThat(toMerge.rowsAfter()).containsExactly("bmerge");
        assertThat(planner.downgrade(List.of("bmerge"), "a1").rowsAfter()).containsExactly("b1");
        assertThat(planner.downgrade(List.of("bmerge"), "b1").rowsAfter()).containsExactly("b1");
    }

    @Test
    void crissCrossDependenciesRemoveHalfAMerge() {
        Planner planner = G.planner(rev("a1"), rev("a2").down("a1"), rev("b1"), rev("b2").down("b1").deps("a2"),
                rev("b3").down("b2"), rev("a3").down("a2").deps("b1"));
        Plan plan = planner.downgrade(List.of("a3", "b2"), "b1");
        assertThat(revs(plan)).containsExactly("b2");
        assertThat(changes(plan)).containsExactly("-b2");
        assertThat(plan.rowsAfter()).containsExactly("a3");
    }

    @Test
    void dependencyRowsAppearAndDisappear() {
        Planner planner = G.planner(rev("a1"), rev("a2"), rev("a3"), rev("amerge").down("a1", "a2", "a3"), rev("b1"),
                rev("b2"), rev("bmerge").down("b1", "b2"), rev("c1"), rev("c2"), rev("c3"),
                rev("cmerge").down("c1", "c2", "c3"), rev("d1").deps("a3", "b2", "c1"));
        Plan first = planner.downgrade(List.of("amerge", "bmerge", "cmerge", "d1"), "b2");
        assertThat(revs(first)).containsExactly("bmerge");
        assertThat(first.rowsAfter()).containsExactlyInAnyOrder("amerge", "b1", "cmerge", "d1");
        Plan second = planner.downgrade(List.of("amerge", "d1", "b1", "cmerge"), "d1@base");
        assertThat(revs(second)).containsExactly("d1");
        assertThat(second.rowsAfter()).containsExactlyInAnyOrder("amerge", "b1", "b2", "cmerge");
        Plan third = planner.downgrade(List.of("amerge", "b1", "b2", "cmerge"), "base");
        assertThat(third.steps()).hasSize(10);
        assertThat(third.rowsAfter()).isEmpty();
    }

    @Test
    void downgradingADependencyAlsoDropsItsDependents() {
        Planner planner = G.planner(rev("a"), rev("b").down("a"), rev("c1").down("b").labels("c1branch"),
                rev("d1").down("c1"), rev("c2").down("b").labels("c2branch"), rev("d2").down("c2").deps("c1"));
        Plan independent = planner.downgrade(List.of("d1", "d2"), "c2branch@b");
        assertThat(revs(independent)).containsExactly("d2", "c2");
        assertThat(independent.rowsAfter()).containsExactly("d1");
        Plan dependency = planner.downgrade(List.of("d1", "d2"), "c1branch@b");
        assertThat(revs(dependency)).containsExactlyInAnyOrder("c1", "d1", "d2");
        assertThat(revs(dependency).indexOf("d1")).isLessThan(revs(dependency).indexOf("c1"));
        assertThat(revs(dependency).indexOf("d2")).isLessThan(revs(dependency).indexOf("c1"));
        assertThat(dependency.rowsAfter()).containsExactly("c2");
    }

    @Test
    void upgradeOfADependentPullsInTheDependencyLineage() {
        Planner planner = dependsOnBranch();
        Plan plan = planner.upgrade(List.of(), "c2");
        assertThat(revs(plan)).containsExactlyInAnyOrder("a1", "b1", "c1", "a2", "b2", "c2");
        assertThat(plan.rowsAfter()).containsExactly("c2");
    }

    @Test
    void upgradeWhenNoParentRowIsPresentInsertsANewBranch() {
        Plan plan = this.merged.upgrade(List.of("d2"), "c1");
        assertThat(changes(plan)).containsExactly("+c1");
    }

    private static Planner dependsOnBranch() {
        return G.planner(rev("a1").labels("lib1"), rev("b1").down("a1"), rev("c1").down("b1"), rev("a2"),
                rev("b2").down("a2"), rev("c2").down("b2").deps("c1"), rev("d1").down("c1"), rev("e1").down("d1"),
                rev("f1").down("e1"));
    }
}
