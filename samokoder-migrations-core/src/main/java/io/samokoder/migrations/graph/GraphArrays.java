package io.samokoder.migrations.graph;

import java.util.BitSet;

/**
 * A {@link RevisionGraph}'s links as int arrays indexed by load position (see
 * {@link RevisionGraph#loadIndex(String)}), for code that walks the whole map many times, such as the
 * planner. Element {@code [n]} of an edge array lists the neighbours of revision {@code n}; reverse
 * edges ({@code children}, ...) are in load order, forward edges in declared order.
 *
 * <p>The arrays are the graph's own, shared and not copied, so that this view costs nothing to get:
 * read them, never write to them.
 */
public final class GraphArrays {

    private final Topology topology;
    private final int[][] normalizedDown;
    private final int[] heads;
    private final int[] realHeads;
    private final int[] bases;
    /** Built on first use when some dependency was normalised away; otherwise {@code allChildren}. */
    private volatile int[][] normalizedChildren;

    GraphArrays(Topology topology, int[][] normalizedDown, boolean normalizedIsAllDown, int[] heads,
            int[] realHeads, int[] bases) {
        this.topology = topology;
        this.normalizedDown = normalizedDown;
        this.heads = heads;
        this.realHeads = realHeads;
        this.bases = bases;
        this.normalizedChildren = normalizedIsAllDown ? topology.allChildren : null;
    }

    /** The number of revisions. */
    public int size() {
        return this.topology.size();
    }

    /** Revision ids by load position. */
    public String[] ids() {
        return this.topology.ids;
    }

    /** Down revisions as declared, duplicates removed. */
    public int[][] parents() {
        return this.topology.parents;
    }

    /** Down revisions followed by dependencies, duplicates removed. */
    public int[][] allDown() {
        return this.topology.allDown;
    }

    /** Down revisions followed by normalised dependencies (spec §1.5), duplicates removed. */
    public int[][] normalizedDown() {
        return this.normalizedDown;
    }

    /** The reverse of {@link #parents()}. */
    public int[][] children() {
        return this.topology.children;
    }

    /** The reverse of {@link #allDown()}. */
    public int[][] allChildren() {
        return this.topology.allChildren;
    }

    /** The reverse of {@link #normalizedDown()}. */
    public int[][] normalizedChildren() {
        int[][] result = this.normalizedChildren;
        if (result == null) {
            result = Topology.invert(this.normalizedDown);
            this.normalizedChildren = result;
        }
        return result;
    }

    /** {@link RevisionGraph#heads()} as positions. */
    public int[] heads() {
        return this.heads;
    }

    /** {@link RevisionGraph#realHeads()} as positions. */
    public int[] realHeads() {
        return this.realHeads;
    }

    /** {@link RevisionGraph#bases()} as positions. */
    public int[] bases() {
        return this.bases;
    }

    /**
     * Everything reachable from the starts along the edges, the starts included.
     *
     * @param starts positions to start from
     * @param edges one of this view's edge arrays
     * @return the positions reached; a new set the caller owns
     */
    public static BitSet reach(int[] starts, int[][] edges) {
        return Topology.reach(starts, edges);
    }
}
