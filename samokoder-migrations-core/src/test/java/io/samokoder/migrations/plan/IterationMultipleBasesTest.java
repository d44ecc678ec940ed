package io.samokoder.migrations.plan;

import static io.samokoder.migrations.plan.G.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.graph.RevisionGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Iteration: multiple bases (see IterationTest). */
class IterationMultipleBasesTest {

    private final RevisionGraph graph = G.graph(rev("base1"), rev("base2"), rev("base3"), rev("a1a").down("base1"),
            rev("a1b").down("base1"), rev("a2").down("base2"), rev("a3").down("base3"), rev("b1a").down("a1a"),
            rev("b1b").down("a1b"), rev("b2").down("a2"), rev("b3").down("a3"), rev("c2").down("b2"),
            rev("d2").down("c2"), rev("mergeb3d2").down("b3", "d2"));

    private final List<String> all = List.of("b1a", "a1a", "b1b", "a1b", "base1", "mergeb3d2", "b3", "a3",
            "base3", "d2", "c2", "b2", "a2", "base2");

    @Test
    void headsToBase() {
        assertThat(It.up(this.graph, "heads", "base")).isEqualTo(this.all);
        assertThat(It.up(this.graph, "heads", "base", false, false)).isEqualTo(this.all);
        assertThat(It.up(this.graph, "heads", null)).isEqualTo(this.all);
    }

    @Test
    void overlappingLowerBoundsAreRejected() {
        assertThatThrownBy(() -> It.up(this.graph, List.of("c2"), List.of("a2", "b2")))
                .hasMessageContaining("overlaps with other requested revisions");
    }

    @Test
    void headsToRevisionWithImplicitBase() {
        assertThat(It.up(this.graph, "heads", List.of("c2"), false, true)).containsExactly("b1a", "a1a", "b1b",
                "a1b", "base1", "mergeb3d2", "b3", "a3", "base3", "d2");
        assertThat(It.up(this.graph, "heads", List.of("c2"), true, true)).containsExactly("b1a", "a1a", "b1b",
                "a1b", "base1", "mergeb3d2", "b3", "a3", "base3", "d2", "c2");
    }

    @Test
    void headsToRevisionWithoutImplicitBase() {
        assertThat(It.up(this.graph, "heads", List.of("c2"), false, false)).containsExactly("mergeb3d2", "d2");
    }

    @Test
    void specificPaths() {
        assertThat(It.up(this.graph, "b3", "base3")).containsExactly("b3", "a3", "base3");
        assertThat(It.up(this.graph, List.of("b3", "b2"), "base3", false, true)).containsExactly("b2", "a2",
                "base2", "b3", "a3");
    }
}
