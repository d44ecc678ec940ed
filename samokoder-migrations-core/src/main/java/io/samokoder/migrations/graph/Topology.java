package io.samokoder.migrations.graph;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The linked revision map as int arrays indexed by load position: the edges that every other
 * piece of the graph package walks. Arrays of neighbours are sorted by load position. Never
 * modified after {@link RevisionGraphBuilder} fills it.
 */
final class Topology {

    final String[] ids;
    /** Down revisions, deduplicated, in declared order. */
    final int[][] parents;
    /** Dependencies resolved to revisions, deduplicated, in declared order. */
    final int[][] dependencies;
    /** Parents followed by dependencies, deduplicated, in that order. */
    final int[][] allDown;
    /** Revisions listing this one as a down revision. */
    final int[][] children;
    /** Revisions listing this one as a down revision or a dependency. */
    final int[][] allChildren;
    /** Revisions listing this one as a dependency. */
    final int[][] dependents;
    /** Whether the script declares any dependency (Alembic's real-base test looks at the declaration). */
    final boolean[] declaresDependencies;

    Topology(String[] ids, int[][] parents, int[][] dependencies, int[][] allDown, int[][] children,
            int[][] allChildren, int[][] dependents, boolean[] declaresDependencies) {
        this.ids = ids;
        this.parents = parents;
        this.dependencies = dependencies;
        this.allDown = allDown;
        this.children = children;
        this.allChildren = allChildren;
        this.dependents = dependents;
        this.declaresDependencies = declaresDependencies;
    }

    int size() {
        return this.ids.length;
    }

    /** Everything reachable from the starts along the edges, starts included; iterative. */
    static BitSet reach(int[] starts, int[][] edges) {
        BitSet seen = new BitSet(edges.length);
        int[] stack = new int[Math.max(16, starts.length)];
        int top = 0;
        for (int start : starts) {
            if (!seen.get(start)) {
                seen.set(start);
                stack = push(stack, top++, start);
            }
        }
        while (top > 0) {
            int node = stack[--top];
            for (int next : edges[node]) {
                if (!seen.get(next)) {
                    seen.set(next);
                    stack = push(stack, top++, next);
                }
            }
        }
        return seen;
    }

    private static int[] push(int[] stack, int top, int value) {
        int[] target = top < stack.length ? stack : Arrays.copyOf(stack, stack.length * 2);
        target[top] = value;
        return target;
    }

    /** The reverse edges; iterating sources in load order keeps every array sorted. */
    static int[][] invert(int[][] edges) {
        int size = edges.length;
        int[] counts = new int[size];
        for (int[] targets : edges) {
            for (int target : targets) {
                counts[target]++;
            }
        }
        int[][] inverse = new int[size][];
        for (int index = 0; index < size; index++) {
            inverse[index] = counts[index] == 0 ? NONE : new int[counts[index]];
            counts[index] = 0;
        }
        for (int source = 0; source < size; source++) {
            for (int target : edges[source]) {
                inverse[target][counts[target]++] = source;
            }
        }
        return inverse;
    }

    /** The shared empty neighbour array. */
    static final int[] NONE = new int[0];

    /** Reach from one start. */
    static BitSet reach(int start, int[][] edges) {
        return reach(new int[] {start}, edges);
    }
}
