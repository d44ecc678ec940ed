package io.samokoder.migrations.plan;

import static io.samokoder.migrations.plan.G.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.graph.RevisionGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Iteration: dependency on a label (see IterationTest). */
class IterationDependencyOnALabelTest {

    private final RevisionGraph graph = G.graph(rev("base1").labels("b_1"), rev("a1").down("base1"),
            rev("b1").down("a1"), rev("c1").down("b1"), rev("base2").deps("b_1").labels("b_2"),
            rev("a2").down("base2"), rev("b2").down("a2"), rev("c2").down("b2"), rev("d2").down("c2"),
            rev("base3").labels("b_3"), rev("a3").down("base3"), rev("b3").down("a3"),
            rev("c3").down("b3").deps("b2"), rev("d3").down("c3"));

    @Test
    void headsAreLoadOrdered() {
        assertThat(this.graph.heads()).containsExactly("c1", "d2", "d3");
    }

    @Test
    void headsToBase() {
        assertThat(It.up(this.graph, "heads", "base")).containsExactly("c1", "b1", "a1", "d2", "c2", "d3", "c3",
                "b3", "a3", "base3", "b2", "a2", "base2", "base1");
    }

    @Test
    void branchHeadsPullInDependencies() {
        assertThat(It.up(this.graph, "b_2@head", "base")).containsExactly("d2", "c2", "b2", "a2", "base2",
                "base1");
        assertThat(It.up(this.graph, "b_3@head", "base")).containsExactly("d3", "c3", "b3", "a3", "base3", "b2",
                "a2", "base2", "base1");
        assertThat(It.up(this.graph, "b_1@head", "base")).containsExactly("c1", "b1", "a1", "base1");
    }

    @Test
    void labelledBases() {
        assertThat(It.up(this.graph, "heads", "b_1@base")).containsExactly("c1", "b1", "a1", "base1");
        assertThat(It.up(this.graph, "heads", "b_2@base")).containsExactly("d2", "c2", "b2", "a2", "base2",
                "base1");
        assertThat(It.up(this.graph, "heads", "b_3@base")).containsExactly("d3", "c3", "b3", "a3", "base3", "b2",
                "a2", "base2", "base1");
    }
}
