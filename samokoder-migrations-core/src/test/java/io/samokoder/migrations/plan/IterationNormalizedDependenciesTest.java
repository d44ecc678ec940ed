package io.samokoder.migrations.plan;

import static io.samokoder.migrations.plan.G.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.graph.RevisionGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Iteration: normalized dependencies (see IterationTest). */
class IterationNormalizedDependenciesTest {

    private final RevisionGraph graph = G.graph(rev("a1"), rev("a2").down("a1"), rev("a3").down("a2"), rev("b1"),
            rev("b2").down("b1").deps("a3"), rev("b3").down("b2"), rev("b4").down("b3").deps("a3"),
            rev("b5").down("b4").deps("b4"));

    @Test
    void branchTraversal() {
        assertThat(It.down(this.graph, "b4", "b1@base")).containsExactly("b4", "b3", "b2", "b1");
    }

    @Test
    void allTraversal() {
        assertThat(It.down(this.graph, "heads", "base")).containsExactly("b5", "b4", "b3", "b2", "b1", "a3", "a2",
                "a1");
    }

    @Test
    void partialTraversal() {
        assertThat(It.down(this.graph, "heads", "a2")).containsExactly("b5", "b4", "b3", "b2", "a3", "a2");
        assertThat(It.down(this.graph, "heads", "a2", true, true)).containsExactly("b5", "b4", "b3", "b2", "b1",
                "a3", "a2");
    }

    @Test
    void partialUpwardTraversalWithImplicitBase() {
        assertThat(It.up(this.graph, "b5", List.of("b1"), true, true)).containsExactly("b5", "b4", "b3", "b2",
                "b1", "a3", "a2", "a1");
    }

    @Test
    void partialUpwardTraversalWithTransitiveDependencies() {
        RevisionGraph graph = G.graph(rev("c1"), rev("a1"), rev("a2").down("a1").deps("c1"),
                rev("a3").down("a2").deps("c1"), rev("b1"), rev("b2").down("b1").deps("a3"), rev("b3").down("b2"),
                rev("b4").down("b3").deps("a3"), rev("b5").down("b4"));
        assertThat(It.up(graph, "b5", List.of("b1"), true, true)).containsExactly("b5", "b4", "b3", "b2", "b1",
                "a3", "a2", "a1", "c1");
    }
}
