package io.samokoder.migrations.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Long chains and big maps: everything is iterative, so nothing overflows the stack. */
class LargeGraphTest {

    private static final int CHAIN = 100_000;

    @Test
    void hundredThousandLongChainBuildsAndWalks() {
        List<Revision> revisions = new ArrayList<>(CHAIN);
        revisions.add(new Revision("r0", List.of(), Set.of("trunk"), List.of(), "", ""));
        for (int i = 1; i < CHAIN; i++) {
            revisions.add(Revision.of("r" + i, "r" + (i - 1)));
        }
        RevisionGraph graph = RevisionGraph.of(revisions);
        String tip = "r" + (CHAIN - 1);
        assertThat(graph.heads()).containsExactly(tip);
        assertThat(graph.bases()).containsExactly("r0");
        assertThat(graph.ancestors(tip)).hasSize(CHAIN);
        assertThat(graph.descendants("r0")).hasSize(CHAIN);
        assertThat(graph.branchLabels(tip)).containsExactly("trunk");
    }

    @Test
    void labelOnTheTipOfALongChainWalksDownToTheDependencyTarget() {
        List<Revision> revisions = new ArrayList<>(CHAIN);
        revisions.add(Revision.of("r0"));
        for (int i = 1; i < CHAIN - 1; i++) {
            revisions.add(Revision.of("r" + i, "r" + (i - 1)));
        }
        revisions.add(new Revision("tip", List.of("r" + (CHAIN - 2)), Set.of("top"), List.of("r0"), "", ""));
        RevisionGraph graph = RevisionGraph.of(revisions);
        // r0 has a child and a dependent: a real branch point, so the walk stops just above it
        assertThat(graph.branchLabels("r1")).containsExactly("top");
        assertThat(graph.branchLabels("r0")).isEmpty();
        assertThat(graph.normalizedDependencies("tip")).containsExactly("r0");
        assertThat(graph.realHeads()).containsExactly("tip");
    }

    @Test
    void longChainWithADependencyOnEveryRevisionNormalises() {
        List<Revision> revisions = new ArrayList<>();
        revisions.add(Revision.of("t"));
        revisions.add(new Revision("c0", List.of(), Set.of(), List.of("t"), "", ""));
        int length = 50_000;
        for (int i = 1; i < length; i++) {
            revisions.add(new Revision("c" + i, List.of("c" + (i - 1)), Set.of(), List.of("t"), "", ""));
        }
        RevisionGraph graph = RevisionGraph.of(revisions);
        assertThat(graph.normalizedDependencies("c0")).containsExactly("t");
        assertThat(graph.normalizedDependencies("c1")).isEmpty();
        assertThat(graph.normalizedDown("c" + (length - 1))).containsExactly("c" + (length - 2));
        assertThat(graph.ancestors("c" + (length - 1))).hasSize(length + 1);
    }

    @Test
    void fiftyThousandRevisionsWithBranchesMergesAndDependencies() {
        int branches = 50;
        int perBranch = 1_000;
        List<Revision> revisions = new ArrayList<>();
        revisions.add(Revision.of("root"));
        for (int b = 0; b < branches; b++) {
            for (int i = 0; i < perBranch; i++) {
                String id = "b" + b + "_" + i;
                List<String> down = i == 0 ? List.of("root") : List.of("b" + b + "_" + (i - 1));
                if (i == perBranch / 2 && b > 0) {
                    down = List.of("b" + b + "_" + (i - 1), "b" + (b - 1) + "_" + (i - 1));
                }
                List<String> deps = i % 100 == 99 && b > 0 ? List.of("b" + (b - 1) + "_" + i) : List.of();
                Set<String> labels = i == 0 ? Set.of("branch" + b) : Set.of();
                revisions.add(new Revision(id, down, labels, deps, "", ""));
            }
        }
        RevisionGraph graph = RevisionGraph.of(revisions);
        assertThat(graph.size()).isEqualTo(branches * perBranch + 1);
        assertThat(graph.heads()).hasSize(branches);
        assertThat(graph.realHeads()).containsExactly("b" + (branches - 1) + "_" + (perBranch - 1));
        assertThat(graph.isBranchPoint("root")).isTrue();
        assertThat(graph.isMergePoint("b1_500")).isTrue();
        assertThat(graph.branchLabels("b1_999")).containsExactlyInAnyOrder("branch0", "branch1");
        assertThat(graph.branchLabels("b0_999")).containsExactly("branch0");
        assertThat(graph.branchLabels("root")).isEmpty();
        assertThat(graph.ancestors("b" + (branches - 1) + "_" + (perBranch - 1))).hasSize(graph.size());
    }
}
