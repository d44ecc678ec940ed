package io.samokoder.migrations.plan;

import static io.samokoder.migrations.plan.G.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.graph.RevisionGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Iteration: effective heads (see IterationTest). */
class IterationEffectiveHeadsTest {

    private final RevisionGraph graph = G.graph(rev("y1").labels("y"), rev("x1").labels("x"),
            rev("y2").down("y1").deps("x1"), rev("x2").down("x1"));

    @Test
    void labelRelativeDowngradeOnOneBranch() {
        assertThat(It.down(this.graph, List.of("x2", "y2"), "x@-1", false, false)).containsExactly("x2");
    }

    @Test
    void labelRelativeDowngradeUsesTheDisplayedCurrentRevisions() {
        assertThat(It.down(this.graph, List.of("x1", "y2"), "x@-1", false, false)).containsExactly("y2", "x1");
        assertThat(It.down(this.graph, "y2", "x@-1", false, false)).containsExactly("y2", "x1");
    }
}
