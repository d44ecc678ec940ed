package io.samokoder.migrations.graph;

import static io.samokoder.migrations.graph.Revs.graph;
import static io.samokoder.migrations.graph.Revs.rev;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The int-array view agrees with the id API, with and without normalised-away dependencies. */
class GraphArraysTest {

    @Test
    void agreesWithTheIdApiWhenADependencyIsNormalisedAway() {
        // b4 depends on a3, which its ancestor b2 already declares: normalizedDown differs from allDown.
        RevisionGraph map = graph(rev("a1"), rev("a2").down("a1"), rev("a3").down("a2"), rev("b1"),
                rev("b2").down("b1").deps("a3"), rev("b3").down("b2"), rev("b4").down("b3").deps("a3"),
                rev("m").down("a3", "b4"));
        assertAgrees(map);
        GraphArrays arrays = map.arrays();
        assertThat(names(arrays, arrays.normalizedChildren()[map.loadIndex("a3")])).containsExactly("b2", "m");
        assertThat(names(arrays, arrays.allChildren()[map.loadIndex("a3")])).containsExactly("b2", "b4", "m");
    }

    @Test
    void agreesWithTheIdApiWhenNothingIsNormalisedAway() {
        RevisionGraph map = graph(rev("a"), rev("b").down("a"), rev("c").down("a").deps("b"), rev("d").down("b", "c"),
                rev("e"));
        assertAgrees(map);
        assertThat(map.arrays().normalizedChildren()).isSameAs(map.arrays().allChildren());
    }

    private static void assertAgrees(RevisionGraph map) {
        GraphArrays arrays = map.arrays();
        assertThat(arrays.size()).isEqualTo(map.size());
        assertThat(names(arrays, arrays.heads())).isEqualTo(map.heads());
        assertThat(names(arrays, arrays.realHeads())).isEqualTo(map.realHeads());
        assertThat(names(arrays, arrays.bases())).isEqualTo(map.bases());
        for (Revision revision : map.revisions()) {
            String id = revision.id();
            int node = map.loadIndex(id);
            assertThat(arrays.ids()[node]).isEqualTo(id);
            assertThat(names(arrays, arrays.parents()[node])).isEqualTo(map.parents(id));
            assertThat(names(arrays, arrays.allDown()[node])).isEqualTo(map.allDown(id));
            assertThat(names(arrays, arrays.normalizedDown()[node])).isEqualTo(map.normalizedDown(id));
            assertThat(names(arrays, arrays.children()[node])).isEqualTo(map.children(id));
            assertThat(names(arrays, arrays.allChildren()[node])).isEqualTo(map.allChildren(id));
            List<String> normalizedChildren = new ArrayList<>();
            for (Revision other : map.revisions()) {
                if (map.normalizedDown(other.id()).contains(id)) {
                    normalizedChildren.add(other.id());
                }
            }
            assertThat(names(arrays, arrays.normalizedChildren()[node])).isEqualTo(normalizedChildren);
            assertThat(names(arrays, GraphArrays.reach(new int[] {node}, arrays.normalizedDown())))
                    .containsExactlyInAnyOrderElementsOf(map.ancestors(id));
        }
    }

    private static List<String> names(GraphArrays arrays, int[] nodes) {
        List<String> result = new ArrayList<>();
        for (int node : nodes) {
            result.add(arrays.ids()[node]);
        }
        return result;
    }

    private static List<String> names(GraphArrays arrays, java.util.BitSet nodes) {
        List<String> result = new ArrayList<>();
        for (int node = nodes.nextSetBit(0); node >= 0; node = nodes.nextSetBit(node + 1)) {
            result.add(arrays.ids()[node]);
        }
        return result;
    }
}
