package io.samokoder.migrations.graph;

import static io.samokoder.migrations.graph.Revs.graph;
import static io.samokoder.migrations.graph.Revs.rev;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AncestryTest {

    /** Two branches from a3 that meet again in "merge"; fe1b1 hangs off db1. */
    private final RevisionGraph travelling = graph(rev("a1"), rev("a2").down("a1"), rev("a3").down("a2"),
            rev("b1").down("a3"), rev("b2").down("a3"), rev("cb1").down("b1"), rev("cb2").down("b2"),
            rev("db1").down("cb1"), rev("db2").down("cb2"), rev("e1b1").down("db1"), rev("fe1b1").down("e1b1"),
            rev("e2b1").down("db1"), rev("e2b2").down("db2"), rev("merge").down("e2b1", "e2b2"));

    @Test
    void ancestorsOfAMergeCoverBothSides() {
        assertThat(this.travelling.ancestors("merge")).containsExactlyInAnyOrder("a1", "e2b2", "e2b1", "cb2",
                "merge", "a3", "a2", "b1", "b2", "db1", "db2", "cb1");
    }

    @Test
    void ancestorsIterateInLoadOrder() {
        assertThat(this.travelling.ancestors("fe1b1")).containsExactly("a1", "a2", "a3", "b1", "cb1", "db1",
                "e1b1", "fe1b1");
    }

    @Test
    void descendantsIncludeTheRevisionAndEveryBranch() {
        assertThat(this.travelling.descendants("db1")).containsExactly("db1", "e1b1", "fe1b1", "e2b1", "merge");
        assertThat(this.travelling.descendantsNoDeps("b2")).containsExactly("b2", "cb2", "db2", "e2b2", "merge");
    }

    @Test
    void headHasOnlyItselfAsDescendantAndRootOnlyItselfAsAncestor() {
        assertThat(this.travelling.descendants("merge")).containsExactly("merge");
        assertThat(this.travelling.ancestors("a1")).containsExactly("a1");
        assertThat(this.travelling.descendants("a1")).hasSize(this.travelling.size());
    }

    @Test
    void dependenciesCountUnlessAskedNotTo() {
        RevisionGraph map = HeadsAndBasesTest.crossDependencyMap();
        assertThat(map.ancestors("d2")).containsExactly("base2", "a2", "b2", "c2", "d2", "base3", "a3");
        assertThat(map.ancestorsNoDeps("d2")).containsExactlyInAnyOrder("base2", "a2", "b2", "c2", "d2");
        assertThat(map.descendants("a3")).containsExactlyInAnyOrder("a3", "b3", "b1b", "c2", "d2");
        assertThat(map.descendantsNoDeps("a3")).containsExactlyInAnyOrder("a3", "b3");
    }

    @Test
    void ancestorsSkipDependenciesDroppedByNormalisation() {
        // c depends on t only through b's declaration: t is still an ancestor through b
        RevisionGraph map = graph(rev("t"), rev("a"), rev("b").down("a").deps("t"), rev("c").down("b").deps("t"));
        assertThat(map.normalizedDown("c")).containsExactly("b");
        assertThat(map.ancestors("c")).containsExactly("t", "a", "b", "c");
    }

    @Test
    void ancestorsAndDescendantsNeverOverlapBeyondTheRevisionItself() {
        for (String id : this.travelling.keys()) {
            assertThat(this.travelling.ancestors(id)).filteredOn(this.travelling.descendants(id)::contains)
                    .containsExactly(id);
        }
    }
}
