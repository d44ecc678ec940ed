package io.samokoder.migrations.plan;

import static io.samokoder.migrations.plan.G.changes;
import static io.samokoder.migrations.plan.G.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.graph.RevisionException;
import io.samokoder.migrations.graph.RevisionGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The head maintainer's row changes step by step (spec §5; Alembic's twin-merge tests). */
class HeadMaintainerTest {

    private static HeadMaintainer maintainer(RevisionGraph graph, String... rows) {
        return new HeadMaintainer(new GraphIndex(graph), List.of(rows));
    }

    private static int node(RevisionGraph graph, String id) {
        return graph.loadIndex(id);
    }

    @Test
    void manyRowsMergedAndUnmerged() {
        // Twelve bases: the rows grow past the size where membership switches from a scan to counts.
        G.B[] revisions = new G.B[13];
        String[] bases = new String[12];
        for (int i = 0; i < 12; i++) {
            bases[i] = "r" + i;
            revisions[i] = rev(bases[i]);
        }
        revisions[12] = rev("m").down(bases);
        RevisionGraph graph = G.graph(revisions);
        HeadMaintainer heads = maintainer(graph);
        for (int i = 0; i < 12; i++) {
            assertThat(changes(heads.upgrade(node(graph, bases[i])))).containsExactly("+" + bases[i]);
        }
        assertThat(heads.rows()).containsExactly(bases);
        Step merge = heads.upgrade(node(graph, "m"));
        assertThat(changes(merge)).hasSize(12).endsWith("r11>m");
        assertThat(merge.rowsAfter()).containsExactly("m");
        Step unmerge = heads.downgrade(node(graph, "m"));
        assertThat(changes(unmerge)).hasSize(12).startsWith("+r0").endsWith("m>r11");
        assertThat(unmerge.rowsAfter()).containsExactlyInAnyOrder(bases);
        assertThat(changes(heads.downgrade(node(graph, "r5")))).containsExactly("-r5");
        assertThat(heads.rows()).hasSize(11).doesNotContain("r5");
        assertThatThrownBy(() -> heads.upgrade(node(graph, "r0"))).isInstanceOf(RevisionException.class)
                .hasMessageContaining("Can't insert version row 'r0'");
    }

    @Test
    void twinMerges() {
        RevisionGraph graph = G.graph(rev("a"), rev("b1").down("a"), rev("b2").down("a"), rev("b3").down("a"),
                rev("c1").down("b1", "b2", "b3"), rev("c2").down("b1", "b2", "b3"), rev("d1").down("c1"),
                rev("d2").down("c2"));
        HeadMaintainer heads = maintainer(graph, "a");
        assertThat(heads.upgrade(node(graph, "b3")).rowsAfter()).containsExactlyInAnyOrder("b3");
        assertThat(heads.upgrade(node(graph, "b1")).rowsAfter()).containsExactlyInAnyOrder("b1", "b3");
        assertThat(heads.upgrade(node(graph, "b2")).rowsAfter()).containsExactlyInAnyOrder("b1", "b2", "b3");
        assertThat(heads.upgrade(node(graph, "c2")).rowsAfter()).containsExactlyInAnyOrder("c2");
        assertThat(heads.upgrade(node(graph, "d2")).rowsAfter()).containsExactlyInAnyOrder("d2");
        assertThat(heads.upgrade(node(graph, "c1")).rowsAfter()).containsExactlyInAnyOrder("c1", "d2");
        assertThat(heads.upgrade(node(graph, "d1")).rowsAfter()).containsExactlyInAnyOrder("d1", "d2");
    }

    @Test
    void notQuiteTwinMerges() {
        RevisionGraph graph = G.graph(rev("a"), rev("b1").down("a"), rev("b2").down("a"), rev("b3").down("a"),
                rev("c1").down("b1", "b2"), rev("c2").down("b2", "b3"), rev("d1").down("c1"), rev("d2").down("c2"));
        HeadMaintainer heads = maintainer(graph, "a");
        assertThat(heads.upgrade(node(graph, "b2")).rowsAfter()).containsExactlyInAnyOrder("b2");
        assertThat(heads.upgrade(node(graph, "b3")).rowsAfter()).containsExactlyInAnyOrder("b2", "b3");
        assertThat(heads.upgrade(node(graph, "c2")).rowsAfter()).containsExactlyInAnyOrder("c2");
        assertThat(heads.upgrade(node(graph, "d2")).rowsAfter()).containsExactlyInAnyOrder("d2");
        assertThat(heads.upgrade(node(graph, "b1")).rowsAfter()).containsExactlyInAnyOrder("b1", "d2");
        assertThat(heads.upgrade(node(graph, "c1")).rowsAfter()).containsExactlyInAnyOrder("c1", "d2");
        assertThat(heads.upgrade(node(graph, "d1")).rowsAfter()).containsExactlyInAnyOrder("d1", "d2");
    }

