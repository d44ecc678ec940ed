package io.samokoder.migrations.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;

/**
 * Alembic's cycle detection (spec §1.6), followed by a topological sort that also catches the
 * cycles Alembic's reachability sweep cannot see. Yields the topological order of down revisions.
 */
final class CycleDetector {

    private CycleDetector() {
    }

    /**
     * Checks the map and returns its revisions in an order where every revision comes after all its
     * down revisions (roots first, ties in load order).
     */
    static int[] check(Topology topology) {
        int size = topology.size();
        if (size == 0) {
            return new int[0];
        }
        // In an acyclic map every revision lies below a head and above a base, so both of Alembic's
        // sweeps pass whenever both sorts do: the sweeps run only to report a cycle as Alembic would.
        int[] order = kahn(topology.parents, topology.children);
        if (order.length == size && kahn(topology.allDown, topology.allChildren).length == size) {
            return order;
        }
        sweep(topology, topology.parents, topology.children, heads(topology), bases(topology),
                CycleDetectedException.Kind.CYCLE);
        sweep(topology, topology.allDown, topology.allChildren, realHeads(topology), realBases(topology),
                CycleDetectedException.Kind.DEPENDENCY_CYCLE);
        topologicalOrder(topology, topology.parents, topology.children, CycleDetectedException.Kind.CYCLE);
        topologicalOrder(topology, topology.allDown, topology.allChildren,
                CycleDetectedException.Kind.DEPENDENCY_CYCLE);
        throw new IllegalStateException("A sort failed but no cycle was found");
    }

    private static void sweep(Topology topology, int[][] down, int[][] up, int[] heads, int[] bases,
            CycleDetectedException.Kind kind) {
        if (heads.length == 0 || bases.length == 0) {
            throw new CycleDetectedException(kind, List.of(topology.ids));
        }
        BitSet fromHeads = Topology.reach(heads, down);
        fromHeads.and(Topology.reach(bases, up));
        if (fromHeads.cardinality() < topology.size()) {
            fromHeads.flip(0, topology.size());
            throw new CycleDetectedException(kind, sortedIds(topology, fromHeads));
        }
    }

    private static int[] topologicalOrder(Topology topology, int[][] down, int[][] up,
            CycleDetectedException.Kind kind) {
        int size = topology.size();
        int[] order = kahn(down, up);
        if (order.length == size) {
            return order;
        }
        BitSet removed = new BitSet(size);
        for (int node : order) {
            removed.set(node);
        }
        for (int node : kahn(up, down)) {
            removed.set(node);
        }
        removed.flip(0, size);
        throw new CycleDetectedException(kind, sortedIds(topology, removed));
    }

    /** Nodes whose incoming edges (given by {@code before}) are all satisfied, in a FIFO order. */
    private static int[] kahn(int[][] before, int[][] after) {
        int size = before.length;
        int[] waiting = new int[size];
        int[] order = new int[size];
        int tail = 0;
        for (int node = 0; node < size; node++) {
            waiting[node] = before[node].length;
            if (waiting[node] == 0) {
                order[tail++] = node;
            }
        }
        for (int head = 0; head < tail; head++) {
            for (int next : after[order[head]]) {
                if (--waiting[next] == 0) {
                    order[tail++] = next;
                }
            }
        }
        return tail == size ? order : Arrays.copyOf(order, tail);
    }

    private static List<String> sortedIds(Topology topology, BitSet nodes) {
        List<String> result = new ArrayList<>(nodes.cardinality());
        for (int node = nodes.nextSetBit(0); node >= 0; node = nodes.nextSetBit(node + 1)) {
            result.add(topology.ids[node]);
        }
        Collections.sort(result);
        return result;
    }

    static int[] heads(Topology topology) {
        return select(topology, HEADS);
    }

    static int[] realHeads(Topology topology) {
        return select(topology, REAL_HEADS);
    }

    static int[] bases(Topology topology) {
        return select(topology, BASES);
    }

    static int[] realBases(Topology topology) {
        return select(topology, REAL_BASES);
    }

    private static final int HEADS = 0;
    private static final int REAL_HEADS = 1;
    private static final int BASES = 2;
    private static final int REAL_BASES = 3;

    /** Plain conditions rather than lambdas: nothing to bootstrap on a cold start. */
    private static boolean test(Topology topology, int kind, int node) {
        return switch (kind) {
            case HEADS -> topology.children[node].length == 0;
            case REAL_HEADS -> topology.allChildren[node].length == 0;
            case BASES -> topology.parents[node].length == 0;
            default -> topology.parents[node].length == 0 && !topology.declaresDependencies[node];
        };
    }

    private static int[] select(Topology topology, int kind) {
        int[] selected = new int[topology.size()];
        int count = 0;
        for (int node = 0; node < selected.length; node++) {
            if (test(topology, kind, node)) {
                selected[count++] = node;
            }
        }
        return Arrays.copyOf(selected, count);
    }
}
