package io.samokoder.migrations.graph;

import static io.samokoder.migrations.graph.Revs.graph;
import static io.samokoder.migrations.graph.Revs.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CycleDetectionTest {

    @Test
    void simpleCycleHasNoBaseSoAllIdsAreListedInLoadOrder() {
        assertCycle("Cycle is detected in revisions (c, a, b)", CycleDetectedException.Kind.CYCLE,
                rev("c").down("b"), rev("a").down("c"), rev("b").down("a"));
    }

    @Test
    void cycleBesideAHealthyBranchListsOnlyTheCycleSorted() {
        assertCycle("Cycle is detected in revisions (a, b, c)", CycleDetectedException.Kind.CYCLE,
                rev("c").down("b"), rev("a").down("c"), rev("b").down("a"), rev("d"), rev("e").down("d"));
    }

    @Test
    void cycleBelowAChainHasNoBase() {
        assertCycle("Cycle is detected in revisions (a, b, c, d, e)", CycleDetectedException.Kind.CYCLE,
                rev("a").down("c"), rev("b").down("a"), rev("c").down("b"), rev("d").down("c"), rev("e").down("d"));
    }

    @Test
    void cycleAboveAChainHasNoHead() {
        assertCycle("Cycle is detected in revisions (a, b, c, d, e)", CycleDetectedException.Kind.CYCLE,
                rev("a"), rev("b").down("a"), rev("c").down("b", "e"), rev("d").down("c"), rev("e").down("d"));
    }

    @Test
    void twoRevisionCycleOffAHealthyRootIsUnreachableFromTheHeads() {
        // a <- b, and x <-> y hang off nothing: no head reaches them
        assertCycle("Cycle is detected in revisions (x, y)", CycleDetectedException.Kind.CYCLE,
                rev("a"), rev("b").down("a"), rev("x").down("y"), rev("y").down("x"));
    }

    @Test
    void cycleReachableFromBothEndsIsStillDetected() {
        // Alembic's sweep misses this one: r -> a, a <-> b, a -> c (head). Both sweeps reach a and b.
        assertCycle("Cycle is detected in revisions (a, b)", CycleDetectedException.Kind.CYCLE,
                rev("r"), rev("a").down("r", "b"), rev("b").down("a"), rev("c").down("a"));
    }

    @Test
    void simpleDependencyCycleHasNoRealBase() {
        assertCycle("Dependency cycle is detected in revisions (a, b, c)",
                CycleDetectedException.Kind.DEPENDENCY_CYCLE,
                rev("a").deps("c"), rev("b").down("a"), rev("c").down("b"));
    }

    @Test
    void dependencyCycleBesideAHealthyBranch() {
        assertCycle("Dependency cycle is detected in revisions (a, b, c)",
                CycleDetectedException.Kind.DEPENDENCY_CYCLE,
                rev("c").down("b"), rev("a").deps("c"), rev("b").down("a"), rev("d"), rev("e").down("d"));
    }

    @Test
    void dependencyCycleBelowAChain() {
        assertCycle("Dependency cycle is detected in revisions (a, b, c, d, e)",
                CycleDetectedException.Kind.DEPENDENCY_CYCLE,
                rev("a").deps("c"), rev("b").down("a"), rev("c").down("b"), rev("d").down("c"), rev("e").down("d"));
    }

    @Test
    void dependencyCycleAboveAChainHasNoRealHead() {
        assertCycle("Dependency cycle is detected in revisions (e, a, b, c, d)",
                CycleDetectedException.Kind.DEPENDENCY_CYCLE,
                rev("e").down("d"), rev("a"), rev("b").down("a"), rev("c").down("b").deps("e"), rev("d").down("c"));
    }

    @Test
    void dependencyCycleThroughALabel() {
        assertCycle("Dependency cycle is detected in revisions (a, b)",
                CycleDetectedException.Kind.DEPENDENCY_CYCLE,
                rev("a").labels("lbl").deps("b"), rev("b").deps("lbl"), rev("c"));
    }

    @Test
    void cyclesAlongDownRevisionsAreReportedBeforeDependencyCycles() {
        assertCycle("Cycle is detected in revisions (x, y)", CycleDetectedException.Kind.CYCLE,
                rev("a").deps("c"), rev("b").down("a"), rev("c").down("b"),
                rev("x").down("y"), rev("y").down("x"), rev("z"));
    }

    @Test
    void dependenciesBetweenIndependentBranchesAreNoCycle() {
        RevisionGraph map = graph(rev("a1"), rev("a2").down("a1").deps("b1"), rev("b1"), rev("b2").down("b1").deps("a1"));
        assertThat(map.heads()).containsExactly("a2", "b2");
    }

    private static void assertCycle(String message, CycleDetectedException.Kind kind, Object... revisions) {
        assertThatThrownBy(() -> graph(revisions))
                .isInstanceOf(CycleDetectedException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(((CycleDetectedException) e).kind()).isEqualTo(kind));
    }
}
