package io.samokoder.migrations.plan;

import static io.samokoder.migrations.plan.G.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.graph.RevisionGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Selection and order of revisions between two bounds (spec §3, §4), on the histories of
 * Alembic's own traversal tests.
 */
class IterationTest {

    @Test
    void diamond() {
        RevisionGraph graph = G.graph(rev("a"), rev("b1").down("a"), rev("b2").down("a"), rev("c").down("b1", "b2"),
                rev("d").down("c"));
        assertThat(It.up(graph, "d", "a")).containsExactly("d", "c", "b1", "b2", "a");
    }

    @Test
    void emptyMapIteratesNothing() {
        RevisionGraph graph = G.graph();
        assertThat(It.up(graph, "head", "base")).isEmpty();
    }

    @Test
    void longAndShortBranchesFinishEachBranchFirst() {
        RevisionGraph graph = G.graph(rev("a"), rev("b1").down("a"), rev("b2").down("a"), rev("c1").down("b1"),
                rev("d11").down("c1"), rev("d12").down("c1"));
        assertThat(It.up(graph, "heads", "base")).containsExactly("b2", "d11", "d12", "c1", "b1", "a");
    }

    @Test
    void specExampleUpgradeOrder() {
        RevisionGraph graph = G.graph(rev("a"), rev("b").down("a"), rev("c1").down("b"), rev("d1").down("c1"),
                rev("c2").down("b"), rev("d2").down("c2"));
        assertThat(It.up(graph, "heads", "base")).containsExactly("d1", "c1", "d2", "c2", "b", "a");
    }








    @Test
    void rootWithOnlyADependency() {
        RevisionGraph graph = G.graph(rev("base1"), rev("a1").down("base1"), rev("b1").down("a1"), rev("c2").deps("a1"),
                rev("c3").down("c2"));
        assertThat(It.up(graph, "heads", "base")).containsExactly("b1", "c3", "c2", "a1", "base1");
    }


    @Test
    void duplicateTargetsAreTolerated() {
        RevisionGraph graph = G.graph(rev("a"), rev("b").down("a"), rev("c").down("b"));
        assertThat(It.up(graph, List.of("c", "c"), "base")).containsExactly("c", "b", "a");
    }
}
