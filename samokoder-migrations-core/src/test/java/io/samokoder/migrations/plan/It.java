package io.samokoder.migrations.plan;

import io.samokoder.migrations.graph.RevisionGraph;
import java.util.ArrayList;
import java.util.List;

/** Runs the map-level iteration (spec §4) directly, as Alembic's own tests call iterate_revisions. */
final class It {

    private It() {
    }

    static RevisionArg arg(Object value) {
        if (value == null) {
            return RevisionArg.of(null);
        }
        if (value instanceof String text) {
            return RevisionArg.of(text);
        }
        @SuppressWarnings("unchecked")
        List<String> list = (List<String>) value;
        return RevisionArg.rows(list);
    }

    /** Upward iteration (inclusive by default in Alembic's tests). */
    static List<String> up(RevisionGraph graph, Object upper, Object lower, boolean inclusive, boolean implicitBase) {
        GraphIndex index = new GraphIndex(graph);
        RevisionSelector selector = new RevisionSelector(new SpecResolver(index), warning -> { });
        RevisionSelector.Selection selection = selector.collectUpgrade(arg(upper), arg(lower), inclusive, implicitBase,
                true);
        return names(index, TopologicalOrder.sort(index, selection.revisions(), selection.heads()));
    }

    static List<String> up(RevisionGraph graph, Object upper, Object lower) {
        return up(graph, upper, lower, true, false);
    }

    /** Downward iteration ({@code select_for_downgrade}). */
    static List<String> down(RevisionGraph graph, Object upper, String lower, boolean inclusive,
            boolean implicitBase) {
        GraphIndex index = new GraphIndex(graph);
        RevisionSelector selector = new RevisionSelector(new SpecResolver(index), warning -> { });
        RevisionSelector.Selection selection = selector.collectDowngrade(arg(upper), lower, inclusive, implicitBase,
                true);
        return names(index, TopologicalOrder.sort(index, selection.revisions(), selection.heads()));
    }

    static List<String> down(RevisionGraph graph, Object upper, String lower) {
        return down(graph, upper, lower, true, false);
    }

    private static List<String> names(GraphIndex index, int[] nodes) {
        List<String> result = new ArrayList<>();
        for (int node : nodes) {
            result.add(index.ids[node]);
        }
        return result;
    }
}
