package io.samokoder.migrations.cli.command;

import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.graph.Revision;
import io.samokoder.migrations.graph.RevisionGraph;
import io.samokoder.migrations.plan.Planner;
import io.samokoder.migrations.script.RevisionScript;
import io.samokoder.migrations.script.ScriptLocations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The revision map and the scripts behind it, as the commands read them (no database). */
final class Revisions {

    final RevisionGraph graph;
    private final List<RevisionScript> scripts;
    private Planner planner;

    Revisions(Migrations engine) {
        this.graph = engine.graph();
        this.scripts = engine.scripts();
    }

    Planner planner() {
        if (this.planner == null) {
            this.planner = new Planner(this.graph);
        }
        return this.planner;
    }

    Revision revision(String id) {
        return this.graph.revision(id);
    }

    /** The script that declares a revision (scripts and map share the load order). */
    RevisionScript script(String id) {
        int index = this.graph.loadIndex(id);
        if (index < this.scripts.size() && this.scripts.get(index).id().equals(id)) {
            return this.scripts.get(index);
        }
        for (RevisionScript script : this.scripts) {
            if (script.id().equals(id)) {
                return script;
            }
        }
        return null;
    }

    /** Alembic's {@code longdoc}: the script's header block as written. */
    String longdoc(String id) {
        RevisionScript script = script(id);
        return script == null ? revision(id).message() : script.docstring();
    }

    /** The path a user can open: the description without a {@code filesystem:} prefix. */
    String path(String id) {
        String source = revision(id).source();
        return source.startsWith(ScriptLocations.FILESYSTEM_PREFIX)
                ? source.substring(ScriptLocations.FILESYSTEM_PREFIX.length()) : source;
    }

    List<String> ids(List<Revision> revisions) {
        List<String> ids = new ArrayList<>(revisions.size());
        for (Revision revision : revisions) {
            ids.add(revision.id());
        }
        return ids;
    }

    /** One revision as a JSON object. */
    Map<String, Object> json(String id, Boolean current) {
        Revision revision = revision(id);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("revises", revision.downRevisions());
        json.put("dependsOn", revision.dependsOn());
        json.put("branchLabels", List.copyOf(this.graph.branchLabels(id)));
        json.put("message", revision.message());
        json.put("path", path(id));
        json.put("head", this.graph.isRealHead(id));
        json.put("effectiveHead", this.graph.isHead(id) && !this.graph.isRealHead(id));
        json.put("branchPoint", this.graph.isBranchPoint(id));
        json.put("mergePoint", this.graph.isMergePoint(id));
        if (current != null) {
            json.put("current", current);
        }
        return json;
    }
}
