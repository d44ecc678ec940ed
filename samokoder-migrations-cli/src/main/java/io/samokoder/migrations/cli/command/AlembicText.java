package io.samokoder.migrations.cli.command;

import io.samokoder.migrations.graph.Revision;
import io.samokoder.migrations.graph.RevisionGraph;
import java.util.Collection;
import java.util.List;

/**
 * Alembic's text for one revision: {@code Script.cmd_format} with its flags (spec §6.6, §6.7) and
 * the verbose {@code log_entry} block.
 */
final class AlembicText {

    private AlembicText() {
    }

    /** The flags of Alembic's {@code _head_only}. */
    record Flags(boolean branches, boolean doc, boolean parents, boolean treeIndicators, boolean headIndicators) {
        static final Flags CURRENT = new Flags(false, false, false, true, true);
        static final Flags HEADS = new Flags(true, false, false, false, true);
        static final Flags BRANCH_POINT = new Flags(true, false, false, true, true);
        static final Flags HISTORY = new Flags(true, true, true, true, true);

        Flags withDoc(boolean withDoc) {
            return new Flags(this.branches, withDoc, this.parents, this.treeIndicators, this.headIndicators);
        }
    }

    /** One line: {@code [<parents>[ (<deps>)] -> ]<id>[ (<labels>)][ (head)...][, <doc>]}. */
    static String line(Revisions revisions, String id, Flags flags, boolean current) {
        RevisionGraph graph = revisions.graph;
        Revision revision = revisions.revision(id);
        StringBuilder text = new StringBuilder(64);
        if (flags.parents()) {
            text.append(down(revision));
            if (!revision.dependsOn().isEmpty()) {
                text.append(" (");
                comma(text, revision.dependsOn());
                text.append(')');
            }
            text.append(" -> ");
        }
        text.append(id);
        if (flags.branches()) {
            labels(text, graph, id);
        }
        if (flags.headIndicators() || flags.treeIndicators()) {
            boolean realHead = graph.isRealHead(id);
            if (realHead) {
                text.append(" (head)");
            } else if (graph.isHead(id)) {
                text.append(" (effective head)");
            }
            if (current) {
                text.append(" (current)");
            }
        }
        if (flags.treeIndicators()) {
            if (graph.isBranchPoint(id)) {
                text.append(" (branchpoint)");
            }
            if (graph.isMergePoint(id)) {
                text.append(" (mergepoint)");
            }
        }
        if (flags.doc()) {
            text.append(", ").append(revision.message());
        }
        return text.toString();
    }

    /** The verbose block ({@code log_entry}); ends with a line break, so printing it adds a blank line. */
    static String entry(Revisions revisions, String id, boolean current) {
        RevisionGraph graph = revisions.graph;
        Revision revision = revisions.revision(id);
        StringBuilder text = new StringBuilder(256);
        text.append("Rev: ").append(id);
        if (graph.isHead(id)) {
            text.append(" (head)");
        }
        if (graph.isBranchPoint(id)) {
            text.append(" (branchpoint)");
        }
        if (graph.isMergePoint(id)) {
            text.append(" (mergepoint)");
        }
        if (current) {
            text.append(" (current)");
        }
        text.append('\n');
        text.append(graph.isMergePoint(id) ? "Merges: " : "Parent: ").append(down(revision)).append('\n');
        if (!revision.dependsOn().isEmpty()) {
            text.append("Also depends on: ");
            comma(text, revision.dependsOn());
            text.append('\n');
        }
        if (graph.isBranchPoint(id)) {
            text.append("Branches into: ");
            comma(text, graph.children(id));
            text.append('\n');
        }
        if (!graph.branchLabels(id).isEmpty()) {
            text.append("Branch names: ");
            comma(text, graph.branchLabels(id));
            text.append('\n');
        }
        text.append("Path: ").append(revisions.path(id)).append('\n');
        text.append('\n');
        String doc = revisions.longdoc(id);
        int start = 0;
        boolean any = false;
        while (start <= doc.length() && !doc.isEmpty()) {
            int end = doc.indexOf('\n', start);
            if (end < 0) {
                end = doc.length();
            }
            if (any) {
                text.append('\n');
            }
            text.append("    ").append(doc, start, end);
            any = true;
            start = end + 1;
        }
        text.append('\n');
        return text.toString();
    }

    private static String down(Revision revision) {
        List<String> down = revision.downRevisions();
        return down.isEmpty() ? "<base>" : String.join(", ", down);
    }

    private static void labels(StringBuilder text, RevisionGraph graph, String id) {
        Collection<String> labels = graph.branchLabels(id);
        if (!labels.isEmpty()) {
            text.append(" (");
            comma(text, labels);
            text.append(')');
        }
    }

    private static void comma(StringBuilder text, Collection<String> values) {
        boolean first = true;
        for (String value : values) {
            if (!first) {
                text.append(", ");
            }
            text.append(value);
            first = false;
        }
    }
}
