package io.samokoder.migrations.plan;

import static io.samokoder.migrations.plan.G.changes;
import static io.samokoder.migrations.plan.G.rev;
import static io.samokoder.migrations.plan.G.revs;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** First end-to-end checks: linear, branched and merged histories up and down, and stamp. */
class PlannerSmokeTest {

    private final Planner linear = G.planner(rev("a"), rev("b").down("a"), rev("c").down("b"));

    private final Planner branched = G.planner(rev("a"), rev("b").down("a"), rev("c1").down("b"),
            rev("d1").down("c1"), rev("c2").down("b"), rev("d2").down("c2"));

    private final Planner merged = G.planner(rev("a"), rev("b").down("a"), rev("c1").down("b"),
            rev("c2").down("b"), rev("e").down("c1", "c2"));

    @Test
    void linearUpgradeFromEmpty() {
        Plan plan = this.linear.upgrade(List.of(), "head");
        assertThat(revs(plan)).containsExactly("a", "b", "c");
        assertThat(changes(plan)).containsExactly("+a", "a>b", "b>c");
        assertThat(plan.rowsAfter()).containsExactly("c");
        assertThat(plan.steps().get(1).rowsBefore()).containsExactly("a");
        assertThat(plan.steps().get(1).rowsAfter()).containsExactly("b");
    }

    @Test
    void linearDowngradeToBase() {
        Plan plan = this.linear.downgrade(List.of("c"), "base");
        assertThat(revs(plan)).containsExactly("c", "b", "a");
        assertThat(changes(plan)).containsExactly("c>b", "b>a", "-a");
        assertThat(plan.rowsAfter()).isEmpty();
    }

    @Test
    void branchedUpgradeOrderFollowsLoadOrder() {
        Plan plan = this.branched.upgrade(List.of(), "heads");
        assertThat(revs(plan)).containsExactly("a", "b", "c2", "d2", "c1", "d1");
        assertThat(changes(plan)).containsExactly("+a", "a>b", "b>c2", "c2>d2", "+c1", "c1>d1");
        assertThat(plan.rowsAfter()).containsExactlyInAnyOrder("d1", "d2");
    }

    @Test
    void branchedDowngradeToBaseRemovesEverything() {
        Plan plan = this.branched.downgrade(List.of("d1", "d2"), "base");
        assertThat(revs(plan)).containsExactly("d1", "c1", "d2", "c2", "b", "a");
        assertThat(changes(plan)).containsExactly("d1>c1", "-c1", "d2>c2", "c2>b", "b>a", "-a");
        assertThat(plan.rowsAfter()).isEmpty();
    }

    @Test
    void mergeUpgradeDeletesOneParentAndUpdatesTheOther() {
        Plan plan = this.merged.upgrade(List.of("c1", "c2"), "head");
        assertThat(revs(plan)).containsExactly("e");
        assertThat(changes(plan)).containsExactly("-c1", "c2>e");
        assertThat(plan.rowsAfter()).containsExactly("e");
    }

    @Test
    void unmergeDowngradeInsertsOneParent() {
        Plan plan = this.merged.downgrade(List.of("e"), "c1");
        assertThat(revs(plan)).containsExactly("e");
        assertThat(changes(plan)).containsExactly("+c1", "e>c2");
        assertThat(plan.rowsAfter()).containsExactlyInAnyOrder("c1", "c2");
    }

    @Test
    void stampHeadsOnEmptyTableInsertsEachHead() {
        Plan plan = this.branched.stamp(List.of(), List.of("heads"), false);
        assertThat(changes(plan)).containsExactly("+d1", "+d2");
    }

    @Test
    void stampBaseDeletesEveryRow() {
        Plan plan = this.branched.stamp(List.of("d1", "d2"), List.of("base"), false);
        assertThat(changes(plan)).containsExactly("-d1", "-d2");
        assertThat(plan.rowsAfter()).isEmpty();
    }
}
