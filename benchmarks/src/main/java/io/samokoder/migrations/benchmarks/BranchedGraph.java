package io.samokoder.migrations.benchmarks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * The shape of the branched history that parts C and E use, independent of any script format.
 * Deterministic: the same size always gives the same revisions in the same order.
 *
 * <p>Blocks of ten: a revision, two parallel branches of three, their merge and two more; every 50th
 * block adds a {@code depends_on} across blocks, and some blocks label their first branch. The rest
 * forks off the last block, so the history has two heads.
 */
final class BranchedGraph {

    /** One revision: its 1-based index (its table is {@code t_<index>}), id, parents, label and dependency. */
    record Node(int index, String id, List<String> revises, String label, String dependsOn) {
    }

    private BranchedGraph() {
    }

    /** Labels in part E: a fixed few, so that the labels {@code history} prints per line do not grow with the size. */
    static final int FEW_LABELS = 4;

    /** Part C's history of {@code size} revisions, parents before children: a label every 50 blocks. */
    static List<Node> of(int size) {
        return build(size, block -> block % 50 == 49);
    }

    /**
     * The same shape with {@value #FEW_LABELS} branch labels at evenly spaced blocks, whatever the size
     * (part E). A label is propagated to every descendant and printed on its line by {@code heads} and
     * {@code history}, so with a label every 50 blocks the output would grow with size × labels.
     */
    static List<Node> withFewLabels(int size) {
        int blocks = Math.max(0, (size - 1) / 10);
        return build(size, block -> {
            for (int k = 1; k <= FEW_LABELS; k++) {
                if (block == k * blocks / (FEW_LABELS + 1)) {
                    return true;
                }
            }
            return false;
        });
    }

    private static List<Node> build(int size, IntPredicate labelled) {
        List<Node> nodes = new ArrayList<>(size);
        String previous = null;
        String lastQ1 = null;
        int block = 0;
        while (nodes.size() + 10 < size) {
            String p = add(nodes, previous == null ? List.of() : List.of(previous), null, null);
            String label = labelled.test(block) ? "feature_" + block : null;
            String x1 = add(nodes, List.of(p), label, null);
            String x2 = add(nodes, List.of(x1), null, null);
            String x3 = add(nodes, List.of(x2), null, null);
            String y1 = add(nodes, List.of(p), null, null);
            String y2 = add(nodes, List.of(y1), null, block % 50 == 49 && lastQ1 != null ? lastQ1 : null);
            String y3 = add(nodes, List.of(y2), null, null);
            String m = add(nodes, List.of(x3, y3), null, null);
            lastQ1 = add(nodes, List.of(m), null, null);
            previous = add(nodes, List.of(lastQ1), null, null);
            block++;
        }
        String fork = lastQ1 == null ? previous : lastQ1;
        while (nodes.size() < size) {
            fork = add(nodes, fork == null ? List.of() : List.of(fork), null, null);
        }
        return nodes;
    }

    /** The ids no revision revises, in order: what {@code heads} must print (as a set). */
    static Set<String> heads(List<Node> nodes) {
        Set<String> parents = new HashSet<>();
        for (Node node : nodes) {
            parents.addAll(node.revises());
        }
        Set<String> heads = new LinkedHashSet<>();
        for (Node node : nodes) {
            if (!parents.contains(node.id())) {
                heads.add(node.id());
            }
        }
        return heads;
    }

    private static String add(List<Node> nodes, List<String> revises, String label, String dependsOn) {
        int index = nodes.size() + 1;
        String id = Workload.revisionId(index);
        nodes.add(new Node(index, id, revises, label, dependsOn));
        return id;
    }
}
