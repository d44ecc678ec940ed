package io.samokoder.migrations.benchmarks;

import io.samokoder.migrations.graph.RevisionGraph;
import io.samokoder.migrations.plan.Planner;
import java.util.List;

/** The "plan base to heads" stage of part C. */
final class Planning {

    private Planning() {
    }

    /** The number of steps of an upgrade from an empty database to all heads. */
    static int stepsToHeads(RevisionGraph graph) {
        return new Planner(graph).upgrade(List.of(), "heads").steps().size();
    }
}
