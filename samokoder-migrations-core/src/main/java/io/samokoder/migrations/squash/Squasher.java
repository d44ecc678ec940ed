package io.samokoder.migrations.squash;

import io.samokoder.migrations.MigrationException;
import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.graph.Revision;
import io.samokoder.migrations.graph.RevisionGraph;
import io.samokoder.migrations.plan.Planner;
import io.samokoder.migrations.plan.Step;
import io.samokoder.migrations.script.Phase;
import io.samokoder.migrations.script.RevisionScript;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Squashes a revision and every revision it needs (its ancestors, dependencies included) into one SQL script that
 * keeps the revision's id, so that a long history starts a new database in one step while databases already at that
 * revision or beyond it need nothing. The script holds the revisions' upgrade statements in the order a run would send
 * them, and their downgrade statements in the order a downgrade to {@code base} would, each group under a comment
 * naming its revision; Java revisions are written as their operations render for the dialect. Its header says what
 * it replaced ({@code Squashes}) and the checksum the revision had before ({@code Squashed Checksum}), so that the
 * databases that ran the revisions one by one do not report the revision as changed.
 *
 * <p>A squash is refused, naming the revision and file in the way, when a revision outside it revises or depends on
 * one inside it other than the last (it would lose its parent), or when a Java revision inside it reads the database
 * (it has no statements without one). Nothing is written here.
 */
public final class Squasher {

    private final List<RevisionScript> scripts;
    private final Map<String, RevisionScript> byId;
    private final RevisionGraph graph;
    private final Dialect dialect;
    private final SquashText text;

    private Squasher(List<RevisionScript> scripts, Dialect dialect) {
        this.scripts = List.copyOf(scripts);
        this.dialect = dialect;
        this.text = new SquashText(dialect);
        this.byId = new HashMap<>();
        List<Revision> revisions = new ArrayList<>(scripts.size());
        for (RevisionScript script : this.scripts) {
            this.byId.put(script.id(), script);
            revisions.add(script.revision());
        }
        this.graph = RevisionGraph.of(revisions);
    }

    /**
     * A squasher over these scripts (SQL and Java revisions, in load order), writing statements as the dialect
     * reads and renders them.
     */
    public static Squasher of(List<RevisionScript> scripts, Dialect dialect) {
        return new Squasher(scripts, dialect);
    }

    /**
     * Squashes a revision and everything below it.
     *
     * @param spec the revision to squash up to: an id, a prefix of one, a branch label, or {@code heads} with one head
     * @param message the squash's message, or {@code null} for "Squash of N revisions"
     * @param createDate the squash's {@code Create Date}
     * @throws SquashException when the squash cannot be made, saying why and what to do
     */
    public SquashedScript squash(String spec, String message, String createDate) {
        Planner planner = new Planner(this.graph);
        String id = planner.resolveOne(spec).map(Revision::id).orElseThrow(() -> new SquashException(
                "'" + spec + "' names no revision to squash up to; give a revision id (or a prefix of one),"
                        + " a branch label, or heads when there is one head"));
        List<String> order = revisions(planner.upgrade(List.of(), id).steps());
        if (order.size() < 2) {
            throw new SquashException("Revision " + id + " (" + source(id) + ") has no revision below it: there is"
                    + " nothing to squash into it");
        }
        Set<String> members = new HashSet<>(order);
        Set<String> labels = new LinkedHashSet<>();
        for (String member : order) {
            labels.addAll(this.byId.get(member).branchLabels());
        }
        refuseOutsiders(id, members, labels);
        List<RevisionScript> replaced = new ArrayList<>(order.size());
        for (String member : order) {
            replaced.add(this.byId.get(member));
        }
        List<String> downOrder = revisions(planner.downgrade(List.of(id), "base").steps());
        String name = message == null || message.isBlank() ? "Squash of " + order.size() + " revisions"
                : SquashText.oneLine(message);
        // Each SQL script's parts as written, comments kept; where they do not read back as they ran when put
        // together, each revision's statements alone.
        String description = source(id);
        SquashText.Parts parts = parts(order, downOrder, true);
        String script = SquashText.header(name, id, createDate, labels, parts, replaced) + parts.body();
        RevisionScript squashed = this.text.readBack(script, description, parts);
        if (squashed == null) {
            parts = parts(order, downOrder, false);
            script = SquashText.header(name, id, createDate, labels, parts, replaced) + parts.body();
            squashed = this.text.readBack(script, description, parts);
            if (squashed == null) {
                throw new SquashException("The squash of " + id + " does not read back as the statements it was made"
                        + " of; nothing was written. Squash up to a revision below the ones whose statements only"
                        + " another SQL mode reads, and report the scripts as a bug");
            }
        }
        checkMap(id, squashed, members);
        return new SquashedScript(id, script, replaced, parts.notes);
    }

    private static List<String> revisions(List<Step> steps) {
        List<String> ids = new ArrayList<>(steps.size());
        for (Step step : steps) {
            ids.add(step.revision());
        }
        return ids;
    }

    /** A revision outside the squash may build only on its last revision, which keeps its id. */
    private void refuseOutsiders(String id, Set<String> members, Set<String> labels) {
        for (RevisionScript script : this.scripts) {
            String other = script.id();
            if (members.contains(other)) {
                continue;
            }
            for (String parent : this.graph.parents(other)) {
                if (members.contains(parent) && !parent.equals(id)) {
                    throw new SquashException("Cannot squash up to " + id + ": revision " + other + " ("
                            + script.description() + ") revises " + parent + ", which the squash would replace, and"
                            + " would lose its parent. Merge the branches first and squash up to the merge, or squash"
                            + " up to " + parent);
                }
            }
            for (String dependency : script.dependsOn()) {
                if (labels.contains(dependency)) {
                    continue; // a label moves to the squash
                }
                String target = this.graph.revisionForKey(dependency).orElse(dependency);
                if (members.contains(target) && !target.equals(id)) {
                    throw new SquashException("Cannot squash up to " + id + ": revision " + other + " ("
                            + script.description() + ") depends on " + dependency + ", which the squash would replace."
                            + " Change its 'Depends On' to " + id + " (which the squash keeps), or squash up to "
                            + target);
                }
            }
        }
    }

