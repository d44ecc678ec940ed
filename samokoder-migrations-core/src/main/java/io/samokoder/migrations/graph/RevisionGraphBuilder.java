package io.samokoder.migrations.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds a {@link RevisionGraph} in the order of spec §1.3: revisions and their ids, branch
 * labels, dependencies, down revisions, cycles, normalised dependencies, label propagation. Throws
 * on the first problem.
 */
final class RevisionGraphBuilder {

    private final List<Revision> revisions;
    private final int size;
    private final String[] ids;
    private final IdIndex indexById;
    /** Branch labels only: a label never equals an id, so a key is looked up in both maps. */
    private final Map<String, Integer> indexByLabel;

    private RevisionGraphBuilder(List<Revision> revisions) {
        this.revisions = List.copyOf(revisions);
        this.size = this.revisions.size();
        this.ids = new String[this.size];
        this.indexById = new IdIndex(this.size);
        this.indexByLabel = new HashMap<>();
    }

    static RevisionGraph build(List<Revision> revisions) {
        Objects.requireNonNull(revisions, "revisions");
        return new RevisionGraphBuilder(revisions).build();
    }

    private RevisionGraph build() {
        registerRevisions();
        registerBranchLabels();
        int[][] dependencies = resolveDependencies();
        int[][] parents = resolveParents();
        Topology topology = link(parents, dependencies);
        int[] order;
        try {
            order = CycleDetector.check(topology);
        } catch (CycleDetectedException e) {
            List<String> sources = new ArrayList<>(e.revisions().size());
            for (String id : e.revisions()) {
                sources.add(this.revisions.get(this.indexById.get(id)).source());
            }
            throw new CycleDetectedException(e.kind(), e.revisions(), sources);
        }
        int[] position = new int[this.size];
        for (int i = 0; i < order.length; i++) {
            position[order[i]] = i;
        }
        int[][] normalized = DependencyNormalizer.normalize(topology, position);
        List<Set<String>> declared = new ArrayList<>(this.size);
        for (Revision revision : this.revisions) {
            declared.add(revision.branchLabels());
        }
        List<Set<String>> labels = BranchLabelPropagator.propagate(topology, order, declared);
        return new RevisionGraph(this.revisions, topology, normalized, labels, this.indexById, this.indexByLabel);
    }

    /** Step 1: loops and ids of each script in load order, then uniqueness. */
    private void registerRevisions() {
        for (int index = 0; index < this.size; index++) {
            Revision revision = Objects.requireNonNull(this.revisions.get(index), "revision");
            revision.validate();
            int earlier = this.indexById.putIfAbsent(revision.id(), index);
            if (earlier >= 0) {
                throw new DuplicateRevisionException(revision.id(), this.revisions.get(earlier).source(),
                        revision.source());
            }
            this.ids[index] = revision.id();
        }
    }

    /** Step 2: labels become lookup keys; a label may not equal an id or an earlier label. */
    private void registerBranchLabels() {
        for (int index = 0; index < this.size; index++) {
            Revision revision = this.revisions.get(index);
            if (revision.branchLabels().isEmpty()) {
                continue;
            }
            for (String label : new TreeSet<>(revision.branchLabels())) {
                int id = this.indexById.get(label);
                Integer owner = id >= 0 ? Integer.valueOf(id) : this.indexByLabel.putIfAbsent(label, index);
                if (owner != null) {
                    throw new BranchLabelConflictException(label, revision.id(), this.ids[owner],
                            revision.source(), this.revisions.get(owner).source());
                }
            }
        }
    }

    /** Step 3: depends_on entries are exact keys (ids or labels). */
    private int[][] resolveDependencies() {
        int[][] dependencies = new int[this.size][];
        for (int index = 0; index < this.size; index++) {
            Revision revision = this.revisions.get(index);
            if (revision.dependsOn().isEmpty()) {
                dependencies[index] = Topology.NONE;
                continue;
            }
            int[] resolved = new int[revision.dependsOn().size()];
            int count = 0;
            for (String key : revision.dependsOn()) {
                int target = this.indexById.get(key);
                if (target < 0) {
                    Integer label = this.indexByLabel.get(key);
                    target = label == null ? -1 : label;
                }
                if (target < 0) {
                    throw new MissingRevisionException(key, revision.id(), revision.source());
                }
                count = appendDistinct(resolved, count, target);
            }
            dependencies[index] = trim(resolved, count);
        }
        return dependencies;
    }

    /** Step 4: down revisions must be present. */
    private int[][] resolveParents() {
        int[][] parents = new int[this.size][];
        for (int index = 0; index < this.size; index++) {
            Revision revision = this.revisions.get(index);
            if (revision.downRevisions().isEmpty()) {
                parents[index] = Topology.NONE;
                continue;
            }
            int[] resolved = new int[revision.downRevisions().size()];
            int count = 0;
            for (String id : revision.downRevisions()) {
                int target = this.indexById.get(id);
                if (target < 0) {
                    throw new MissingRevisionException(id, revision.id(), revision.source());
                }
                count = appendDistinct(resolved, count, target);
            }
            parents[index] = trim(resolved, count);
        }
        return parents;
    }

    /** Derives the reverse edges. Iterating children in load order keeps every array sorted. */
    private Topology link(int[][] parents, int[][] dependencies) {
        int[][] allDown = new int[this.size][];
        boolean[] declaresDependencies = new boolean[this.size];
        for (int index = 0; index < this.size; index++) {
            declaresDependencies[index] = !this.revisions.get(index).dependsOn().isEmpty();
            if (dependencies[index].length == 0) {
                // Arrays are never written after the build: share the parents.
                allDown[index] = parents[index];
                continue;
            }
            int[] combined = new int[parents[index].length + dependencies[index].length];
            int count = 0;
            for (int parent : parents[index]) {
                combined[count++] = parent;
            }
            for (int dependency : dependencies[index]) {
                count = appendDistinct(combined, count, dependency);
            }
            allDown[index] = trim(combined, count);
        }
        return new Topology(this.ids, parents, dependencies, allDown, Topology.invert(parents),
                Topology.invert(allDown), Topology.invert(dependencies), declaresDependencies);
    }

    private static int appendDistinct(int[] values, int count, int value) {
        for (int i = 0; i < count; i++) {
            if (values[i] == value) {
                return count;
            }
        }
        values[count] = value;
        return count + 1;
    }

    private static int[] trim(int[] values, int count) {
        return count == values.length ? values : Arrays.copyOf(values, count);
    }
}
