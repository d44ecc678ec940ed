package io.samokoder.migrations.runtime;

import io.samokoder.migrations.MigrationConfigurationException;
import io.samokoder.migrations.graph.RevisionGraph;
import io.samokoder.migrations.script.Phase;
import io.samokoder.migrations.script.RevisionScript;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Contract revisions ({@link Phase#CONTRACT}), held by an upgrade that holds them: on a database that has revisions,
 * those it does not have yet are left, with what builds on them, to an explicit upgrade once no instance of the
 * previous build runs; a new database (no version row) gets them with the rest. A revision that builds on a held one
 * and is not contract itself is refused rather than held: the build that brings it needs it now.
 */
final class Contract {

    private Contract() {
    }

    /**
     * The contract revisions that the rows do not have, and every revision above them; empty for rows that are
     * none (a new database) or a map without contract revisions.
     */
    static Set<String> held(RevisionGraph graph, Set<String> contract, List<String> rows) {
        if (contract.isEmpty() || rows.isEmpty()) {
            return Set.of();
        }
        Set<String> applied = applied(graph, rows);
        Set<String> held = new LinkedHashSet<>();
        for (var revision : graph.revisions()) {
            String id = revision.id();
            if (contract.contains(id) && !applied.contains(id) && !held.contains(id)) {
                held.addAll(graph.descendants(id));
            }
        }
        return held;
    }

    /** Fails, before anything runs, naming the first held revision that is not contract and what it builds on. */
    static void refuseHeldExpand(RevisionGraph graph, Map<String, RevisionScript> byId, Set<String> held) {
        for (String id : held) {
            RevisionScript script = byId.get(id);
            if (script.phase() == Phase.CONTRACT) {
                continue;
            }
            String below = null;
            for (String ancestor : graph.ancestors(id)) {
                if (held.contains(ancestor) && byId.get(ancestor).phase() == Phase.CONTRACT) {
                    below = ancestor;
                    break;
                }
            }
            RevisionScript contract = byId.get(below);
            throw new MigrationConfigurationException("Revision " + id + " (" + script.description() + ") builds on"
                    + " the contract revision " + below + " (" + contract.description() + "), which this database"
                    + " does not have yet. An upgrade that holds contract revisions (an application's start-up with"
                    + " samokoder.migrations.contract=hold, upgrade heads --hold-contract) leaves " + below + " until"
                    + " no instance of the build before it runs, so it cannot run " + id + ", which this build needs."
                    + " Once the rollout of the build that brought " + below + " is complete, apply it alone (upgrade "
                    + below + "; upgrade heads would apply this build's contract revisions too) and start again. If "
                    + id + " belongs to the same release as " + below + ", put it below " + below + " (make " + below
                    + " revise it), or declare it a contract revision too ('-- Phase: contract', as a merge of a"
                    + " contract branch must be)");
        }
    }

    /** Whether the rows have every revision but the held ones: the run has gone as far as it may. */
    static boolean onlyHeldLeft(RevisionGraph graph, List<String> rows, Set<String> held) {
        return !held.isEmpty() && applied(graph, rows).size() + held.size() == graph.size();
    }

    /** The revisions the rows stand for: each row and everything below it. */
    private static Set<String> applied(RevisionGraph graph, List<String> rows) {
        Set<String> applied = new HashSet<>();
        for (String row : rows) {
            if (graph.contains(row) && !applied.contains(row)) {
                applied.addAll(graph.ancestors(row));
            }
        }
        return applied;
    }
}
