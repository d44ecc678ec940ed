package io.samokoder.migrations.runtime;

import io.samokoder.migrations.ChecksumStatus;
import io.samokoder.migrations.DriftProblem;
import io.samokoder.migrations.UnknownAppliedRevisionException;
import io.samokoder.migrations.graph.RevisionGraph;
import io.samokoder.migrations.script.ChecksumChange;
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
        if (problem(catalog, id, entry) != null) {
            return ChecksumStatus.CHANGED;
        }
        return change(catalog, id, entry) == ChecksumChange.DOWNGRADE_ONLY ? ChecksumStatus.DOWNGRADE_CHANGED
                : ChecksumStatus.MATCH;
    }

    /**
     * The applied revisions whose downgrade part alone changed since they ran (not drift), in load
     * order, each as {@code <id> (<file>)}.
     */
    static List<String> downgradeChanges(Catalog catalog, List<String> rows, Map<String, LogStore.Entry> log) {
        List<String> changed = new ArrayList<>();
        if (log.isEmpty()) {
            return changed;
        }
        for (String id : applied(catalog.graph(), rows)) {
            LogStore.Entry entry = log.get(id);
            if (entry != null && entry.applied() && entry.checksum() != null
                    && change(catalog, id, entry) == ChecksumChange.DOWNGRADE_ONLY) {
                changed.add(id + " (" + catalog.script(id).description() + ")");
            }
        }
        return changed;
    }

    /** Every drift problem: unknown rows first, then changed or re-parented applied revisions, in load order. */
    static List<DriftProblem> check(Catalog catalog, List<String> rows, Map<String, LogStore.Entry> log,
            String versionTable) {
        List<DriftProblem> problems = new ArrayList<>();
        RevisionGraph graph = catalog.graph();
        for (String row : rows) {
            if (!graph.contains(row)) {
                problems.add(new DriftProblem(row, "", UnknownAppliedRevisionException.message(row, versionTable)));
            }
        }
        if (log.isEmpty()) {
            return problems;
        }
        for (String id : applied(graph, rows)) {
            LogStore.Entry entry = log.get(id);
            if (entry != null && entry.applied()) {
                DriftProblem problem = problem(catalog, id, entry);
                if (problem != null) {
                    problems.add(problem);
                }
            }
        }
        return problems;
    }

    private static DriftProblem problem(Catalog catalog, String id, LogStore.Entry entry) {
        RevisionScript script = catalog.script(id);
        if (script == null) {
            return null;
        }
        String revises = String.join(",", script.downRevisions());
        if (entry.revises() != null && !entry.revises().equals(revises)) {
            return new DriftProblem(id, script.description(), "Revision " + id + " (" + script.description()
                    + ") was applied with Revises: " + shown(entry.revises()) + ", but its script now says Revises: "
                    + shown(revises) + ". An applied revision must keep its parents; restore its Revises line and"
                    + " express the new order with a new (merge) revision.");
        }
        if (entry.checksum() == null || change(catalog, id, entry) != ChecksumChange.CHANGED) {
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
                + " count, so this is a real change" + (entry.checksum().startsWith("v1:")
                        ? " (the recorded checksum is of version 1, which covers both parts, so a change to the"
                                + " downgrade part alone counts too)" : " to its upgrade part")
                + ". Restore the file and put the change in a new revision; if the new text is meant to replace the"
                + " old one, downgrade below the revision and upgrade again (which records the new checksum), or set"
                + " the checksum policy to WARN.");
    }

    /**
     * How an applied revision's checksum compares with the recorded one; a file whose bytes are those
     * that ran is not checksummed. The entry has a checksum.
     */
    private static ChecksumChange change(Catalog catalog, String id, LogStore.Entry entry) {
        RevisionScript script = catalog.script(id);
        if (script == null) {
            return ChecksumChange.NONE;
        }
        String hash = catalog.contentHash(id);
        if (hash != null && hash.equals(entry.contentHash())) {
            return ChecksumChange.NONE;
        }
        return script.compareChecksum(entry.checksum());
    }

    /** A Java revision's change: of its declared version, or of the operations it records. */
    private static String javaChange(String id, String description, String recorded, String now) {
        if (now.startsWith("jv:") || recorded.startsWith("jv:")) {
            return "Revision " + id + " (" + description + ") was changed after it was applied: its declared version"
                    + " is " + (now.startsWith("jv:") ? "'" + now.substring(3) + "'" : "gone") + ", and "
                    + (recorded.startsWith("jv:") ? "'" + recorded.substring(3) + "'" : "none") + " ran. A new version"
                    + " says that the revision does something else: put the change in a new revision, or downgrade below"
                    + " it and upgrade again (which records the new version), or set the checksum policy to WARN.";
        }
        return "Revision " + id + " (" + description + ") was changed after it was applied: the operations it records"
                + " differ from those that ran (recorded checksum " + recorded + ", now " + now + "). Restore its code and"
                + " put the change in a new revision. If its code is unchanged but gives other values on each load (a"
                + " random id, the time, a salted hash, a bean's state), declare a version instead:"
                + " @Revision(version = \"1\"), checked as given (downgrade below it and upgrade again to record it),"
                + " or set the checksum policy to WARN.";
    }

    private static String shown(String revises) {
        return revises.isEmpty() ? "<base>" : revises.replace(",", ", ");
    }
}
