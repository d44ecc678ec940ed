package io.samokoder.migrations.runtime;

import io.samokoder.migrations.ChecksumStatus;
import io.samokoder.migrations.DriftProblem;
import io.samokoder.migrations.UnknownAppliedRevisionException;
import io.samokoder.migrations.graph.RevisionGraph;
import io.samokoder.migrations.java.JavaRevisions;
import io.samokoder.migrations.script.ChecksumChange;
import io.samokoder.migrations.script.PartChecksums;
import io.samokoder.migrations.script.RevisionScript;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares applied revisions with their scripts. A file whose bytes are unchanged since it was
 * applied matches without splitting its statements; only a file whose bytes differ has its
 * normalised checksum computed, so formatting and comment edits are tolerated and only executable
 * changes count; a change to the downgrade part alone is not drift (the part that ran is intact),
 * where the recorded checksum has parts to tell it. {@code Revises} is compared with what was
 * recorded at upgrade.
 */
final class Drift {

    private Drift() {
    }

    /** The applied revisions: every known row and its ancestors, dependencies included, in load order. */
    static Set<String> applied(RevisionGraph graph, List<String> rows) {
        Set<String> applied = new LinkedHashSet<>();
        for (String row : rows) {
            if (graph.contains(row) && !applied.contains(row)) {
                applied.addAll(graph.ancestors(row));
            }
        }
        return applied;
    }

    static ChecksumStatus status(Catalog catalog, String id, boolean applied, LogStore.Entry entry) {
        if (!applied) {
            return ChecksumStatus.NOT_APPLIED;
        }
        if (entry == null || !entry.applied() || entry.checksum() == null) {
            return ChecksumStatus.NOT_RECORDED;
        }
        ChecksumChange change = change(catalog, id, entry);
        if (problem(catalog, id, entry, change) != null) {
            return ChecksumStatus.CHANGED;
        }
        if (change == ChecksumChange.DOWNGRADE_ONLY) {
            return ChecksumStatus.DOWNGRADE_CHANGED;
        }
        return reformatted(catalog, id, entry) ? ChecksumStatus.REFORMATTED : ChecksumStatus.MATCH;
    }

    /**
     * Whether an applied script whose checksum matches was edited in what the checksum leaves out: its bytes differ
     * from the recorded content hash (none is recorded for Java revisions or by a stamp).
     */
    private static boolean reformatted(Catalog catalog, String id, LogStore.Entry entry) {
        String hash = entry.contentHash() == null ? null : catalog.contentHash(id);
        return hash != null && !hash.equals(entry.contentHash());
    }

    /** Every drift problem: unknown rows first, then changed or re-parented applied revisions, in load order. */
    static List<DriftProblem> check(Catalog catalog, List<String> rows, Map<String, LogStore.Entry> log,
            String versionTable) {
        return check(catalog, rows, log, versionTable, new ArrayList<>(), new ArrayList<>());
    }

    /**
     * {@link #check(Catalog, List, Map, String)}, adding to {@code downgradeChanges} the ids of the
     * applied revisions whose downgrade part alone changed since they ran, and to {@code reformatted} those edited
     * only in what the checksum leaves out (neither is drift), in load order.
     */
    static List<DriftProblem> check(Catalog catalog, List<String> rows, Map<String, LogStore.Entry> log,
            String versionTable, List<String> downgradeChanges, List<String> reformatted) {
        List<DriftProblem> problems = new ArrayList<>();
        RevisionGraph graph = catalog.graph();
        for (String row : rows) {
            if (!graph.contains(row)) {
                problems.add(new DriftProblem(row, "", UnknownAppliedRevisionException.message(row, versionTable,
                        PlanChecks.squashedInto(catalog, row))));
            }
        }
        if (log.isEmpty()) {
            return problems;
        }
        for (String id : applied(graph, rows)) {
            LogStore.Entry entry = log.get(id);
            if (entry != null && entry.applied()) {
                ChecksumChange change = change(catalog, id, entry);
                DriftProblem problem = problem(catalog, id, entry, change);
                if (problem != null) {
                    problems.add(problem);
                } else if (change == ChecksumChange.DOWNGRADE_ONLY) {
                    downgradeChanges.add(id);
                } else if (reformatted(catalog, id, entry)) {
                    reformatted.add(id);
                }
            }
        }
        return problems;
    }

    /**
     * Whether an applied revision's script differs from what its log recorded in anything: its checksum (the
     * downgrade part included) or its {@code Revises}.
     */
    static boolean differs(Catalog catalog, String id, LogStore.Entry entry) {
        RevisionScript script = catalog.script(id);
        if (script == null || entry.checksum() == null) {
            return false;
        }
        String revises = String.join(",", script.downRevisions());
        return (entry.revises() != null && !entry.revises().equals(revises))
                || change(catalog, id, entry) != ChecksumChange.NONE;
    }

