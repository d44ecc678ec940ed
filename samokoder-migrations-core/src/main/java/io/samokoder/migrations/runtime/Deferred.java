package io.samokoder.migrations.runtime;

import io.samokoder.migrations.MigrationConfigurationException;
import io.samokoder.migrations.graph.RevisionGraph;
import io.samokoder.migrations.script.RevisionScript;
import java.util.Map;
import java.util.Set;

/**
 * Deferred revisions ({@link RevisionScript#deferred()}): an application's start-up runs every other revision and
 * leaves these to a run after it is ready ({@link LeftRevisions}). A revision that builds on a deferred one (as a
 * child or a dependent) must be deferred too, or a start-up could not run it; the map is checked for that when it
 * is loaded.
 */
final class Deferred {

    private Deferred() {
    }

    /** Fails naming the first revision that builds on a deferred one without being deferred itself. */
    static void check(RevisionGraph graph, Map<String, RevisionScript> byId, Set<String> deferred) {
        for (RevisionScript script : byId.values()) {
            if (script.deferred()) {
                continue;
            }
            for (String down : graph.allDown(script.id())) {
                if (deferred.contains(down)) {
                    RevisionScript first = byId.get(down);
                    throw new MigrationConfigurationException("Revision " + script.id() + " ("
                            + script.description() + ") builds on the deferred revision " + down + " ("
                            + first.description() + "), so a start-up, which leaves deferred revisions for later,"
                            + " could not run it. Declare it deferred too ('-- Deferred: true', @Revision(deferred ="
                            + " true)), or make " + down + " a revision that is not deferred");
                }
            }
        }
    }
}
