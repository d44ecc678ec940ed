package io.samokoder.migrations.plan;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** Conversions between the planner's node sets: bit sets, arrays and lists of positions. */
final class Nodes {

    private Nodes() {
    }

    /** The set's nodes, ascending. */
    static int[] of(BitSet set) {
        int[] result = new int[set.cardinality()];
        int i = 0;
        for (int node = set.nextSetBit(0); node >= 0; node = set.nextSetBit(node + 1)) {
            result[i++] = node;
        }
        return result;
    }

    /** The nodes that name a revision (not base or none). */
    static int[] known(List<Integer> nodes) {
        TopologicalOrder.IntList result = new TopologicalOrder.IntList();
        for (int node : nodes) {
            if (node >= 0) {
                result.add(node);
            }
        }
        return result.toArray();
    }

    /** The nodes that name a revision (not base or none). */
    static int[] known(int[] nodes) {
        TopologicalOrder.IntList result = new TopologicalOrder.IntList();
        for (int node : nodes) {
            if (node >= 0) {
                result.add(node);
            }
        }
        return result.toArray();
    }

    /** The nodes as a list. */
    static List<Integer> boxed(int[] nodes) {
        List<Integer> result = new ArrayList<>(nodes.length);
        for (int node : nodes) {
            result.add(node);
        }
        return result;
    }
}
