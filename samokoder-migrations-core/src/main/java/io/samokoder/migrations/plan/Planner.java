package io.samokoder.migrations.plan;

import io.samokoder.migrations.graph.Revision;
import io.samokoder.migrations.graph.RevisionException;
import io.samokoder.migrations.graph.RevisionGraph;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * Plans moves over a {@link RevisionGraph} the way Alembic's commands do: which revisions an
 * upgrade, downgrade or stamp runs, in which order, and how each step changes the version rows.
 * Pure and immutable (safe to share between threads); nothing here touches a database.
 *
 * <p>{@code rows} arguments are the version table's rows in the order they were read. Targets are
 * revision specs (README, "Revision specs"); several whitespace-separated specs may be given to
 * {@link #upgrade} and {@link #resolve}. Errors are {@link RevisionException}s carrying Alembic's
 * command-level messages: {@link RevisionNotFoundException}, {@link MultipleHeadsException},
 * {@link RangeNotAncestorException}, or a plain {@code RevisionException}.
 */
public final class Planner {

    /**
     * Collects one call's warnings for its plan and logs them; the logger is looked up on the first
     * warning only (they are rare).
     */
    static final class Warnings implements Consumer<String> {

        private List<String> messages = List.of();

        @Override
        public void accept(String message) {
            if (this.messages.isEmpty()) {
                this.messages = new ArrayList<>(1);
            }
            this.messages.add(message);
            LoggerFactory.getLogger(Planner.class).warn(message);
        }

        List<String> messages() {
            return this.messages;
        }
    }

    private final RevisionGraph graph;
    private final GraphIndex index;
    private final SpecResolver resolver;
    private final RevisionSelector selector;

    /** Creates a planner for a validated graph (linear in its size). */
    public Planner(RevisionGraph graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.index = new GraphIndex(graph);
        this.resolver = new SpecResolver(this.index);
        this.selector = new RevisionSelector(this.resolver, null);
    }

    /** The graph this planner plans over. */
    public RevisionGraph graph() {
        return this.graph;
    }

    /**
     * Plans {@code upgrade <target>} from the given rows (spec §4.1, §4.5): the missing revisions
     * up to the target, bases first. Upgrading to an applied revision, an ancestor of the rows or
     * {@code base} gives an empty plan.
     *
     * @param rows the current version rows
     * @param target a revision spec, e.g. {@code heads}, {@code +1}, {@code users@head}
     * @return the plan
     * @throws RevisionException with Alembic's message when the target or a row does not resolve
     */
    public Plan upgrade(List<String> rows, String target) {
        List<String> current = rows(rows);
        String destination = target(target);
        Warnings warnings = new Warnings();
        int[] order;
        try {
            RevisionSelector.Selection selection = selector(warnings).collectUpgrade(upgradeArg(destination),
                    RevisionArg.rows(current), false, true, true);
            order = TopologicalOrder.sort(this.index, selection.revisions(), selection.heads());
        } catch (MapError e) {
            throw CommandErrors.translate(e, "Destination " + destination
                    + " is not a valid upgrade target from current head(s)", null, null, destination);
        }
        HeadMaintainer maintainer = new HeadMaintainer(this.index, current);
        List<Step> steps = new ArrayList<>(order.length);
        for (int i = order.length - 1; i >= 0; i--) {
            steps.add(maintainer.upgrade(order[i]));
        }
        return new Plan(current, steps, maintainer.rows(), warnings.messages());
    }

    /**
     * Plans {@code downgrade <target>} from the given rows (spec §2.6, §4.2): the applied
     * revisions above the target, heads first.
     *
     * @param rows the current version rows
     * @param target a revision spec, e.g. {@code base}, {@code -1}, {@code users@-2}, {@code branch@rev}
     * @return the plan
     * @throws RevisionException with Alembic's message, e.g. "Destination X is not a valid
     *     downgrade target from current head(s)"
     */
    public Plan downgrade(List<String> rows, String target) {
        List<String> current = rows(rows);
        String destination = target(target);
        Warnings warnings = new Warnings();
        int[] order;
        try {
            RevisionSelector.Selection selection = selector(warnings).collectDowngrade(RevisionArg.rows(current),
                    destination, false, false, true);
            order = TopologicalOrder.sort(this.index, selection.revisions(), selection.heads());
        } catch (MapError e) {
            throw CommandErrors.translate(e, "Destination " + destination
                    + " is not a valid downgrade target from current head(s)", null, null, destination);
        }
        HeadMaintainer maintainer = new HeadMaintainer(this.index, current);
        List<Step> steps = new ArrayList<>(order.length);
        for (int node : order) {
            steps.add(maintainer.downgrade(node));
        }
        return new Plan(current, steps, maintainer.rows(), warnings.messages());
    }

    /**
     * Plans {@code stamp <targets...> [--purge]} (spec §6.2): changes to the version rows only.
     * With {@code purge}, a first step deletes every row (unknown ids included) and the stamp then
     * starts from no rows.
     *
     * @param rows the current version rows
     * @param targets revision specs; empty means {@code base}
     * @param purge whether to delete every row first
     * @return the plan, made of {@link Step.Kind#STAMP} steps
     */
    public Plan stamp(List<String> rows, List<String> targets, boolean purge) {
        List<String> current = rows(rows);
        List<String> destinations = new ArrayList<>();
        if (targets != null) {
            for (String target : targets) {
                destinations.add(Objects.requireNonNull(target, "target"));
            }
        }
        if (destinations.isEmpty()) {
            destinations.add("base");
        }
        HeadMaintainer maintainer = new HeadMaintainer(this.index, current);
        List<Step> steps = new ArrayList<>();
        try {
            List<String> heads = purge ? List.of() : current;
            int[] headNodes = Nodes.known(this.resolver.revisions(heads));
            Set<Integer> filtered = new LinkedHashSet<>();
            for (String destination : destinations) {
                if (!destination.isEmpty()) {
                    for (int node : this.resolver.filterForLineage(headNodes, destination, true)) {
                        filtered.add(node);
                    }
                }
            }
            List<Integer> resolved = this.resolver.revisions(destinations);
            if (resolved.isEmpty()) {
                resolved = List.of(SpecResolver.NONE);
            }
            if (purge) {
                add(steps, maintainer.purge());
            }
            List<String> filteredIds = new ArrayList<>();
            for (int node : filtered) {
                filteredIds.add(this.index.ids[node]);
            }
            for (int destination : resolved) {
                if (destination < 0) {
                    for (String head : filteredIds) {
                        add(steps, maintainer.stamp(List.of(head), null, false, true));
                    }
                } else if (!filtered.contains(destination)) {
                    String id = this.index.ids[destination];
                    if (intersects(this.index.descendants(destination), filtered)) {
                        refuseMovedRows(maintainer.rows(), filteredIds, id, destinations);
                        add(steps, maintainer.stamp(filteredIds, id, false, false));
                    } else if (intersects(this.index.ancestors(destination), filtered)) {
                        add(steps, maintainer.stamp(filteredIds, id, true, false));
                    } else {
                        add(steps, maintainer.stamp(List.of(), id, true, true));
                    }
                }
            }
        } catch (MapError e) {
            throw CommandErrors.translate(e, null,
                    "Multiple heads are present; please specify a single target revision", null, null);
        }
        return new Plan(current, steps, maintainer.rows());
    }

    /**
     * The revisions of {@code history -r <range>} (spec §6.7), heads first.
     *
     * @param range {@code start:end}, {@code start:} or {@code :end}; {@code null} or blank for all.
     *     Either end may be {@code current}, meaning the rows.
     * @param rows the current version rows (used only for {@code current})
     * @return the revisions, from the upper end down
     */
    public List<Revision> history(String range, List<String> rows) {
        List<String> current = rows(rows);
        HistoryRange parsed = HistoryRange.parse(range, current);
        try {
            RevisionSelector.Selection selection = selector(new Warnings())
                    .collectUpgrade(parsed.upper(), parsed.lower(), true, false, false);
            return revisions(TopologicalOrder.sort(this.index, selection.revisions(), selection.heads()));
        } catch (MapError e) {
            throw CommandErrors.translate(e, null, null, parsed.lower().display(), parsed.upper().display());
        }
    }

    /**
     * Resolves a spec to revisions, as {@code alembic show} does: ids, prefixes, labels,
     * {@code head(s)}, {@code L@X}, {@code [L@]-N} (from the heads). {@code base} resolves to
     * nothing.
     */
    public List<Revision> resolve(String spec) {
        List<String> tokens = tokens(spec);
        try {
            List<Revision> result = new ArrayList<>();
            for (int node : this.resolver.revisions(tokens)) {
                if (node >= 0) {
                    result.add(this.graph.revisions().get(node));
                }
            }
            return result;
        } catch (MapError e) {
            throw CommandErrors.translate(e, null, null, null, null);
        }
    }

    /**
     * The one revision a spec names, as a command resolves a range's start (Alembic's
     * {@code get_revision} under its command errors): empty for {@code base}; a spec naming several
     * revisions ({@code heads} on a branched graph) fails with the command's "Multiple head revisions"
     * text, an unknown one with "Can't locate revision".
     */
    public Optional<Revision> resolveOne(String spec) {
        try {
            int node = this.resolver.revision(spec);
            return node < 0 ? Optional.empty() : Optional.of(this.graph.revisions().get(node));
        } catch (MapError e) {
            throw CommandErrors.translate(e, null, null, null, null);
        }
    }

    /**
     * What {@code alembic current} displays for the rows (spec §6.5): the rows and their
     * ancestors, dependencies included, reduced to those with no child in that set; load order.
     */
    public List<String> displayedCurrent(List<String> rows) {
        List<String> current = rows(rows);
        try {
            int[] nodes = Nodes.known(this.resolver.revisions(current));
            return this.index.names(this.selector.targets().allCurrent(nodes));
        } catch (MapError e) {
            throw CommandErrors.translate(e, null, null, null, null);
        }
    }

    /** A selector for one call, collecting its warnings (the shared one has none to give). */
    private RevisionSelector selector(Warnings warnings) {
        return new RevisionSelector(this.resolver, warnings);
    }

    /** The graph index, for the revision map API of this package. */
    GraphIndex index() {
        return this.index;
    }

    /** The spec resolver, for the revision map API of this package. */
    SpecResolver resolver() {
        return this.resolver;
    }

    private List<Revision> revisions(int[] nodes) {
        List<Revision> result = new ArrayList<>(nodes.length);
        for (int node : nodes) {
            result.add(this.graph.revisions().get(node));
        }
        return result;
    }

    private static void add(List<Step> steps, Step step) {
        if (step != null) {
            steps.add(step);
        }
    }

    /**
     * Refuses a stamp target that would move rows down which an earlier target of the same stamp already
     * moved: as in Alembic, a stamp moves all the rows related to any of its targets at once (spec §6.2), so
     * two targets that share those rows cannot both be stamped (Alembic fails there with a {@code KeyError}).
     */
    private static void refuseMovedRows(List<String> rows, List<String> moving, String target, List<String> targets) {
        List<String> moved = new ArrayList<>();
        for (String row : moving) {
            if (!rows.contains(row)) {
                moved.add(row);
            }
        }
        if (!moved.isEmpty()) {
            throw new RevisionException("Can't stamp " + target + ": it would move the version row(s) "
                    + String.join(", ", moved) + ", which an earlier revision of this stamp has moved already (a stamp"
                    + " moves every row related to any of its revisions); stamp the revisions one at a time, or set"
                    + " exactly these rows with 'stamp --purge " + String.join(" ", targets) + "'");
        }
    }

    private static boolean intersects(BitSet set, Set<Integer> nodes) {
        for (int node : nodes) {
            if (set.get(node)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> rows(List<String> rows) {
        return rows == null ? List.of() : List.copyOf(rows);
    }

    private static String target(String target) {
        Objects.requireNonNull(target, "target");
        if (target.indexOf(':') >= 0) {
            throw new RevisionException("Range revision not allowed");
        }
        return target;
    }

    private static RevisionArg upgradeArg(String target) {
        List<String> tokens = tokens(target);
        return tokens.size() == 1 ? RevisionArg.of(tokens.get(0)) : RevisionArg.rows(tokens);
    }

    private static List<String> tokens(String spec) {
        if (spec == null || spec.isBlank()) {
            return spec == null ? java.util.Collections.singletonList(null) : List.of(spec);
        }
        return whitespaceSplit(spec.strip());
    }

    /** {@code text.split("\\s+")} for stripped text, without compiling a regular expression. */
    private static List<String> whitespaceSplit(String text) {
        List<String> result = new ArrayList<>(1);
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean space = i == text.length() || isRegexSpace(text.charAt(i));
            if (space && start >= 0) {
                result.add(text.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        return List.copyOf(result);
    }

    /** The characters of the regular expression class {@code \s}. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\013' || c == '\f' || c == '\r';
    }
}