    /** The upgrade and downgrade parts, and what they make of the header's settings. */
    private SquashText.Parts parts(List<String> order, List<String> downOrder, boolean asWritten) {
        SquashText.Parts parts = new SquashText.Parts();
        List<String> nonTransactional = new ArrayList<>();
        List<String> javaClasses = new ArrayList<>();
        List<String> deferred = new ArrayList<>();
        List<String> contract = new ArrayList<>();
        Placeholding placeholding = new Placeholding();
        for (String member : order) {
            RevisionScript script = this.byId.get(member);
            if (script.deferred()) {
                deferred.add(member);
            }
            if (script.phase() == Phase.CONTRACT) {
                contract.add(member);
            }
            if (!script.transactional(this.dialect)) {
                nonTransactional.add(member);
            }
            if (script.code().isPresent()) {
                javaClasses.add(script.description());
            }
            parts.lockTimeout = longest(parts.lockTimeout, script.lockTimeout().orElse(null));
            parts.statementTimeout = longest(parts.statementTimeout, script.statementTimeout().orElse(null));
            parts.upgrade.add(placeholding.add(member, script, this.text.group(script, true, asWritten)));
        }
        List<String> irreversible = new ArrayList<>();
        for (String member : downOrder) {
            RevisionScript script = this.byId.get(member);
            if (!script.reversible()) {
                irreversible.add(member);
            }
        }
        if (irreversible.isEmpty()) {
            for (String member : downOrder) {
                RevisionScript script = this.byId.get(member);
                parts.downgrade.add(placeholding.add(member, script, this.text.group(script, false, asWritten)));
            }
        } else {
            parts.notes.add("No downgrade part: " + String.join(", ", irreversible) + (irreversible.size() == 1
                    ? " has none" : " have none") + ", so the squash is irreversible");
        }
        parts.placeholders = placeholding.check(this.byId.get(order.get(order.size() - 1)).id());
        parts.transactional = nonTransactional.isEmpty();
        if (!parts.transactional) {
            parts.notes.add("Transactional: false, as " + String.join(", ", nonTransactional) + " ran outside a"
                    + " transaction: a failure part way leaves the statements before it applied");
        }
        if (!deferred.isEmpty()) {
            parts.notes.add("Not deferred: " + String.join(", ", deferred) + (deferred.size() == 1 ? " was" : " were")
                    + " deferred, and the squash runs with the start-up of a new database");
        }
        if (!contract.isEmpty()) {
            parts.notes.add("Not contract: " + String.join(", ", contract) + (contract.size() == 1 ? " was a contract"
                    + " revision" : " were contract revisions") + ", which a new database gets with the rest; squash"
                    + " only once every database in use has " + (contract.size() == 1 ? "it" : "them") + " (a"
                    + " database without the squashed revision cannot go on with this build)");
        }
        if (!javaClasses.isEmpty()) {
            parts.notes.add("Java revisions written as the SQL their operations render for " + this.dialect.name()
                    + "; delete their classes: " + String.join(", ", javaClasses));
        }
        return parts;
    }

    /** The longer of two timeouts; {@code null} is "not set", {@link Duration#ZERO} is "none", the longest. */
    private static Duration longest(Duration a, Duration b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        if (a.isZero() || b.isZero()) {
            return Duration.ZERO;
        }
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The map stays valid with the squash in place of what it replaces. */
    private void checkMap(String id, RevisionScript squashed, Set<String> members) {
        List<Revision> revisions = new ArrayList<>();
        for (RevisionScript script : this.scripts) {
            if (script.id().equals(id)) {
                revisions.add(squashed.revision());
            } else if (!members.contains(script.id())) {
                revisions.add(script.revision());
            }
        }
        try {
            RevisionGraph.of(revisions);
        } catch (MigrationException e) {
            throw new SquashException("The squash of " + id + " would leave an invalid revision map: "
                    + e.getMessage(), e);
        }
    }

    private String source(String id) {
        return this.byId.get(id).description();
    }

    /**
     * Which members hold {@code ${} text that runs with placeholders replaced, and which hold it as written (a
     * script with {@code Placeholders: false}, a Java revision's rendered SQL): one squash cannot keep both.
     */
    private static final class Placeholding {

        private final Set<String> replaced = new LinkedHashSet<>();
        private final Set<String> asWritten = new LinkedHashSet<>();

        SquashText.Group add(String member, RevisionScript script, SquashText.Group group) {
            if (group.text().contains("${")) {
                (script.placeholders() ? this.replaced : this.asWritten).add(member);
            }
            return group;
        }

        /** Whether the squash replaces placeholders; refuses members that differ. */
        boolean check(String id) {
            if (!this.replaced.isEmpty() && !this.asWritten.isEmpty()) {
                throw new SquashException("Cannot squash up to " + id + ": " + String.join(", ", this.replaced)
                        + " use placeholders (${name}) and " + String.join(", ", this.asWritten) + " hold ${...} text"
                        + " that runs as written ('Placeholders: false', or a Java revision), which one script cannot"
                        + " keep apart. Squash up to a revision below the first of them");
            }
            return this.asWritten.isEmpty();
        }
    }
}
