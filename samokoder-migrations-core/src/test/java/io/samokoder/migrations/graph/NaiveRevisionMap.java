package io.samokoder.migrations.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A deliberately literal model of spec §1.4 to §1.7 for comparison: per-revision ancestor walks for
 * normalisation, and the label walk from the last node of a stack-based depth-first walk, exactly
 * as described. Slow; only for small graphs. Assumes a valid map.
 */
final class NaiveRevisionMap {

    final Map<String, Revision> byId = new HashMap<>();
    final Map<String, String> byKey = new HashMap<>();
    final List<String> order = new ArrayList<>();
    final Map<String, List<String>> deps = new HashMap<>();
    final Map<String, List<String>> children = new HashMap<>();
    final Map<String, List<String>> allChildren = new HashMap<>();
    final Map<String, List<String>> normDeps = new HashMap<>();
    final Map<String, Set<String>> labels = new HashMap<>();

    NaiveRevisionMap(List<Revision> revisions, boolean reverseChildOrder, boolean reverseLabelOrder) {
        for (Revision revision : revisions) {
            this.byId.put(revision.id(), revision);
            this.byKey.put(revision.id(), revision.id());
            this.order.add(revision.id());
            this.children.put(revision.id(), new ArrayList<>());
            this.allChildren.put(revision.id(), new ArrayList<>());
        }
        for (Revision revision : revisions) {
            for (String label : revision.branchLabels()) {
                this.byKey.put(label, revision.id());
            }
        }
        for (Revision revision : revisions) {
            List<String> resolved = new ArrayList<>(new LinkedHashSet<>(
                    revision.dependsOn().stream().map(this.byKey::get).toList()));
            this.deps.put(revision.id(), resolved);
            for (String down : allDown(revision.id())) {
                this.allChildren.get(down).add(revision.id());
                if (revision.downRevisions().contains(down)) {
                    this.children.get(down).add(revision.id());
                }
            }
        }
        if (reverseChildOrder) {
            this.children.values().forEach(Collections::reverse);
        }
        for (String id : this.order) {
            Set<String> normalized = new LinkedHashSet<>(this.deps.get(id));
            for (String ancestor : walk(id, this::parents)) {
                if (!ancestor.equals(id)) {
                    normalized.removeAll(this.deps.get(ancestor));
                }
            }
            this.normDeps.put(id, new ArrayList<>(normalized));
            this.labels.put(id, new TreeSet<>(this.byId.get(id).branchLabels()));
        }
        List<String> labelOrder = new ArrayList<>(this.order);
        if (reverseLabelOrder) {
            Collections.reverse(labelOrder);
        }
        for (String id : labelOrder) {
            Set<String> own = new TreeSet<>(this.labels.get(id));
            if (this.byId.get(id).branchLabels().isEmpty()) {
                continue;
            }
            String last = null;
            for (String node : walk(id, this.children::get)) {
                this.labels.get(node).addAll(own);
                last = node;
            }
            String node = last;
            while (node != null && this.allChildren.get(node).size() <= 1 && parents(node).size() <= 1) {
                this.labels.get(node).addAll(own);
                node = parents(node).isEmpty() ? null : parents(node).get(0);
            }
        }
    }

    List<String> parents(String id) {
        return new ArrayList<>(new LinkedHashSet<>(this.byId.get(id).downRevisions()));
    }

    List<String> allDown(String id) {
        Set<String> all = new LinkedHashSet<>(parents(id));
        all.addAll(this.deps.get(id));
        return new ArrayList<>(all);
    }

    List<String> normDown(String id) {
        Set<String> all = new LinkedHashSet<>(parents(id));
        all.addAll(this.normDeps.get(id));
        return new ArrayList<>(all);
    }

    /** Stack-based depth-first walk, yielding nodes when popped, as Alembic iterates related revisions. */
    List<String> walk(String start, Function<String, List<String>> next) {
        List<String> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<String> stack = new ArrayDeque<>();
        stack.addLast(start);
        while (!stack.isEmpty()) {
            String node = stack.removeLast();
            if (!seen.add(node)) {
                continue;
            }
            for (String following : next.apply(node)) {
                stack.addLast(following);
            }
            result.add(node);
        }
        return result;
    }
}
