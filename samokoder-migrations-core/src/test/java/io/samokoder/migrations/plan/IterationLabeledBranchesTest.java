package io.samokoder.migrations.plan;

import static io.samokoder.migrations.plan.G.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.graph.RevisionGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Iteration: labeled branches (see IterationTest). */
class IterationLabeledBranchesTest {

    private final RevisionGraph graph = G.graph(rev("a").labels("abranch"), rev("b").down("a"),
            rev("somelongername").down("b"), rev("c").down("somelongername"), rev("d"),
            rev("e").down("d").labels("ebranch"), rev("someothername").down("e"), rev("f").down("someothername"));

    @Test
    void headsToNamedBaseKeepsThatBranch() {
        assertThat(It.up(this.graph, "heads", "ebranch@base")).containsExactly("f", "someothername", "e", "d");
        assertThat(It.up(this.graph, "heads", "abranch@base")).containsExactly("c", "somelongername", "b", "a");
    }

    @Test
    void namedHeadToBase() {
        assertThat(It.up(this.graph, "ebranch@head", "base")).containsExactly("f", "someothername", "e", "d");
        assertThat(It.up(this.graph, "abranch@head", "base")).containsExactly("c", "somelongername", "b", "a");
    }

    @Test
    void headsToNamedHead() {
        assertThat(It.up(this.graph, "heads", "ebranch@head")).containsExactly("f");
    }

    @Test
    void headsToNamedRevision() {
        assertThat(It.up(this.graph, "heads", "ebranch@d")).containsExactly("f", "someothername", "e", "d");
    }

    @Test
    void revisionUsedAsBranchName() {
        assertThat(It.up(this.graph, "heads", "e@base")).containsExactly("f", "someothername", "e", "d");
        assertThat(It.up(this.graph, "heads", "c@base")).containsExactly("c", "somelongername", "b", "a");
    }

    @Test
    void branchRelativeDownFromTheHeads() {
        assertThat(It.up(this.graph, "heads", "ebranch@-2")).containsExactly("f", "someothername", "e");
    }

    @Test
    void branchRelativeUpFromBase() {
        assertThat(It.up(this.graph, "ebranch@+2", "base")).containsExactly("e", "d");
    }
}
