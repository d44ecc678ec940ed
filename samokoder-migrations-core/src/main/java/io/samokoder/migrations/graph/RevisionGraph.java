package io.samokoder.migrations.graph;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The revision map: every revision of a migration history, validated and linked, with heads,
 * bases, branch labels and ancestry. Pure and immutable; safe to share between threads.
 *
 * <p>Query methods take and return revision ids. Lists are in load order (the order given to
 * {@link #of(List)}); sets of ids iterate in load order too.
 */
public final class RevisionGraph {

    private final List<Revision> revisions;
    private final Topology topology;
    private final int[][] normalizedDependencies;
    private final int[][] normalizedDown;
    private final List<Set<String>> branchLabels;
    private final IdIndex indexById;
    /** Branch labels to the revision declaring them; never an id, so keys are looked up in both maps. */
    private final Map<String, Integer> indexByLabel;
    /** Sorted on first use: only prefix lookups need it, and sorting every id costs more than building the map. */
    private volatile List<String> keys;
    private final List<String> heads;
    private final List<String> realHeads;
    private final List<String> bases;
    private final List<String> realBases;
    private final GraphArrays arrays;

    RevisionGraph(List<Revision> revisions, Topology topology, int[][] normalizedDependencies,
            List<Set<String>> branchLabels, IdIndex indexById, Map<String, Integer> indexByLabel) {
        this.revisions = revisions;
        this.topology = topology;
        this.normalizedDependencies = normalizedDependencies;
        this.normalizedDown = new int[topology.size()][];
        boolean normalizedIsAllDown = true;
        for (int node = 0; node < topology.size(); node++) {
            if (normalizedDependencies[node] == topology.dependencies[node]) {
                // Nothing normalised away (the normaliser returns the declared array): parents then
                // dependencies, deduplicated, is exactly allDown.
                this.normalizedDown[node] = topology.allDown[node];
            } else {
                this.normalizedDown[node] = concatDistinct(topology.parents[node], normalizedDependencies[node]);
                normalizedIsAllDown = false;
            }
        }
        this.branchLabels = branchLabels;
        this.indexById = indexById;
        this.indexByLabel = indexByLabel;
        int[] headNodes = CycleDetector.heads(topology);
        int[] realHeadNodes = CycleDetector.realHeads(topology);
        int[] baseNodes = CycleDetector.bases(topology);
        this.heads = names(headNodes);
        this.realHeads = names(realHeadNodes);
        this.bases = names(baseNodes);
        this.realBases = names(CycleDetector.realBases(topology));
        this.arrays = new GraphArrays(topology, this.normalizedDown, normalizedIsAllDown, headNodes, realHeadNodes,
                baseNodes);
    }

    /**
     * Validates and links the revisions (spec §1): ids, self-loops, duplicates, branch labels,
     * dependencies, missing down revisions and cycles, in that order.
     *
     * @param revisionsInLoadOrder the revisions in load order, which breaks every tie later
     * @return the graph
     * @throws RevisionException (a subclass of it) for the first problem found
     */
    public static RevisionGraph of(List<Revision> revisionsInLoadOrder) {
        return RevisionGraphBuilder.build(revisionsInLoadOrder);
    }

    /** The number of revisions. */
    public int size() {
        return this.revisions.size();
    }

    /** All revisions, in load order. */
    public List<Revision> revisions() {
        return this.revisions;
    }

    /** Whether a revision has this exact id (branch labels do not count). */
    public boolean contains(String id) {
        return this.indexById.get(id) >= 0;
    }

    /**
     * The revision with this exact id.
     *
     * @throws IllegalArgumentException if there is none; check with {@link #contains(String)}
     */
    public Revision revision(String id) {
        return this.revisions.get(index(id));
    }

    /**
     * The position of a revision in load order.
     *
     * @throws IllegalArgumentException if there is no revision with this id
     */
    public int loadIndex(String id) {
        return index(id);
    }

    /** The revision an exact key names: its own id, or the revision declaring a branch label. */
    public Optional<String> revisionForKey(String key) {
        int id = this.indexById.get(key);
        Integer node = id >= 0 ? Integer.valueOf(id) : null;
        if (node == null) {
            node = this.indexByLabel.get(key);
        }
        return node == null ? Optional.empty() : Optional.of(this.topology.ids[node]);
    }

    /** Every lookup key (revision ids and branch labels), sorted. */
    public List<String> keys() {
        List<String> sorted = this.keys;
        if (sorted == null) {
            String[] all = new String[this.indexById.size() + this.indexByLabel.size()];
            int count = 0;
            for (String id : this.indexById.ids()) {
                all[count++] = id;
            }
            for (String label : this.indexByLabel.keySet()) {
                all[count++] = label;
            }
            Arrays.sort(all);
            sorted = Collections.unmodifiableList(Arrays.asList(all));
            this.keys = sorted;
        }
        return sorted;
    }

    /**
     * The links as int arrays by load position, shared with the graph (read them, never write them):
     * for code that walks the whole map many times, such as the planner.
     */
    public GraphArrays arrays() {
        return this.arrays;
    }

    /** Revisions no other revision names as a down revision, effective heads included; load order. */
    public List<String> heads() {
        return this.heads;
    }

    /** Revisions no other revision names as a down revision or a dependency; load order. */
    public List<String> realHeads() {
        return this.realHeads;
    }

    /** Revisions without down revisions (they may have dependencies); load order. */
    public List<String> bases() {
        return this.bases;
    }

    /** Revisions without down revisions and without dependencies; load order. */
    public List<String> realBases() {
        return this.realBases;
    }

    /** The down revisions of a revision, as declared (duplicates removed). */
    public List<String> parents(String id) {
        return names(this.topology.parents[index(id)]);
    }

    /** The dependencies of a revision, resolved from ids or labels to revision ids, as declared. */
    public List<String> dependencies(String id) {
        return names(this.topology.dependencies[index(id)]);
    }

    /** The dependencies not already declared by an ancestor along down revisions (spec §1.5). */
    public List<String> normalizedDependencies(String id) {
        return names(this.normalizedDependencies[index(id)]);
    }

    /** Down revisions followed by dependencies, without duplicates. */
    public List<String> allDown(String id) {
        return names(this.topology.allDown[index(id)]);
    }

    /** Down revisions followed by normalised dependencies, without duplicates. */
    public List<String> normalizedDown(String id) {
        return names(this.normalizedDown[index(id)]);
    }

    /** The revisions naming this one as a down revision; load order. */
    public List<String> children(String id) {
        return names(this.topology.children[index(id)]);
    }

    /** The revisions naming this one as a down revision or a dependency; load order. */
    public List<String> allChildren(String id) {
        return names(this.topology.allChildren[index(id)]);
    }

    /** The branch labels of a revision after propagation (spec §1.7), sorted. */
    public Set<String> branchLabels(String id) {
        return this.branchLabels.get(index(id));
    }

    /** Whether no revision names this one as a down revision (an effective head counts). */
    public boolean isHead(String id) {
        return this.topology.children[index(id)].length == 0;
    }

    /** Whether no revision names this one as a down revision or a dependency. */
    public boolean isRealHead(String id) {
        return this.topology.allChildren[index(id)].length == 0;
    }

    /** Whether the revision has no down revisions. */
    public boolean isBase(String id) {
        return this.topology.parents[index(id)].length == 0;
    }

    /** Whether the revision has neither down revisions nor dependencies. */
    public boolean isRealBase(String id) {
        int node = index(id);
        return this.topology.parents[node].length == 0 && !this.topology.declaresDependencies[node];
    }

    /** Whether two or more revisions name this one as a down revision. */
    public boolean isBranchPoint(String id) {
        return this.topology.children[index(id)].length > 1;
    }

    /** Whether two or more revisions name this one as a down revision or a dependency. */
    public boolean isRealBranchPoint(String id) {
        return this.topology.allChildren[index(id)].length > 1;
    }

    /** Whether the revision has two or more down revisions. */
    public boolean isMergePoint(String id) {
        return this.topology.parents[index(id)].length > 1;
    }

    /** The revision and everything below it along down revisions and normalised dependencies. */
    public Set<String> ancestors(String id) {
        return nameSet(Topology.reach(index(id), this.normalizedDown));
    }

    /** The revision and everything below it along down revisions only. */
    public Set<String> ancestorsNoDeps(String id) {
        return nameSet(Topology.reach(index(id), this.topology.parents));
    }

    /** The revision and everything above it along children and dependents. */
    public Set<String> descendants(String id) {
        return nameSet(Topology.reach(index(id), this.topology.allChildren));
    }

    /** The revision and everything above it along children only. */
    public Set<String> descendantsNoDeps(String id) {
        return nameSet(Topology.reach(index(id), this.topology.children));
    }

    @Override
    public String toString() {
        return "RevisionGraph[" + size() + " revisions, heads " + this.heads + "]";
    }

    private int index(String id) {
        int node = this.indexById.get(id);
        if (node < 0) {
            throw new IllegalArgumentException("No revision with id '" + id + "' in this graph");
        }
        return node;
    }

    private List<String> names(int[] nodes) {
        if (nodes.length == 0) {
            return List.of();
        }
        String[] result = new String[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            result[i] = this.topology.ids[nodes[i]];
        }
        return Collections.unmodifiableList(Arrays.asList(result));
    }

    private Set<String> nameSet(BitSet nodes) {
        Set<String> result = new LinkedHashSet<>(Math.max(16, nodes.cardinality() * 2));
        for (int node = nodes.nextSetBit(0); node >= 0; node = nodes.nextSetBit(node + 1)) {
            result.add(this.topology.ids[node]);
        }
        return Collections.unmodifiableSet(result);
    }

    private static int[] concatDistinct(int[] first, int[] second) {
        if (second.length == 0) {
            return first;
        }
        int[] combined = Arrays.copyOf(first, first.length + second.length);
        int count = first.length;
        outer:
        for (int value : second) {
            for (int i = 0; i < count; i++) {
                if (combined[i] == value) {
                    continue outer;
                }
            }
            combined[count++] = value;
        }
        return Arrays.copyOf(combined, count);
    }
}
