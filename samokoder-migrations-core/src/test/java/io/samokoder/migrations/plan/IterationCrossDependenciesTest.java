package io.samokoder.migrations.plan;

import static io.samokoder.migrations.plan.G.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.graph.RevisionGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Iteration: cross dependencies (see IterationTest). */
class IterationCrossDependenciesTest {

    private final RevisionGraph graph = G.graph(rev("base1").labels("b_1"), rev("a1a").down("base1"),
            rev("a1b").down("base1"), rev("b1a").down("a1a"), rev("b1b").down("a1b").deps("a3"),
            rev("base2").labels("b_2"), rev("a2").down("base2"), rev("b2").down("a2"),
            rev("c2").down("b2").deps("a3"), rev("d2").down("c2"), rev("base3").labels("b_3"),
            rev("a3").down("base3"), rev("b3").down("a3"));

    private final List<String> all = List.of("b1a", "a1a", "b1b", "a1b", "base1", "d2", "c2", "b2", "a2", "base2",
            "b3", "a3", "base3");

    @Test
    void mapHeadsIncludeEffectiveHeads() {
        assertThat(this.graph.heads()).containsExactly("b1a", "b1b", "d2", "b3");
    }

    @Test
    void headsToBaseBothWays() {
        assertThat(It.up(this.graph, "heads", "base")).isEqualTo(this.all);
        assertThat(It.down(this.graph, "heads", "base")).isEqualTo(this.all);
    }

    @Test
    void wrongDirection() {
        assertThatThrownBy(() -> It.up(this.graph, "b2", "d2"))
                .hasMessage("Revision d2 is not an ancestor of revision b2");
        assertThatThrownBy(() -> It.up(this.graph, "b3", "d2"))
                .hasMessage("Revision d2 is not an ancestor of revision b3");
    }

    @Test
    void upgradingABranchPullsInItsDependencies() {
        assertThat(It.up(this.graph, "b_2@head", "base")).containsExactly("d2", "c2", "b2", "a2", "base2", "a3",
                "base3");
        assertThat(It.up(this.graph, "b_3@head", "base")).containsExactly("b3", "a3", "base3");
        assertThat(It.up(this.graph, "b1b@head", "base")).containsExactly("b1b", "a1b", "base1", "a3", "base3");
    }

    @Test
    void downgradingABranchLeavesItsDependenciesAlone() {
        assertThat(It.down(this.graph, "b_2@head", "b_2@base")).containsExactly("d2", "c2", "b2", "a2", "base2");
        assertThat(It.down(this.graph, "b_3@head", "base")).containsExactly("b3", "a3", "base3");
        assertThat(It.down(this.graph, "b1b@head", "b1b@base")).containsExactly("b1b", "a1b", "base1");
    }

    @Test
    void labelledBaseAsLowerBound() {
        assertThat(It.up(this.graph, "heads", "b_2@base")).containsExactly("d2", "c2", "b2", "a2", "base2", "a3",
                "base3");
        assertThat(It.up(this.graph, "heads", "b_3@base")).containsExactly("b3", "a3", "base3");
    }

    @Test
    void downgradingADependencyDropsItsDependents() {
        assertThat(It.down(this.graph, "heads", "b_2@base")).containsExactly("d2", "c2", "b2", "a2", "base2");
        assertThat(It.down(this.graph, "heads", "b_3@base")).containsExactly("b1b", "d2", "c2", "b3", "a3",
                "base3");
    }
}
