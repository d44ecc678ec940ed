package io.samokoder.migrations.cli.command;

import io.samokoder.migrations.graph.Revision;
import io.samokoder.migrations.graph.RevisionGraph;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code graph [--format mermaid|dot]}: the revision map as Mermaid {@code flowchart} or Graphviz
 * {@code digraph} source. Edges go from a revision to its down revisions (solid) and to its
 * dependencies (dashed); nodes show the id, branch labels and message; heads and merge points are
 * marked, and with {@code applied} the revisions the database has (it or a descendant is a version
 * row). Only {@code applied} reads the database; otherwise no connection is opened.
 *
 * @param style {@code mermaid} or {@code dot}
 * @param applied mark the applied revisions (reads the version table)
 */
public record GraphCommand(Style style, boolean applied) implements MigrationCommand {

    /** The output language. */
    public enum Style {
        /** Mermaid {@code flowchart BT}. */
        MERMAID,
        /** Graphviz {@code digraph}. */
        DOT
    }

    public GraphCommand {
        Objects.requireNonNull(style, "style");
    }

    @Override
    public void run(Workspace workspace, Output output) {
        Set<String> applied = new HashSet<>();
        if (this.applied) {
            for (String row : workspace.database("graph --applied").current()) {
                Revisions revisions = workspace.revisions();
                if (revisions.graph.contains(row)) {
                    applied.addAll(revisions.graph.ancestors(row));
                }
            }
        }
        Revisions revisions = workspace.revisions();
        StringBuilder text = new StringBuilder(revisions.graph.size() * 64 + 64);
        if (this.style == Style.MERMAID) {
            mermaid(revisions, applied, text);
        } else {
            dot(revisions, applied, text);
        }
        output.text(text.toString());
    }

    private static void mermaid(Revisions revisions, Set<String> applied, StringBuilder text) {
        RevisionGraph graph = revisions.graph;
        text.append("flowchart BT\n");
        for (Revision revision : graph.revisions()) {
            String id = revision.id();
            text.append("    ").append(node(graph, id)).append("[\"").append(mermaidText(label(revisions, id, "<br/>")))
                    .append("\"]\n");
        }
        for (Revision revision : graph.revisions()) {
            for (String parent : revision.downRevisions()) {
                text.append("    ").append(node(graph, revision.id())).append(" --> ").append(node(graph, parent))
                        .append('\n');
            }
            for (String dependency : graph.dependencies(revision.id())) {
                text.append("    ").append(node(graph, revision.id())).append(" -.-> ").append(node(graph, dependency))
                        .append('\n');
            }
        }
        text.append("    classDef head stroke-width:3px\n");
        text.append("    classDef mergepoint stroke-dasharray:4\n");
        text.append("    classDef applied fill:#d4edda\n");
        mermaidClass(text, graph, "head", graph.heads());
        List<String> merges = graph.revisions().stream().map(Revision::id).filter(graph::isMergePoint).toList();
        mermaidClass(text, graph, "mergepoint", merges);
        mermaidClass(text, graph, "applied",
                graph.revisions().stream().map(Revision::id).filter(applied::contains).toList());
    }

    /** A Mermaid node id: revision ids may hold characters that Mermaid does not allow there. */
    private static String node(RevisionGraph graph, String id) {
        return "r" + graph.loadIndex(id);
    }

    private static void mermaidClass(StringBuilder text, RevisionGraph graph, String name, List<String> ids) {
        if (!ids.isEmpty()) {
            text.append("    class ");
            for (int i = 0; i < ids.size(); i++) {
                text.append(i == 0 ? "" : ",").append(node(graph, ids.get(i)));
            }
            text.append(' ').append(name).append('\n');
        }
    }

    private static void dot(Revisions revisions, Set<String> applied, StringBuilder text) {
        RevisionGraph graph = revisions.graph;
        text.append("digraph revisions {\n    rankdir=BT;\n    node [shape=box];\n");
        for (Revision revision : graph.revisions()) {
            String id = revision.id();
            text.append("    \"").append(dotText(id)).append("\" [label=\"")
                    .append(dotText(label(revisions, id, "\n"))).append('"');
            if (graph.isHead(id)) {
                text.append(", penwidth=3");
            }
            if (graph.isMergePoint(id)) {
                text.append(", shape=octagon");
            }
            if (applied.contains(id)) {
                text.append(", style=filled, fillcolor=\"#d4edda\"");
            }
            text.append("];\n");
        }
        for (Revision revision : graph.revisions()) {
            for (String parent : revision.downRevisions()) {
                text.append("    \"").append(dotText(revision.id())).append("\" -> \"").append(dotText(parent))
                        .append("\";\n");
            }
            for (String dependency : graph.dependencies(revision.id())) {
                text.append("    \"").append(dotText(revision.id())).append("\" -> \"").append(dotText(dependency))
                        .append("\" [style=dashed];\n");
            }
        }
        text.append("}\n");
    }

    private static String label(Revisions revisions, String id, String lineBreak) {
        RevisionGraph graph = revisions.graph;
        StringBuilder label = new StringBuilder(id);
        if (!graph.branchLabels(id).isEmpty()) {
            label.append(" (").append(String.join(", ", graph.branchLabels(id))).append(')');
        }
        if (graph.isRealHead(id)) {
            label.append(" (head)");
        } else if (graph.isHead(id)) {
            label.append(" (effective head)");
        }
        if (graph.isMergePoint(id)) {
            label.append(" (mergepoint)");
        }
        String message = revisions.revision(id).message();
        if (!message.isEmpty()) {
            label.append(lineBreak).append(message);
        }
        return label.toString();
    }

    private static String mermaidText(String value) {
        return value.replace("\"", "#quot;");
    }

    private static String dotText(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
