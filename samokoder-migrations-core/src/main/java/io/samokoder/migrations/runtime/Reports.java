package io.samokoder.migrations.runtime;

import io.samokoder.migrations.MigrationStatus;
import io.samokoder.migrations.PartialAttempt;
import io.samokoder.migrations.RevisionInfo;
import io.samokoder.migrations.graph.Revision;
import io.samokoder.migrations.graph.RevisionException;
import io.samokoder.migrations.graph.RevisionGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Read-only descriptions of revisions against the database's state: history, show, status. */
final class Reports {

    private final Catalog catalog;

    Reports(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The revisions of a history range, heads first, each with its applied state. */
    List<RevisionInfo> history(DbState state, String range) {
        return infos(this.catalog.planner().history(range, state.rows()), state);
    }

    /** The one revision a spec names; the state is read only once the spec has resolved. */
    RevisionInfo show(String revision, Supplier<DbState> state) {
        List<Revision> found = this.catalog.planner().resolve(revision);
        if (found.size() != 1) {
            throw new RevisionException("'" + revision + "' names " + found.size() + " revisions (" + ids(found)
                    + "); show needs a spec that names exactly one");
        }
        return infos(found, state.get()).get(0);
    }

    /**
     * The rows, the heads, what is pending for the target and every revision's state, the loaded revisions applied
     * as of {@code from}: the rows, or the loaded ones beneath a newer build's ({@link NewerRevisions}).
     */
    MigrationStatus status(DbState state, List<String> from, String target, List<String> pending,
            List<PartialAttempt> partial) {
        return new MigrationStatus(state.rows(), this.catalog.graph().heads(), target, pending,
                infos(this.catalog.planner().history(null, from), from, state.log()), partial);
    }

    private List<RevisionInfo> infos(List<Revision> revisions, DbState state) {
        return infos(revisions, state.rows(), state.log());
    }

    private List<RevisionInfo> infos(List<Revision> revisions, List<String> rows, Map<String, LogStore.Entry> log) {
        Set<String> applied = Drift.applied(this.catalog.graph(), rows);
        List<RevisionInfo> infos = new ArrayList<>(revisions.size());
        for (Revision revision : revisions) {
            infos.add(info(revision, applied, log));
        }
        return infos;
    }

    private RevisionInfo info(Revision revision, Set<String> applied, Map<String, LogStore.Entry> entries) {
        RevisionGraph graph = this.catalog.graph();
        String id = revision.id();
        boolean isApplied = applied.contains(id);
        LogStore.Entry entry = entries.get(id);
        boolean recorded = isApplied && entry != null && entry.applied();
        return new RevisionInfo(id, revision.downRevisions(), List.copyOf(graph.branchLabels(id)),
                revision.dependsOn(), revision.message(), revision.source(), graph.isHead(id),
                graph.isBranchPoint(id), graph.isMergePoint(id), isApplied,
                recorded && entry.startedAt() != null ? entry.startedAt().plusMillis(entry.durationMillis()) : null,
                recorded ? entry.durationMillis() : null, Drift.status(this.catalog, id, isApplied, entry));
    }

    private static String ids(List<Revision> revisions) {
        List<String> ids = new ArrayList<>();
        for (Revision r : revisions) {
            ids.add(r.id());
        }
        return String.join(", ", ids);
    }
}