    @Test
    void linearUpgradeInsertsThenUpdates() {
        RevisionGraph graph = G.graph(rev("a"), rev("b").down("a"));
        HeadMaintainer heads = maintainer(graph);
        assertThat(changes(heads.upgrade(0))).containsExactly("+a");
        assertThat(changes(heads.upgrade(1))).containsExactly("a>b");
    }

    @Test
    void mergeDeletesAllButTheLastParentRow() {
        RevisionGraph graph = G.graph(rev("a"), rev("b"), rev("c"), rev("m").down("a", "b", "c"));
        Step step = maintainer(graph, "c", "a", "b").upgrade(node(graph, "m"));
        assertThat(changes(step)).containsExactly("-a", "-b", "c>m");
        assertThat(step.rowsAfter()).containsExactly("m");
    }

    @Test
    void mergeKeepsAParentImpliedByAnotherRow() {
        // x depends on a, so a is implied by the row x and is left alone by the merge
        RevisionGraph graph = G.graph(rev("a"), rev("b"), rev("x").deps("a"), rev("m").down("a", "b"));
        Step step = maintainer(graph, "a", "b", "x").upgrade(node(graph, "m"));
        assertThat(changes(step)).containsExactly("b>m");
        assertThat(step.rowsAfter()).containsExactly("a", "m", "x");
    }

    @Test
    void mergeWithOnlyOneParentRowUpdatesThatRow() {
        RevisionGraph graph = G.graph(rev("a"), rev("b"), rev("m").down("a", "b"));
        assertThat(changes(maintainer(graph, "b").upgrade(node(graph, "m")))).containsExactly("b>m");
    }

    @Test
    void unmergeInsertsAllButTheLastParent() {
        RevisionGraph graph = G.graph(rev("a"), rev("b"), rev("c"), rev("m").down("a", "b", "c"));
        Step step = maintainer(graph, "m").downgrade(node(graph, "m"));
        assertThat(changes(step)).containsExactly("+a", "+b", "m>c");
        assertThat(step.rowsAfter()).containsExactly("c", "a", "b");
    }

    @Test
    void unmergeSkipsAParentThatIsAnAncestorOfAnother() {
        RevisionGraph graph = G.graph(rev("a"), rev("b").down("a"), rev("m").down("a", "b"));
        Step step = maintainer(graph, "m").downgrade(node(graph, "m"));
        assertThat(changes(step)).containsExactly("m>b");
    }

    @Test
    void downgradeDeletesWhenTheParentIsImpliedThroughADependency() {
        RevisionGraph graph = G.graph(rev("a"), rev("b").down("a"), rev("x").deps("a"));
        Step step = maintainer(graph, "b", "x").downgrade(node(graph, "b"));
        assertThat(changes(step)).containsExactly("-b");
        assertThat(step.rowsAfter()).containsExactly("x");
    }

    @Test
    void downgradeOfARootDeletesItsRow() {
        RevisionGraph graph = G.graph(rev("a"));
        assertThat(changes(maintainer(graph, "a").downgrade(0))).containsExactly("-a");
    }

    @Test
    void rowsKeepTheirOrder() {
        RevisionGraph graph = G.graph(rev("a"), rev("b").down("a"), rev("x"), rev("y"));
        Step step = maintainer(graph, "x", "a", "y").upgrade(node(graph, "b"));
        assertThat(step.rowsBefore()).containsExactly("x", "a", "y");
        assertThat(step.rowsAfter()).containsExactly("x", "b", "y");
    }

    @Test
    void downgradingARevisionThatIsNoRowIsRefused() {
        RevisionGraph graph = G.graph(rev("a"), rev("b").down("a"), rev("c").down("b"));
        assertThatThrownBy(() -> maintainer(graph, "c").downgrade(node(graph, "b")))
                .isInstanceOf(RevisionException.class)
                .hasMessage("Can't update version row 'b' to 'a' in [c]; repair the version table with stamp --purge");
    }

    @Test
    void insertingAnExistingRowIsRefused() {
        RevisionGraph graph = G.graph(rev("a"));
        assertThatThrownBy(() -> maintainer(graph, "a").upgrade(0)).isInstanceOf(RevisionException.class)
                .hasMessageContaining("Can't insert version row 'a'");
    }
}
