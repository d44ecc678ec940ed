package io.samokoder.migrations.graph;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Normalised dependencies (spec §1.5): a revision's dependencies minus those already declared by
 * one of its strict ancestors along down revisions.
 *
 * <p>Rather than collect inherited dependency sets per revision (quadratic on long chains), it
 * works per dependency target: only a target with two or more dependents can be dropped, and a
 * dependent drops it exactly when it descends from another dependent. One bounded sweep down the
 * children from all dependents of that target finds those.
 */
final class DependencyNormalizer {

    private DependencyNormalizer() {
    }

    /**
     * Computes the normalised dependencies of every revision.
     *
     * @param topology the linked map (acyclic)
     * @param topologicalPosition each revision's position in a parents-first order
     */
    static int[][] normalize(Topology topology, int[] topologicalPosition) {
        int size = topology.size();
        Map<Integer, BitSet> dropped = new HashMap<>();
        int[] visitedMark = new int[size];
        int[] sourceMark = new int[size];
        int mark = 0;
        int[] queue = new int[size];
        for (int target = 0; target < size; target++) {
            int[] dependents = topology.dependents[target];
            if (dependents.length < 2) {
                continue;
            }
            mark++;
            int limit = 0;
            for (int dependent : dependents) {
                sourceMark[dependent] = mark;
                limit = Math.max(limit, topologicalPosition[dependent]);
            }
            int tail = 0;
            for (int dependent : dependents) {
                tail = enqueueChildren(topology, dependent, limit, topologicalPosition, visitedMark, mark, queue, tail);
            }
            for (int head = 0; head < tail; head++) {
                int node = queue[head];
                if (sourceMark[node] == mark) {
                    BitSet drops = dropped.get(node);
                    if (drops == null) {
                        drops = new BitSet();
                        dropped.put(node, drops);
                    }
                    drops.set(target);
                }
                tail = enqueueChildren(topology, node, limit, topologicalPosition, visitedMark, mark, queue, tail);
            }
        }
        int[][] normalized = new int[size][];
        for (int node = 0; node < size; node++) {
            BitSet drops = dropped.get(node);
            int[] dependencies = topology.dependencies[node];
            normalized[node] = drops == null ? dependencies : without(dependencies, drops);
        }
        return normalized;
    }

    private static int[] without(int[] values, BitSet excluded) {
        int[] kept = new int[values.length];
        int count = 0;
        for (int value : values) {
            if (!excluded.get(value)) {
                kept[count++] = value;
            }
        }
        return Arrays.copyOf(kept, count);
    }

    /** Appends the unvisited children within the limit; each node enters the queue once per target. */
    private static int enqueueChildren(Topology topology, int node, int limit, int[] topologicalPosition,
            int[] visitedMark, int mark, int[] queue, int tail) {
        int end = tail;
        for (int child : topology.children[node]) {
            if (visitedMark[child] != mark && topologicalPosition[child] <= limit) {
                visitedMark[child] = mark;
                queue[end++] = child;
            }
        }
        return end;
    }
}
