package io.samokoder.migrations.plan;

import io.samokoder.migrations.graph.RevisionGraph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A literal, slow transcription of two pieces of Alembic over the public graph API, kept apart
 * from the planner's code so the tests can compare against it: the topological sort (spec §3,
 * with full ancestor sets per head and a scan of all heads per candidate) and the head maintainer
 * (spec §5, over a set of rows with full ancestor walks).
 */
final class NaiveAlembic {

    private final RevisionGraph graph;

    NaiveAlembic(RevisionGraph graph) {
        this.graph = graph;
    }

    Set<String> ancestors(Collection<String> ids) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> stack = new ArrayDeque<>(ids);
        while (!stack.isEmpty()) {
            String id = stack.pop();
            if (seen.add(id)) {
                stack.addAll(this.graph.normalizedDown(id));
            }
        }
        return seen;
    }

    /** Alembic's {@code _topological_sort}, step by step. */
    List<String> topologicalSort(Collection<String> revisions, Collection<String> heads) {
        Set<String> unsorted = new HashSet<>(revisions);
        List<String> current = new ArrayList<>();
        for (String head : heads) {
            if (unsorted.contains(head) && !current.contains(head)) {
                current.add(head);
            }
        }
        current.sort((a, b) -> Integer.compare(this.graph.loadIndex(a), this.graph.loadIndex(b)));
        List<Set<String>> ancestors = new ArrayList<>();
        for (String head : current) {
            ancestors.add(ancestors(List.of(head)));
        }
        List<String> output = new ArrayList<>();
        int idx = 0;
        while (!current.isEmpty()) {
            String candidate = current.get(idx);
            boolean switched = false;
            for (int j = 0; j < ancestors.size(); j++) {
                if (j != idx && ancestors.get(j).contains(candidate)) {
                    idx = j;
                    switched = true;
                    break;
                }
            }
            if (switched) {
                continue;
            }
            if (unsorted.remove(candidate)) {
                output.add(candidate);
            }
            List<String> toAdd = new ArrayList<>();
            for (String down : this.graph.normalizedDown(candidate)) {
                if (unsorted.contains(down) && !current.contains(down)) {
                    toAdd.add(down);
                }
            }
            if (toAdd.isEmpty()) {
                current.remove(idx);
                ancestors.remove(idx);
                idx = Math.max(idx - 1, 0);
            } else {
                current.set(idx, toAdd.get(0));
                ancestors.set(idx, ancestors(List.of(toAdd.get(0))));
                for (String extra : toAdd.subList(1, toAdd.size())) {
                    current.add(extra);
                    ancestors.add(ancestors(List.of(extra)));
                }
            }
        }
        if (!unsorted.isEmpty()) {
            throw new AssertionError("unsorted: " + unsorted);
        }
        return output;
    }

    /**
     * The head maintainer's row set after running a revision up or down (spec §5). A merge only
     * deletes and updates down revisions that are rows (the planner's documented choice where
     * Alembic would fail).
     */
    Set<String> apply(Set<String> heads, String revision, boolean upgrade) {
        Set<String> rows = new LinkedHashSet<>(heads);
        List<String> down = this.graph.normalizedDown(revision);
        if (upgrade) {
            Set<String> present = new LinkedHashSet<>(down);
            present.retainAll(rows);
            if (down.isEmpty() || present.isEmpty()) {
                insert(rows, revision);
            } else if (down.size() > 1 && present.size() > 1) {
                Set<String> others = new LinkedHashSet<>(rows);
                others.removeAll(down);
                List<String> from = new ArrayList<>(down);
                if (!others.isEmpty()) {
                    from.removeAll(ancestors(others));
                }
                from.retainAll(rows);
                if (from.isEmpty()) {
                    insert(rows, revision);
                } else {
                    for (String row : from.subList(0, from.size() - 1)) {
                        remove(rows, row);
                    }
                    remove(rows, from.get(from.size() - 1));
                    insert(rows, revision);
                }
            } else {
                String single = down.size() == 1 ? down.get(0) : present.iterator().next();
                remove(rows, single);
                insert(rows, revision);
            }
            return rows;
        }
        boolean isRow = rows.contains(revision);
        List<String> unmerge = new ArrayList<>();
        if (isRow && !down.isEmpty()) {
            Set<String> others = new LinkedHashSet<>(rows);
            others.remove(revision);
            unmerge.addAll(down);
            if (!others.isEmpty()) {
                unmerge.removeAll(ancestors(others));
            } else {
                for (String target : down) {
                    Set<String> strict = ancestors(List.of(target));
                    strict.remove(target);
                    unmerge.removeAll(strict);
                }
            }
        }
        if (isRow && (down.isEmpty() || unmerge.isEmpty())) {
            remove(rows, revision);
        } else if (isRow && down.size() > 1) {
            remove(rows, revision);
            for (String row : unmerge) {
                insert(rows, row);
            }
        } else {
            remove(rows, revision);
            insert(rows, down.get(0));
        }
        return rows;
    }

    private static void insert(Set<String> rows, String row) {
        if (!rows.add(row)) {
            throw new AssertionError("row " + row + " already present in " + rows);
        }
    }

    private static void remove(Set<String> rows, String row) {
        if (!rows.remove(row)) {
            throw new AssertionError("row " + row + " not present in " + rows);
        }
    }
}
