package io.samokoder.migrations.plan;

import static io.samokoder.migrations.plan.G.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.graph.RevisionGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Iteration: branch travelling (see IterationTest). */
class IterationBranchTravellingTest {

    private final RevisionGraph graph = G.graph(rev("a1"), rev("a2").down("a1"), rev("a3").down("a2"),
            rev("b1").down("a3"), rev("b2").down("a3"), rev("cb1").down("b1"), rev("cb2").down("b2"),
            rev("db1").down("cb1"), rev("db2").down("cb2"), rev("e1b1").down("db1"), rev("fe1b1").down("e1b1"),
            rev("e2b1").down("db1"), rev("e2b2").down("db2"), rev("merge").down("e2b1", "e2b2"));

    @Test
    void implicitBaseFillsInEveryBranchOfAMerge() {
        assertThat(It.up(this.graph, "merge", "db1", true, true)).containsExactly("merge", "e2b1", "db1", "e2b2",
                "db2", "cb2", "b2");
    }

    @Test
    void threeBranchesEndInSingleBranch() {
        assertThat(It.up(this.graph, List.of("merge", "fe1b1"), "a3")).containsExactly("fe1b1", "e1b1", "merge",
                "e2b1", "db1", "cb1", "b1", "e2b2", "db2", "cb2", "b2", "a3");
    }

    @Test
    void twoBranchesToRoot() {
        assertThat(It.up(this.graph, "merge", "a1")).containsExactly("merge", "e2b1", "db1", "cb1", "b1", "e2b2",
                "db2", "cb2", "b2", "a3", "a2", "a1");
    }

    @Test
    void twoBranchesEndInBranch() {
        assertThat(It.up(this.graph, "merge", "b1")).containsExactly("merge", "e2b1", "db1", "cb1", "b1");
    }

    @Test
    void twoBranchesEndBehindBranch() {
        assertThat(It.up(this.graph, "merge", "a2")).containsExactly("merge", "e2b1", "db1", "cb1", "b1", "e2b2",
                "db2", "cb2", "b2", "a3", "a2");
    }

    @Test
    void threeBranchesToRoot() {
        assertThat(It.up(this.graph, List.of("merge", "fe1b1"), "a1")).containsExactly("fe1b1", "e1b1", "merge",
                "e2b1", "db1", "cb1", "b1", "e2b2", "db2", "cb2", "b2", "a3", "a2", "a1");
    }

    @Test
    void threeBranchesEndAtMultipleBases() {
        assertThat(It.up(this.graph, List.of("merge", "fe1b1"), List.of("cb1", "cb2"))).containsExactly("fe1b1",
                "e1b1", "merge", "e2b1", "db1", "cb1", "e2b2", "db2", "cb2");
        assertThat(It.up(this.graph, List.of("merge", "fe1b1"), List.of("cb1", "cb2"), false, false))
                .containsExactly("fe1b1", "e1b1", "merge", "e2b1", "db1", "e2b2", "db2");
    }

    @Test
    void overlappingTargetsAreRejected() {
        assertThatThrownBy(() -> It.up(this.graph, List.of("db1", "b2", "fe1b1"), List.of()))
                .hasMessage("Requested revision fe1b1 overlaps with other requested revisions db1");
    }

    @Test
    void exclusiveToNothing() {
        assertThat(It.up(this.graph, List.of("e2b1", "b2", "fe1b1"), List.of(), false, false)).containsExactly(
                "b2", "fe1b1", "e1b1", "e2b1", "db1", "cb1", "b1", "a3", "a2", "a1");
    }

    @Test
    void exclusiveToSymbolicBase() {
        assertThat(It.up(this.graph, List.of("fe1b1"), "base", false, false)).containsExactly("fe1b1", "e1b1",
                "db1", "cb1", "b1", "a3", "a2", "a1");
    }
}