    /**
     * Whether the log recorded other parents ({@code Revises}) than the script names now, other than those that a
     * squash replaced: an applied revision must keep its parents.
     */
    static boolean revisesChanged(RevisionScript script, LogStore.Entry entry) {
        return entry.revises() != null && !entry.revises().equals(String.join(",", script.downRevisions()))
                && !script.squash().map(s -> s.replacedParents(entry.revises())).orElse(false);
    }

    /** The drift of an applied revision whose checksum compares as {@code change}, or {@code null}. */
    private static DriftProblem problem(Catalog catalog, String id, LogStore.Entry entry, ChecksumChange change) {
        RevisionScript script = catalog.script(id);
        if (script == null) {
            return null;
        }
        String revises = String.join(",", script.downRevisions());
        if (revisesChanged(script, entry)) {
            return new DriftProblem(id, script.description(), "Revision " + id + " (" + script.description()
                    + ") was applied with Revises: " + shown(entry.revises()) + ", but its script now says Revises: "
                    + shown(revises) + ". An applied revision must keep its parents; restore its Revises line and"
                    + " express the new order with a new (merge) revision.");
        }
        if (change != ChecksumChange.CHANGED) {
            return null;
        }
        String now = script.checksum();
        if (script.code().isPresent()) {
            return new DriftProblem(id, script.description(), javaChange(id, script.description(), entry.checksum(),
                    now));
        }
        return new DriftProblem(id, script.description(), "Revision " + id + " (" + script.description()
                + ") was changed after it was applied: its executable SQL differs from what ran (recorded checksum "
                + entry.checksum() + ", now " + now + "). Comments, blank lines, line endings and indentation do not"
                + " count, so this is a real change" + (!PartChecksums.hasParts(entry.checksum())
                        ? " (the recorded checksum is of version 1, which covers both parts, so a change to the"
                                + " downgrade part alone counts too)" : " to its upgrade part")
                + ". Restore the file and put the change in a new revision; if the new text is meant to stand for what"
                + " ran, record it so with repair " + id + " (nothing runs), or downgrade below the revision and"
                + " upgrade again (which runs it and records the new checksum).");
    }

    /**
     * How an applied revision's checksum compares with the recorded one ({@code NONE} when none was
     * recorded); a file whose bytes are those that ran is not checksummed.
     */
    private static ChecksumChange change(Catalog catalog, String id, LogStore.Entry entry) {
        RevisionScript script = catalog.script(id);
        if (script == null || entry.checksum() == null) {
            return ChecksumChange.NONE;
        }
        String hash = catalog.contentHash(id);
        if (hash != null && hash.equals(entry.contentHash())) {
            return ChecksumChange.NONE;
        }
        ChecksumChange change = script.compareChecksum(entry.checksum());
        if (change == ChecksumChange.CHANGED && script.squash().isPresent()
                && script.squash().get().ranBefore(entry.checksum())) {
            // The revision ran before it was squashed: what ran is intact; a downgrade runs the squash's part.
            return ChecksumChange.DOWNGRADE_ONLY;
        }
        return change;
    }

    /** A Java revision's change: of its declared version, or of the operations it records. */
    private static String javaChange(String id, String description, String recorded, String now) {
        String declared = JavaRevisions.declaredVersion(now);
        String ran = JavaRevisions.declaredVersion(recorded);
        if (declared != null || ran != null) {
            return "Revision " + id + " (" + description + ") was changed after it was applied: its declared version"
                    + " is " + (declared != null ? "'" + declared + "'" : "gone") + ", and "
                    + (ran != null ? "'" + ran + "'" : "none") + " ran. A new version"
                    + " says that the revision does something else: put the change in a new revision, or downgrade"
                    + " below"
                    + " it and upgrade again (which records the new version), or record it as what ran with repair "
                    + id + ".";
        }
        return "Revision " + id + " (" + description + ") was changed after it was applied: the operations it records"
                + " differ from those that ran (recorded checksum " + recorded + ", now " + now + ")"
                + (!PartChecksums.hasParts(recorded) ? "; the recorded checksum is of the first form, which covers"
                        + " both directions, so a change to the downgrade alone counts too" : "")
                + ". Restore its code and put the change in a new revision. If its code is unchanged but gives other"
                + " values on each load (a random id, the time, a salted hash, a bean's state), declare a version"
                + " instead: @Revision(version = \"1\"), checked as given (downgrade below it and upgrade again to"
                + " record it), or set the checksum policy to WARN.";
    }

    private static String shown(String revises) {
        return revises.isEmpty() ? "<base>" : revises.replace(",", ", ");
    }
}
