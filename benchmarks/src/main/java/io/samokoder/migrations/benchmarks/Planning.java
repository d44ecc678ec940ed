package io.samokoder.migrations.benchmarks;

import io.samokoder.migrations.graph.RevisionGraph;
import java.util.HashSet;
import java.util.Set;

/** The "plan base to heads" stage of part C. */
final class Planning {

    private Planning() {
    }

    /**
     * The number of steps of an upgrade from an empty database to all heads. Until the planner is
     * on this branch this counts the ancestors of the heads, which is the set an upgrade would run.
     */
    static int stepsToHeads(RevisionGraph graph) {
        Set<String> all = new HashSet<>();
        for (String head : graph.heads()) {
            all.addAll(graph.ancestors(head));
        }
        return all.size();
    }
}
