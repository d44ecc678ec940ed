package io.samokoder.migrations.graph;

import static io.samokoder.migrations.graph.Revs.graph;
import static io.samokoder.migrations.graph.Revs.rev;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormalizedDependenciesTest {

    /** a1 - a2 - a3 and b1 - b2 (dep a3) - b3 - b4 (dep a3) - b5 (dep b4). */
    private final RevisionGraph map = graph(rev("a1"), rev("a2").down("a1"), rev("a3").down("a2"), rev("b1"),
            rev("b2").down("b1").deps("a3"), rev("b3").down("b2"), rev("b4").down("b3").deps("a3"),
            rev("b5").down("b4").deps("b4"));

    @Test
    void dependencyAlreadyDeclaredByAnAncestorIsDropped() {
        assertThat(this.map.allDown("b4")).containsExactly("b3", "a3");
        assertThat(this.map.dependencies("b4")).containsExactly("a3");
        assertThat(this.map.normalizedDependencies("b4")).isEmpty();
        assertThat(this.map.normalizedDown("b4")).containsExactly("b3");
    }

    @Test
    void firstDeclarationIsKept() {
        assertThat(this.map.normalizedDependencies("b2")).containsExactly("a3");
        assertThat(this.map.normalizedDown("b2")).containsExactly("b1", "a3");
    }

    @Test
    void dependencyOnTheParentVanishesByDeduplicationOnly() {
        assertThat(this.map.allDown("b5")).containsExactly("b4");
        assertThat(this.map.normalizedDependencies("b5")).containsExactly("b4");
        assertThat(this.map.normalizedDown("b5")).containsExactly("b4");
    }

    @Test
    void dependencyThatIsAlsoAnAncestorIsNotDropped() {
        RevisionGraph chain = graph(rev("a"), rev("b").down("a"), rev("c").down("b").deps("a"));
        assertThat(chain.normalizedDependencies("c")).containsExactly("a");
        assertThat(chain.normalizedDown("c")).containsExactly("b", "a");
    }

    @Test
    void dropsOnlyAlongDownRevisionsNotAlongDependencies() {
        // y depends on x which depends on t; y also depends on t: kept, x is not an ancestor by parents
        RevisionGraph deps = graph(rev("t"), rev("x").deps("t"), rev("y").deps("x", "t"));
        assertThat(deps.normalizedDependencies("y")).containsExactly("x", "t");
    }

    @Test
    void siblingsDoNotInheritFromEachOther() {
        RevisionGraph siblings = graph(rev("t"), rev("a"), rev("b1").down("a").deps("t"), rev("b2").down("a").deps("t"));
        assertThat(siblings.normalizedDependencies("b1")).containsExactly("t");
        assertThat(siblings.normalizedDependencies("b2")).containsExactly("t");
    }

    @Test
    void mergeInheritsFromEitherSide() {
        RevisionGraph merge = graph(rev("t"), rev("u"), rev("a"), rev("b1").down("a").deps("t"), rev("b2").down("a"),
                rev("m").down("b1", "b2").deps("t", "u"), rev("n").down("m").deps("u", "t"));
        assertThat(merge.normalizedDependencies("m")).containsExactly("u");
        assertThat(merge.normalizedDependencies("n")).isEmpty();
        assertThat(merge.normalizedDown("n")).containsExactly("m");
    }

    @Test
    void labelDependenciesResolveBeforeNormalising() {
        RevisionGraph labels = graph(rev("t1").labels("tools"), rev("a"), rev("b").down("a").deps("tools"),
                rev("c").down("b").deps("t1"));
        assertThat(labels.dependencies("b")).containsExactly("t1");
        assertThat(labels.normalizedDependencies("c")).isEmpty();
    }

    @Test
    void duplicateDependencyEntriesCountOnce() {
        RevisionGraph dupes = graph(rev("t").labels("tl"), rev("a").deps("t", "tl", "t"));
        assertThat(dupes.dependencies("a")).containsExactly("t");
        assertThat(dupes.allChildren("t")).containsExactly("a");
    }

    @Test
    void distantAncestorDeclarationStillDrops() {
        Object[] revisions = new Object[202];
        revisions[0] = rev("t");
        revisions[1] = rev("r0").deps("t");
        for (int i = 1; i <= 200; i++) {
            revisions[i + 1] = rev("r" + i).down("r" + (i - 1)).deps(i == 200 ? "t" : "r0");
        }
        RevisionGraph chain = graph(revisions);
        assertThat(chain.normalizedDependencies("r200")).isEmpty();
        assertThat(chain.normalizedDependencies("r1")).containsExactly("r0");
        assertThat(chain.normalizedDown("r1")).containsExactly("r0");
        assertThat(chain.normalizedDependencies("r2")).isEmpty();
        assertThat(chain.normalizedDependencies("r0")).containsExactly("t");
    }

    @Test
    void ancestorsWalkNormalizedDownRevisions() {
        assertThat(this.map.ancestors("b4")).containsExactlyInAnyOrder("b4", "b3", "b2", "b1", "a3", "a2", "a1");
        assertThat(this.map.ancestorsNoDeps("b4")).containsExactlyInAnyOrder("b4", "b3", "b2", "b1");
    }
}
