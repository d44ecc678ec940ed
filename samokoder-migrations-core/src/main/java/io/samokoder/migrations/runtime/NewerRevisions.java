package io.samokoder.migrations.runtime;

import io.samokoder.migrations.UnknownAppliedRevisionException;
import io.samokoder.migrations.graph.RevisionGraph;
import io.samokoder.migrations.plan.Plan;
import io.samokoder.migrations.plan.Step;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Version rows that no loaded script declares, traced through the log to the loaded revisions they were applied on
 * top of: a database that a newer build migrated, met by an older one (a rollback). Where the configuration allows
 * it ({@link io.samokoder.migrations.MigrationsConfig#allowNewerRevisions()}), a run plans from those loaded
 * revisions and must find nothing to do; everywhere else such rows fail with Alembic's "Can't locate revision".
 */
final class NewerRevisions {

    private NewerRevisions() {
    }

    /**
     * The rows a plan starts from: {@code rows} itself when every row is a loaded revision; else, where allowed and
     * the log traces every unknown row, the loaded revisions they were applied on top of (the heads among them);
     * else Alembic's error for the first unknown row.
     *
     * @throws UnknownAppliedRevisionException for an unknown row that is not allowed or not traced
     */
    static List<String> planFrom(Catalog catalog, Tables tables, List<String> rows, Map<String, LogStore.Entry> log,
            boolean allowed) {
        RevisionGraph graph = catalog.graph();
        String unknown = firstUnknown(graph, rows);
        if (unknown == null) {
            return rows;
        }
        if (allowed) {
            List<String> traced = trace(graph, rows, log);
            if (traced != null) {
                return traced;
            }
        }
        throw new UnknownAppliedRevisionException(unknown, tables.versionTableName(),
                PlanChecks.squashedInto(catalog, unknown));
    }

    /**
     * {@code rows} when every row is a loaded revision; else the loaded revisions the log shows the unknown rows
     * applied on top of (the heads among them, with the known rows), or {@code null} when the log does not trace
     * every unknown row.
     */
    static List<String> traced(RevisionGraph graph, List<String> rows, Map<String, LogStore.Entry> log) {
        return firstUnknown(graph, rows) == null ? rows : trace(graph, rows, log);
    }

    /** The first row that no loaded script declares, or {@code null}. */
    static String firstUnknown(RevisionGraph graph, List<String> rows) {
        for (String row : rows) {
            if (!graph.contains(row)) {
                return row;
            }
        }
        return null;
    }

    /**
     * Refuses a plan that would move rows from {@code planned}, the loaded revisions under newer rows: this build
     * has revisions that the build which migrated the database did not have.
     */
    static void refuseSteps(Tables tables, List<String> rows, List<String> planned, Plan plan) {
        if (plan.isEmpty()) {
            return;
        }
        List<String> wouldRun = new ArrayList<>();
        for (Step step : plan.steps()) {
            if (step.revision() != null && !wouldRun.contains(step.revision())) {
                wouldRun.add(step.revision());
            }
        }
        throw UnknownAppliedRevisionException.appliedOnTop(firstNewer(rows, planned), tables.versionTableName(),
                planned, wouldRun);
    }

    /** The WARN of a run that left newer rows alone. */
    static String warning(Tables tables, List<String> rows, List<String> planned) {
        List<String> newer = new ArrayList<>();
        for (String row : rows) {
            if (!planned.contains(row)) {
                newer.add(row);
            }
        }
        return "The version table " + tables.versionTableName() + " holds " + String.join(", ", newer) + ", which no"
                + " loaded script declares; the log shows " + (newer.size() == 1 ? "it" : "them") + " applied on top"
                + " of " + (planned.isEmpty() ? "nothing this build has" : String.join(", ", planned))
                + ", so a newer build migrated this database. Nothing was applied or undone"
                + " (newer revisions allowed); this build's revisions are all applied.";
    }

    private static String firstNewer(List<String> rows, List<String> planned) {
        for (String row : rows) {
            if (!planned.contains(row)) {
                return row;
            }
        }
        return rows.get(0);
    }

    /**
     * The loaded revisions that the unknown rows were applied on top of, following each unknown one's logged
     * {@code Revises} (through other unknown ones), with the known rows; the heads among them. {@code null} when an
     * unknown revision has no logged successful upgrade (stamped, or applied before the log existed).
     */
    private static List<String> trace(RevisionGraph graph, List<String> rows, Map<String, LogStore.Entry> log) {
        Set<String> found = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        Deque<String> toVisit = new ArrayDeque<>(rows);
        while (!toVisit.isEmpty()) {
            String id = toVisit.pop();
            if (!seen.add(id)) {
                continue;
            }
            if (graph.contains(id)) {
                found.add(id);
                continue;
            }
            LogStore.Entry entry = log.get(id);
            if (entry == null || !entry.applied() || entry.revises() == null) {
                return null;
            }
            for (String parent : entry.revises().split(",")) {
                if (!parent.isBlank()) {
                    toVisit.push(parent.strip());
                }
            }
        }
        List<String> heads = new ArrayList<>();
        for (String id : found) {
            boolean below = false;
            for (String other : found) {
                below |= !other.equals(id) && graph.ancestors(other).contains(id);
            }
            if (!below) {
                heads.add(id);
            }
        }
        return heads;
    }
}
