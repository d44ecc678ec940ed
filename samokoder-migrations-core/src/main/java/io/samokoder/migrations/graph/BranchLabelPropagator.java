package io.samokoder.migrations.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Branch-label propagation (spec §1.7) in linear time.
 *
 * <p>Alembic labels a labeled revision R and all its descendants (no deps), then walks down from
 * the last node of its depth-first walk over those descendants, labelling single down revisions
 * until it meets a real branch point or a merge point (a root is labelled and ends the walk). That
 * walk gets past R exactly when R is <em>clean</em>: not a merge point, at most one child or
 * dependent, and a clean child if any. Clean revisions form chains, each ending in a leaf; the walk
 * from any labeled member of such a chain labels the chain down to its lowest member. So every
 * member of a clean chain carries the labels of all labeled members of the chain, on top of the
 * labels inherited from below.
 */
final class BranchLabelPropagator {

    private BranchLabelPropagator() {
    }

    /**
     * Computes the propagated labels of every revision.
     *
     * @param topology the linked map (acyclic)
     * @param order the revisions, parents first
     * @param declared the labels each revision declares, by load position
     * @return the propagated labels by load position (unmodifiable, sorted, shared where equal)
     */
    static List<Set<String>> propagate(Topology topology, int[] order, List<Set<String>> declared) {
        int size = topology.size();
        List<Set<String>> inherited = inheritedLabels(topology, order, declared);
        boolean[] clean = cleanRevisions(topology, order);
        int[] chainBottom = new int[size];
        List<Set<String>> chainLabels = new ArrayList<>(Collections.nCopies(size, null));
        for (int node : order) {
            if (!clean[node]) {
                chainBottom[node] = -1;
                continue;
            }
            int[] parents = topology.parents[node];
            boolean continuesChain = parents.length == 1 && clean[parents[0]];
            int bottom = continuesChain ? chainBottom[parents[0]] : node;
            chainBottom[node] = bottom;
            if (!declared.get(node).isEmpty()) {
                Set<String> labels = chainLabels.get(bottom);
                if (labels == null) {
                    labels = new TreeSet<>();
                    chainLabels.set(bottom, labels);
                }
                labels.addAll(declared.get(node));
            }
        }
        List<Set<String>> result = new ArrayList<>(inherited);
        List<Set<String>> chainResult = new ArrayList<>(Collections.nCopies(size, null));
        for (int node : order) {
            int bottom = chainBottom[node];
            if (bottom < 0 || chainLabels.get(bottom) == null) {
                continue;
            }
            Set<String> labels = chainResult.get(bottom);
            if (labels == null) {
                TreeSet<String> union = new TreeSet<>(chainLabels.get(bottom));
                int[] parents = topology.parents[bottom];
                if (parents.length == 1) {
                    union.addAll(inherited.get(parents[0]));
                }
                labels = Collections.unmodifiableSet(union);
                chainResult.set(bottom, labels);
            }
            result.set(node, labels);
        }
        return result;
    }

    /** Each revision's declared labels plus those of all its ancestors along down revisions. */
    private static List<Set<String>> inheritedLabels(Topology topology, int[] order, List<Set<String>> declared) {
        List<Set<String>> inherited = new ArrayList<>(Collections.nCopies(topology.size(), Set.of()));
        for (int node : order) {
            Set<String> own = declared.get(node);
            int[] parents = topology.parents[node];
            if (own.isEmpty() && parents.length <= 1) {
                inherited.set(node, parents.length == 0 ? Set.of() : inherited.get(parents[0]));
                continue;
            }
            if (own.isEmpty()) {
                Set<String> covering = covering(inherited, parents);
                if (covering != null) {
                    inherited.set(node, covering);
                    continue;
                }
            }
            TreeSet<String> union = new TreeSet<>(own);
            for (int parent : parents) {
                union.addAll(inherited.get(parent));
            }
            Set<String> shared = null;
            for (int parent : parents) {
                if (inherited.get(parent).size() == union.size()) {
                    shared = inherited.get(parent);
                    break;
                }
            }
            inherited.set(node, shared != null ? shared
                    : union.isEmpty() ? Set.of() : Collections.unmodifiableSet(union));
        }
        return inherited;
    }

    /**
     * The parents' label set that contains all the others, if there is one: a merge of branches that
     * inherit the same labels (the usual case) then shares it instead of building a union.
     */
    private static Set<String> covering(List<Set<String>> inherited, int[] parents) {
        Set<String> largest = inherited.get(parents[0]);
        for (int parent : parents) {
            if (inherited.get(parent).size() > largest.size()) {
                largest = inherited.get(parent);
            }
        }
        for (int parent : parents) {
            Set<String> labels = inherited.get(parent);
            if (labels != largest && !largest.containsAll(labels)) {
                return null;
            }
        }
        return largest;
    }

    /** Revisions whose descendants, themselves included, form one chain Alembic's walk can pass. */
    private static boolean[] cleanRevisions(Topology topology, int[] order) {
        boolean[] clean = new boolean[topology.size()];
        for (int i = order.length - 1; i >= 0; i--) {
            int node = order[i];
            int[] children = topology.children[node];
            clean[node] = topology.parents[node].length <= 1 && topology.allChildren[node].length <= 1
                    && (children.length == 0 || clean[children[0]]);
        }
        return clean;
    }
}
