package io.samokoder.migrations.plan;

import io.samokoder.migrations.graph.GraphArrays;
import io.samokoder.migrations.graph.RevisionGraph;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The revision graph as int arrays indexed by load position, so that every walk of the planner is
 * over primitive arrays. The arrays are the graph's own ({@link RevisionGraph#arrays()}), shared, never
 * written; only the levels are the planner's, computed on first use. Thread-safe.
 */
final class GraphIndex {

    final RevisionGraph graph;
    private final GraphArrays arrays;
    final int size;
    final String[] ids;
    /** Down revisions (no dependencies), as declared. */
    final int[][] parents;
    /** Down revisions followed by normalised dependencies (Alembic's normalized down revisions). */
    final int[][] normDown;
    /** Revisions naming this one as a down revision; load order. */
    final int[][] children;
    /** Revisions naming this one as a down revision or dependency; load order. */
    final int[][] allChildren;
    /** Down revisions followed by dependencies, deduplicated. */
    final int[][] allDown;
    final int[] heads;
    final int[] realHeads;
    final int[] bases;
    /** See {@link #level()}; null until first used. */
    private volatile int[] level;

    GraphIndex(RevisionGraph graph) {
        this.graph = graph;
        this.arrays = graph.arrays();
        this.size = this.arrays.size();
        this.ids = this.arrays.ids();
        this.parents = this.arrays.parents();
        this.normDown = this.arrays.normalizedDown();
        this.allDown = this.arrays.allDown();
        this.children = this.arrays.children();
        this.allChildren = this.arrays.allChildren();
        this.heads = this.arrays.heads();
        this.realHeads = this.arrays.realHeads();
        this.bases = this.arrays.bases();
    }

    /** The reverse of {@link #normDown}; load order. */
    int[][] normChildren() {
        return this.arrays.normalizedChildren();
    }

    /**
     * Longest path from a root along {@link #normDown}: a strict ancestor always has a smaller level.
     * Computed on first use (only some moves need it); racing threads compute the same array.
     */
    int[] level() {
        int[] result = this.level;
        if (result == null) {
            result = levels();
            this.level = result;
        }
        return result;
    }

    int node(String id) {
        return this.graph.loadIndex(id);
    }

    boolean contains(String id) {
        return this.graph.contains(id);
    }

    /** The ids of the nodes, as an immutable list (which {@code List.copyOf} keeps as it is). */
    List<String> names(int[] nodes) {
        if (nodes.length == 0) {
            return List.of();
        }
        if (nodes.length == 1) {
            return List.of(this.ids[nodes[0]]);
        }
        String[] result = new String[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            result[i] = this.ids[nodes[i]];
        }
        return List.of(result);
    }

    /** Ancestors along normalised down revisions (dependencies included), starts included. */
    BitSet ancestors(int... starts) {
        return reach(starts, this.normDown);
    }

    /** Ancestors along down revisions only, starts included. */
    BitSet ancestorsNoDeps(int... starts) {
        return reach(starts, this.parents);
    }

    /** Descendants along children and dependents, starts included. */
    BitSet descendants(int... starts) {
        return reach(starts, this.allChildren);
    }

    /** Descendants along children only, starts included. */
    BitSet descendantsNoDeps(int... starts) {
        return reach(starts, this.children);
    }

    /**
     * Whether {@code ancestor} is reachable from {@code from} along normalised down revisions
     * ({@code from} itself counts). Prunes by level, so the walk stays between the two levels.
     */
    boolean isAncestor(int ancestor, int from) {
        if (ancestor == from) {
            return true;
        }
        int[] level = level();
        int floor = level[ancestor];
        if (level[from] <= floor) {
            return false;
        }
        BitSet seen = new BitSet();
        int[] stack = new int[16];
        int top = 0;
        stack[top++] = from;
        seen.set(from);
        while (top > 0) {
            int node = stack[--top];
            for (int down : this.normDown[node]) {
                if (down == ancestor) {
                    return true;
                }
                if (level[down] > floor && !seen.get(down)) {
                    seen.set(down);
                    if (top == stack.length) {
                        stack = Arrays.copyOf(stack, top * 2);
                    }
                    stack[top++] = down;
                }
            }
        }
        return false;
    }

    static BitSet reach(int[] starts, int[][] edges) {
        return GraphArrays.reach(starts, edges);
    }

    /** Longest-path levels by Kahn's algorithm over normalised down edges. */
    private int[] levels() {
        int[] result = new int[this.size];
        int[] pending = new int[this.size];
        int[] queue = new int[this.size];
        int[][] normChildren = normChildren();
        int tail = 0;
        for (int i = 0; i < this.size; i++) {
            pending[i] = this.normDown[i].length;
            if (pending[i] == 0) {
                queue[tail++] = i;
            }
        }
        for (int head = 0; head < tail; head++) {
            int node = queue[head];
            for (int up : normChildren[node]) {
                result[up] = Math.max(result[up], result[node] + 1);
                if (--pending[up] == 0) {
                    queue[tail++] = up;
                }
            }
        }
        return result;
    }
}
