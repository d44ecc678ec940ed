package io.samokoder.migrations.plan;

import static io.samokoder.migrations.plan.G.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.graph.RevisionGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Iteration: multiple branches (see IterationTest). */
class IterationMultipleBranchesTest {

    private final RevisionGraph graph = G.graph(rev("a"), rev("b1").down("a"), rev("b2").down("a"),
            rev("cb1").down("b1"), rev("cb2").down("b2"), rev("d1cb1").down("cb1"), rev("d2cb1").down("cb1"),
            rev("d1cb2").down("cb2"), rev("d2cb2").down("cb2"), rev("d3cb2").down("cb2"),
            rev("d1d2cb2").down("d1cb2", "d2cb2"));

    @Test
    void fromMergePoint() {
        assertThat(It.up(this.graph, "d1d2cb2", "a")).containsExactly("d1d2cb2", "d1cb2", "d2cb2", "cb2", "b2",
                "a");
    }

    @Test
    void multipleHeads() {
        assertThat(It.up(this.graph, List.of("d2cb2", "d3cb2"), "a")).containsExactly("d2cb2", "d3cb2", "cb2",
                "b2", "a");
    }

    @Test
    void singleBranch() {
        assertThat(It.up(this.graph, "d3cb2", "a")).containsExactly("d3cb2", "cb2", "b2", "a");
        assertThat(It.up(this.graph, "d3cb2", "base")).containsExactly("d3cb2", "cb2", "b2", "a");
    }

    @Test
    void multipleBranchesToBase() {
        assertThat(It.up(this.graph, List.of("d3cb2", "cb1"), "base")).containsExactly("cb1", "b1", "d3cb2", "cb2",
                "b2", "a");
    }

    @Test
    void headsNotAboveTheLowerBoundAreLeftOut() {
        assertThat(It.up(this.graph, List.of("d1cb1", "d2cb2", "d3cb2"), "b2")).containsExactly("d2cb2", "d3cb2",
                "cb2", "b2");
    }

    @Test
    void wrongDirectionOnOneBranch() {
        assertThatThrownBy(() -> It.up(this.graph, "b1", "d1cb1"))
                .hasMessage("Revision d1cb1 is not an ancestor of revision b1");
    }

    @Test
    void distinctBranches() {
        assertThatThrownBy(() -> It.up(this.graph, "d2cb2", "b1"))
                .hasMessage("Revision b1 is not an ancestor of revision d2cb2");
    }

    @Test
    void wrongDirectionToBaseAsNoneOrEmpty() {
        assertThatThrownBy(() -> It.up(this.graph, null, "d1cb1"))
                .hasMessage("Revision d1cb1 is not an ancestor of revision base");
        assertThatThrownBy(() -> It.up(this.graph, List.of(), "d1cb1"))
                .hasMessage("Revision d1cb1 is not an ancestor of revision base");
    }
}
