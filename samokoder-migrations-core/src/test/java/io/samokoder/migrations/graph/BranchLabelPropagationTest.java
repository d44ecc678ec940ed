package io.samokoder.migrations.graph;

import static io.samokoder.migrations.graph.Revs.graph;
import static io.samokoder.migrations.graph.Revs.rev;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BranchLabelPropagationTest {

    @Test
    void labelOnAPlainChainReachesTheWholeChain() {
        RevisionGraph map = graph(rev("a").labels("abranch"), rev("b").down("a"), rev("somelongername").down("b"),
                rev("c").down("somelongername"), rev("d"), rev("e").down("d").labels("ebranch"),
                rev("someothername").down("e"), rev("f").down("someothername"));
        for (String id : new String[] {"a", "b", "somelongername", "c"}) {
            assertThat(map.branchLabels(id)).containsExactly("abranch");
        }
        for (String id : new String[] {"d", "e", "someothername", "f"}) {
            assertThat(map.branchLabels(id)).as(id).containsExactly("ebranch");
        }
        assertThat(map.revisionForKey("ebranch")).contains("e");
    }

    @Test
    void ancestorsStopBeforeABranchPoint() {
        RevisionGraph map = graph(rev("a"), rev("b").down("a"), rev("c1").down("b"), rev("c2").down("b"),
                rev("d1").down("c1").labels("one"), rev("e1").down("d1"));
        assertThat(map.branchLabels("e1")).containsExactly("one");
        assertThat(map.branchLabels("d1")).containsExactly("one");
        assertThat(map.branchLabels("c1")).containsExactly("one");
        assertThat(map.branchLabels("b")).isEmpty();
        assertThat(map.branchLabels("a")).isEmpty();
        assertThat(map.branchLabels("c2")).isEmpty();
    }

    @Test
    void ancestorsStopBeforeARealBranchPointMadeByADependent() {
        RevisionGraph map = graph(rev("a"), rev("b").down("a"), rev("c").down("b").labels("lab"), rev("x").deps("b"));
        assertThat(map.branchLabels("c")).containsExactly("lab");
        assertThat(map.branchLabels("b")).isEmpty();
        assertThat(map.branchLabels("a")).isEmpty();
        assertThat(map.branchLabels("x")).isEmpty();
    }

    @Test
    void ancestorsStopAtAMergeWithoutLabellingIt() {
        RevisionGraph map = graph(rev("a"), rev("b1").down("a"), rev("b2").down("a"), rev("m").down("b1", "b2"),
                rev("n").down("m"), rev("o").down("n").labels("top"));
        assertThat(map.branchLabels("o")).containsExactly("top");
        assertThat(map.branchLabels("n")).containsExactly("top");
        assertThat(map.branchLabels("m")).isEmpty();
        assertThat(map.branchLabels("b1")).isEmpty();
    }

    @Test
    void forkAboveTheLabelKeepsAncestorsUnlabelled() {
        RevisionGraph map = graph(rev("a"), rev("b").down("a").labels("lab"), rev("c").down("b"),
                rev("d1").down("c"), rev("d2").down("c"));
        assertThat(map.branchLabels("b")).containsExactly("lab");
        assertThat(map.branchLabels("c")).containsExactly("lab");
        assertThat(map.branchLabels("d1")).containsExactly("lab");
        assertThat(map.branchLabels("d2")).containsExactly("lab");
        assertThat(map.branchLabels("a")).isEmpty();
    }

    @Test
    void mergeAboveTheLabelKeepsAncestorsUnlabelled() {
        RevisionGraph map = graph(rev("a"), rev("b").down("a"), rev("c1").down("b").labels("c1branch"),
                rev("c2").down("b"), rev("d").down("c1", "c2"));
        assertThat(map.branchLabels("c1")).containsExactly("c1branch");
        assertThat(map.branchLabels("d")).containsExactly("c1branch");
        assertThat(map.branchLabels("c2")).isEmpty();
        assertThat(map.branchLabels("b")).isEmpty();
    }

    @Test
    void dependentOfTheTipStillLetsTheWalkThrough() {
        RevisionGraph map = graph(rev("a"), rev("b").down("a").labels("lab"), rev("c").down("b"), rev("x").deps("c"));
        assertThat(map.branchLabels("a")).containsExactly("lab");
        assertThat(map.branchLabels("c")).containsExactly("lab");
        assertThat(map.branchLabels("x")).isEmpty();
    }

    @Test
    void twoDependentsOfTheTipStopTheWalk() {
        RevisionGraph map = graph(rev("a"), rev("b").down("a").labels("lab"), rev("c").down("b"), rev("x").deps("c"),
                rev("y").deps("c"));
        assertThat(map.branchLabels("c")).containsExactly("lab");
        assertThat(map.branchLabels("b")).containsExactly("lab");
        assertThat(map.branchLabels("a")).isEmpty();
    }

    @Test
    void labelsAreNotPropagatedThroughDependencies() {
        RevisionGraph map = graph(rev("y1").labels("y"), rev("x1").labels("x"), rev("y2").down("y1").deps("x1"),
                rev("x2").down("x1"));
        assertThat(map.branchLabels("y1")).containsExactly("y");
        assertThat(map.branchLabels("y2")).containsExactly("y");
        assertThat(map.branchLabels("x1")).containsExactly("x");
        assertThat(map.branchLabels("x2")).containsExactly("x");
    }

    @Test
    void nestedLabelsAccumulate() {
        RevisionGraph map = graph(rev("a"), rev("b").down("a").labels("outer"), rev("c").down("b"),
                rev("d").down("c").labels("inner", "also"), rev("e").down("d"));
        assertThat(map.branchLabels("e")).containsExactly("also", "inner", "outer");
        assertThat(map.branchLabels("a")).containsExactly("also", "inner", "outer");
        assertThat(map.branchLabels("b")).containsExactly("also", "inner", "outer");
    }

    @Test
    void labelsFromBothSidesMeetAtAMerge() {
        RevisionGraph map = graph(rev("a"), rev("l").down("a").labels("left"), rev("r").down("a").labels("right"),
                rev("m").down("l", "r"), rev("n").down("m"));
        assertThat(map.branchLabels("m")).containsExactly("left", "right");
        assertThat(map.branchLabels("n")).containsExactly("left", "right");
        assertThat(map.branchLabels("l")).containsExactly("left");
        assertThat(map.branchLabels("a")).isEmpty();
    }

    @Test
    void labelOnARootReachesEverythingAbove() {
        RevisionGraph map = graph(rev("root").labels("all"), rev("b1").down("root"), rev("b2").down("root"),
                rev("m").down("b1", "b2"));
        for (String id : new String[] {"root", "b1", "b2", "m"}) {
            assertThat(map.branchLabels(id)).containsExactly("all");
        }
    }

    @Test
    void aMergeInheritsTheUnionWhetherOneSideCoversTheOtherOrNot() {
        RevisionGraph map = graph(rev("root").labels("base"), rev("p").down("root"), rev("p2").down("p"),
                rev("x1").down("p").labels("xl"), rev("y1").down("p"), rev("m1").down("x1", "y1"),
                rev("q1").down("p2").labels("ql"), rev("m2").down("q1", "m1"), rev("top").down("m2"),
                rev("s1").down("top"), rev("s2").down("top"), rev("m3").down("s1", "s2"));
        assertThat(map.branchLabels("m1")).containsExactly("base", "xl");
        assertThat(map.branchLabels("m2")).containsExactly("base", "ql", "xl");
        assertThat(map.branchLabels("m3")).containsExactly("base", "ql", "xl");
        assertThat(map.branchLabels("y1")).containsExactly("base");
    }

    @Test
    void labelOnAMergePointLabelsOnlyItAndAbove() {
        RevisionGraph map = graph(rev("a"), rev("b1").down("a"), rev("b2").down("a"), rev("m").down("b1", "b2").labels("m"
                + "lab"), rev("n").down("m"));
        assertThat(map.branchLabels("m")).containsExactly("mlab");
        assertThat(map.branchLabels("n")).containsExactly("mlab");
        assertThat(map.branchLabels("b1")).isEmpty();
    }

    @Test
    void unlabelledMapHasNoLabels() {
        RevisionGraph map = graph(rev("a"), rev("b").down("a"));
        assertThat(map.branchLabels("a")).isEmpty();
        assertThat(map.branchLabels("b")).isEmpty();
    }
}
