package io.samokoder.migrations.graph;

import static io.samokoder.migrations.graph.Revs.graph;
import static io.samokoder.migrations.graph.Revs.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeadsAndBasesTest {

    @Test
    void linearHistoryHasOneHeadAndOneBase() {
        RevisionGraph map = graph(rev("a"), rev("b").down("a"), rev("c").down("b"));
        assertThat(map.heads()).containsExactly("c");
        assertThat(map.realHeads()).containsExactly("c");
        assertThat(map.bases()).containsExactly("a");
        assertThat(map.realBases()).containsExactly("a");
    }

    @Test
    void headsFollowLoadOrderNotIdOrder() {
        RevisionGraph map = graph(rev("a"), rev("b").down("a"), rev("c2").down("b"), rev("c1").down("b"));
        assertThat(map.heads()).containsExactly("c2", "c1");
        RevisionGraph twoHeads = graph(rev("a"), rev("b").down("a"), rev("c1").down("b"), rev("c2").down("b"),
                rev("d1").down("c1"));
        assertThat(twoHeads.heads()).containsExactly("c2", "d1");
    }

    @Test
    void headsOfTheCrossDependencyMap() {
        RevisionGraph map = crossDependencyMap();
        assertThat(map.heads()).containsExactly("b1a", "b1b", "d2", "b3");
        assertThat(map.realHeads()).containsExactly("b1a", "b1b", "d2", "b3");
        assertThat(map.bases()).containsExactly("base1", "base2", "base3");
        assertThat(map.realBases()).containsExactly("base1", "base2", "base3");
    }

    @Test
    void dependencyOnABranchTipMakesItAnEffectiveHead() {
        RevisionGraph map = graph(rev("base1").labels("b_1"), rev("a1").down("base1"), rev("b1").down("a1"),
                rev("c1").down("b1"), rev("base2").deps("b_1").labels("b_2"), rev("a2").down("base2"),
                rev("b2").down("a2"), rev("c2").down("b2"), rev("d2").down("c2"), rev("base3").labels("b_3"),
                rev("a3").down("base3"), rev("b3").down("a3"), rev("c3").down("b3").deps("b2"),
                rev("d3").down("c3"));
        assertThat(map.heads()).containsExactly("c1", "d2", "d3");
        assertThat(map.dependencies("base2")).containsExactly("base1");
        assertThat(map.bases()).containsExactly("base1", "base2", "base3");
        assertThat(map.realBases()).containsExactly("base1", "base3");
        assertThat(map.isBase("base2")).isTrue();
        assertThat(map.isRealBase("base2")).isFalse();
    }

    @Test
    void effectiveHeadIsAHeadButNotARealHead() {
        RevisionGraph map = graph(rev("y1").labels("y"), rev("x1").labels("x"), rev("y2").down("y1").deps("x1"),
                rev("x2").down("x1"), rev("z1"), rev("y3").down("y2").deps("z1"));
        assertThat(map.heads()).containsExactly("x2", "z1", "y3");
        assertThat(map.realHeads()).containsExactly("x2", "y3");
        assertThat(map.isHead("z1")).isTrue();
        assertThat(map.isRealHead("z1")).isFalse();
        assertThat(map.isHead("x1")).isFalse();
    }

    @Test
    void revisionWithOnlyADependencyIsABaseButNotARealBase() {
        RevisionGraph map = graph(rev("base1"), rev("a1").down("base1"), rev("b1").down("a1"),
                rev("c2").deps("a1"), rev("c3").down("c2"));
        assertThat(map.bases()).containsExactly("base1", "c2");
        assertThat(map.realBases()).containsExactly("base1");
        assertThat(map.heads()).containsExactly("b1", "c3");
        assertThat(map.realHeads()).containsExactly("b1", "c3");
    }

    @Test
    void severalRootsAreAllBases() {
        RevisionGraph map = graph(rev("base1"), rev("base2"), rev("base3"), rev("a1a").down("base1"),
                rev("a1b").down("base1"), rev("a2").down("base2"), rev("a3").down("base3"), rev("b3").down("a3"),
                rev("b2").down("a2"), rev("merge").down("b3", "b2"));
        assertThat(map.bases()).containsExactly("base1", "base2", "base3");
        assertThat(map.heads()).containsExactly("a1a", "a1b", "merge");
    }

    @Test
    void branchPointsAndRealBranchPoints() {
        RevisionGraph map = graph(rev("a"), rev("b1").down("a"), rev("b2").down("a"), rev("c").down("b1"),
                rev("x").deps("c"), rev("d").down("c"));
        assertThat(map.isBranchPoint("a")).isTrue();
        assertThat(map.isRealBranchPoint("a")).isTrue();
        assertThat(map.isBranchPoint("c")).isFalse();
        assertThat(map.isRealBranchPoint("c")).isTrue();
        assertThat(map.isBranchPoint("b1")).isFalse();
        assertThat(map.isRealBranchPoint("b1")).isFalse();
        assertThat(map.children("c")).containsExactly("d");
        assertThat(map.allChildren("c")).containsExactly("x", "d");
        assertThat(map.children("a")).containsExactly("b1", "b2");
    }

    @Test
    void mergePoints() {
        RevisionGraph map = graph(rev("a"), rev("b1").down("a"), rev("b2").down("a"), rev("c").down("b1", "b2"),
                rev("d").down("c"), rev("e").down("d").deps("b1"));
        assertThat(map.isMergePoint("c")).isTrue();
        assertThat(map.isMergePoint("d")).isFalse();
        assertThat(map.isMergePoint("e")).isFalse();
        assertThat(map.parents("c")).containsExactly("b1", "b2");
        assertThat(map.heads()).containsExactly("e");
    }

    @Test
    void mergeParentsKeepTheirDeclaredOrder() {
        RevisionGraph map = graph(rev("a"), rev("b1").down("a"), rev("b2").down("a"), rev("c").down("b2", "b1"));
        assertThat(map.parents("c")).containsExactly("b2", "b1");
        assertThat(map.allDown("c")).containsExactly("b2", "b1");
    }

    @Test
    void duplicateDownRevisionEntriesCountOnce() {
        RevisionGraph map = graph(rev("a"), rev("b").down("a", "a"));
        assertThat(map.parents("b")).containsExactly("a");
        assertThat(map.children("a")).containsExactly("b");
        assertThat(map.isMergePoint("b")).isFalse();
    }

    @Test
    void relationsOfASmallMapWithDependencies() {
        RevisionGraph map = graph(rev("a"), rev("b").down("a"), rev("x"), rev("c").down("b").deps("x", "a"));
        assertThat(map.parents("c")).containsExactly("b");
        assertThat(map.dependencies("c")).containsExactly("x", "a");
        assertThat(map.allDown("c")).containsExactly("b", "x", "a");
        assertThat(map.children("x")).isEmpty();
        assertThat(map.allChildren("x")).containsExactly("c");
        assertThat(map.allChildren("a")).containsExactly("b", "c");
        assertThat(map.children("a")).containsExactly("b");
        assertThat(map.isRealBranchPoint("a")).isTrue();
        assertThat(map.isBranchPoint("a")).isFalse();
    }

    @Test
    void lookupsByIdAndLoadIndex() {
        RevisionGraph map = graph(rev("a"), rev("b").down("a").labels("main"));
        assertThat(map.size()).isEqualTo(2);
        assertThat(map.contains("b")).isTrue();
        assertThat(map.contains("zz")).isFalse();
        assertThat(map.revision("b").downRevisions()).containsExactly("a");
        assertThat(map.loadIndex("a")).isZero();
        assertThat(map.loadIndex("b")).isEqualTo(1);
        assertThat(map.revisions()).extracting(Revision::id).containsExactly("a", "b");
    }

    @Test
    void unknownIdsAreIllegalArguments() {
        RevisionGraph map = graph(rev("a").labels("main"));
        assertThatThrownBy(() -> map.revision("zz")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zz");
        assertThatThrownBy(() -> map.parents("main")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> map.loadIndex("zz")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> map.isHead(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void returnedCollectionsAreUnmodifiable() {
        RevisionGraph map = graph(rev("a").labels("l"), rev("b").down("a"));
        assertThatThrownBy(() -> map.heads().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.children("a").clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.branchLabels("b").add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.ancestors("b").clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.keys().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    static RevisionGraph crossDependencyMap() {
        return graph(rev("base1").labels("b_1"), rev("a1a").down("base1"), rev("a1b").down("base1"),
                rev("b1a").down("a1a"), rev("b1b").down("a1b").deps("a3"), rev("base2").labels("b_2"),
                rev("a2").down("base2"), rev("b2").down("a2"), rev("c2").down("b2").deps("a3"), rev("d2").down("c2"),
                rev("base3").labels("b_3"), rev("a3").down("base3"), rev("b3").down("a3"));
    }
}
