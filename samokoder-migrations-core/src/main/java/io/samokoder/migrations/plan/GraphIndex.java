package io.samokoder.migrations.plan;

import io.samokoder.migrations.graph.RevisionGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The revision graph as int arrays indexed by load position, built once per {@link Planner}, so
 * that every walk of the planner is over primitive arrays. Immutable after construction.
 */
final class GraphIndex {

    final RevisionGraph graph;
    final int size;
    final String[] ids;
    final Map<String, Integer> indexById;
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
    /** The reverse of {@link #normDown}; load order. */
    final int[][] normChildren;
    /** Longest path from a root along {@link #normDown}: a strict ancestor always has a smaller level. */
    final int[] level;
    final int[] heads;
    final int[] realHeads;
    final int[] bases;

    GraphIndex(RevisionGraph graph) {
        this.graph = graph;
        this.size = graph.size();
        this.ids = new String[this.size];
        this.indexById = new HashMap<>(Math.max(16, this.size * 2));
        for (int i = 0; i < this.size; i++) {
            this.ids[i] = graph.revisions().get(i).id();
            this.indexById.put(this.ids[i], i);
        }
        this.parents = new int[this.size][];
        this.normDown = new int[this.size][];
        this.allDown = new int[this.size][];
        for (int i = 0; i < this.size; i++) {
            String id = this.ids[i];
            this.parents[i] = nodes(graph.parents(id));
            this.normDown[i] = nodes(graph.normalizedDown(id));
            this.allDown[i] = nodes(graph.allDown(id));
        }
        this.children = reverse(this.parents);
        this.allChildren = reverse(this.allDown);
        this.normChildren = reverse(this.normDown);
        this.level = levels();
        this.heads = nodes(graph.heads());
        this.realHeads = nodes(graph.realHeads());
        this.bases = nodes(graph.bases());
    }

    /** The reverse edges, each list in load order. */
    private static int[][] reverse(int[][] edges) {
        int[] counts = new int[edges.length];
        for (int[] targets : edges) {
            for (int target : targets) {
                counts[target]++;
            }
        }
        int[][] result = new int[edges.length][];
        for (int i = 0; i < edges.length; i++) {
            result[i] = new int[counts[i]];
        }
        int[] fill = new int[edges.length];
        for (int source = 0; source < edges.length; source++) {
            for (int target : edges[source]) {
                result[target][fill[target]++] = source;
            }
        }
        return result;
    }

    int node(String id) {
        Integer node = this.indexById.get(id);
        if (node == null) {
            throw new IllegalArgumentException("No revision with id '" + id + "'");
        }
        return node;
    }

    boolean contains(String id) {
        return this.indexById.containsKey(id);
    }

    int[] nodes(List<String> revisionIds) {
        int[] result = new int[revisionIds.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = node(revisionIds.get(i));
        }
        return result;
    }

    List<String> names(int[] nodes) {
        List<String> result = new ArrayList<>(nodes.length);
        for (int node : nodes) {
            result.add(this.ids[node]);
        }
        return result;
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
        int floor = this.level[ancestor];
        if (this.level[from] <= floor) {
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
                if (this.level[down] > floor && !seen.get(down)) {
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
        BitSet seen = new BitSet(edges.length);
        int[] stack = new int[Math.max(16, starts.length)];
        int top = 0;
        for (int start : starts) {
            if (!seen.get(start)) {
                seen.set(start);
                if (top == stack.length) {
                    stack = Arrays.copyOf(stack, top * 2);
                }
                stack[top++] = start;
            }
        }
        while (top > 0) {
            int node = stack[--top];
            for (int next : edges[node]) {
                if (!seen.get(next)) {
                    seen.set(next);
                    if (top == stack.length) {
                        stack = Arrays.copyOf(stack, top * 2);
                    }
                    stack[top++] = next;
                }
            }
        }
        return seen;
    }

    /** Longest-path levels by Kahn's algorithm over normalised down edges. */
    private int[] levels() {
        int[] result = new int[this.size];
        int[] pending = new int[this.size];
        int[] queue = new int[this.size];
        int tail = 0;
        for (int i = 0; i < this.size; i++) {
            pending[i] = this.normDown[i].length;
            if (pending[i] == 0) {
                queue[tail++] = i;
            }
        }
        for (int head = 0; head < tail; head++) {
            int node = queue[head];
            for (int up : this.normChildren[node]) {
                result[up] = Math.max(result[up], result[node] + 1);
                if (--pending[up] == 0) {
                    queue[tail++] = up;
                }
            }
        }
        return result;
    }
}
