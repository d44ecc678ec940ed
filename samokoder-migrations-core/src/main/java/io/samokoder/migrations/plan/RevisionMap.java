package io.samokoder.migrations.plan;

import io.samokoder.migrations.graph.Revision;
import io.samokoder.migrations.graph.RevisionException;
import io.samokoder.migrations.graph.RevisionGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Alembic's {@code RevisionMap} over a {@link RevisionGraph}, with no database: lookups, the
 * traversal of spec §4 and the head maintainer of spec §5. Immutable and thread-safe.
 *
 * <p>Errors are the map-level ones of spec §9 with Alembic's raw texts: {@link ResolutionException}
 * ("No such revision or branch 'x'", ...), {@link MultipleHeadsException} ("Multiple heads are
 * present for given argument 'head'; a, b"), {@link RangeNotAncestorException} ("Revision a is not
 * an ancestor of revision b") or a plain {@link RevisionException} ("Ambiguous walk", "Walked too
 * far", ...). Commands ({@link Planner}) report the same failures with their command-level texts.
 *
 * <p>A spec argument given as a {@code String} is one token (Alembic's string argument; {@code null}
 * means base); given as a {@code List}, it is a tuple of tokens (as the version rows are passed).
 */
public final class RevisionMap {

    private final Planner planner;

    /** A map over a validated graph (linear in its size). */
    public RevisionMap(RevisionGraph graph) {
        this(new Planner(graph));
    }

    /** The map of a planner's graph, sharing the planner's indexes. */
    public RevisionMap(Planner planner) {
        this.planner = Objects.requireNonNull(planner, "planner");
    }

    /** The graph. */
    public RevisionGraph graph() {
        return this.planner.graph();
    }

    /**
     * Alembic's {@code get_revision}: the one revision a spec names, or empty for {@code base}.
     *
     * @throws MultipleHeadsException when the spec names several revisions (e.g. {@code head} on a
     *     branched map)
     * @throws ResolutionException when nothing matches
     */
    public Optional<Revision> getRevision(String spec) {
        try {
            int node = this.planner.resolver().revision(spec);
            return node < 0 ? Optional.empty() : Optional.of(revision(node));
        } catch (MapError e) {
            throw CommandErrors.mapLevel(e);
        }
    }

    /**
     * Alembic's {@code get_revisions}: every revision a spec names ({@code heads}, {@code L@-1},
     * ...); empty for {@code base}.
     */
    public List<Revision> getRevisions(String spec) {
        return getRevisions(java.util.Collections.singletonList(spec));
    }

    /** {@link #getRevisions(String)} of several tokens, concatenated. */
    public List<Revision> getRevisions(List<String> specs) {
        try {
            List<Revision> result = new ArrayList<>();
            for (int node : this.planner.resolver().revisions(specs)) {
                if (node >= 0) {
                    result.add(revision(node));
                }
            }
            return result;
        } catch (MapError e) {
            throw CommandErrors.mapLevel(e);
        }
    }

    /**
     * Alembic's {@code iterate_revisions} (spec §4): the revisions between {@code upper} and
     * {@code lower}, from the upper end down (an upgrade runs them in reverse).
     *
     * @param upper the upper end: one spec, or {@code null} for base
     * @param lower the lower end: one spec, or {@code null} for base
     * @param inclusive whether the lower revisions themselves are included
     * @param implicitBase whether a lower end that is not an ancestor of the upper one is accepted
     *     (as upgrade does) instead of failing with "Revision x is not an ancestor of revision y"
     * @param selectForDowngrade whether to select as downgrade does (§4.2): {@code upper} is then
     *     the current rows and {@code lower} the destination
     */
    public List<Revision> iterate(String upper, String lower, boolean inclusive, boolean implicitBase,
            boolean selectForDowngrade) {
        return iterate(RevisionArg.of(upper), RevisionArg.of(lower), inclusive, implicitBase,
                selectForDowngrade);
    }

    /** {@link #iterate(String, String, boolean, boolean, boolean)} with tuples of specs for either end. */
    public List<Revision> iterate(List<String> upper, List<String> lower, boolean inclusive, boolean implicitBase,
            boolean selectForDowngrade) {
        return iterate(RevisionArg.rows(upper), RevisionArg.rows(lower), inclusive, implicitBase,
                selectForDowngrade);
    }

    /**
     * Alembic's {@code walk_revisions(base, head)}: every revision from {@code head} down to
     * {@code base}, both included, heads first, lenient about relative lengths (as {@code history}).
     *
     * @param base the lower end, e.g. {@code base}
     * @param head the upper end, e.g. {@code heads}
     */
    public List<Revision> walk(String base, String head) {
        return collect(RevisionArg.of(head), RevisionArg.of(base), true, false, false, false);
    }

    /**
     * The head maintainer (spec §5) for an upgrade of one revision: the step with the row changes it
     * makes and the rows after it.
     *
     * @param rows the version rows before the step, in row order
     * @param revision the full id of the revision upgraded
     */
    public Step upgradeStep(List<String> rows, String revision) {
        return new HeadMaintainer(this.planner.index(), List.copyOf(rows)).upgrade(node(revision));
    }

    /**
     * The head maintainer (spec §5) for a downgrade of one revision: the step with the row changes
     * it makes and the rows after it.
     *
     * @param rows the version rows before the step, in row order
     * @param revision the full id of the revision downgraded
     */
    public Step downgradeStep(List<String> rows, String revision) {
        return new HeadMaintainer(this.planner.index(), List.copyOf(rows)).downgrade(node(revision));
    }

    private List<Revision> iterate(RevisionArg upper, RevisionArg lower, boolean inclusive,
            boolean implicitBase, boolean selectForDowngrade) {
        return collect(upper, lower, inclusive, implicitBase, selectForDowngrade, true);
    }

    private List<Revision> collect(RevisionArg upper, RevisionArg lower, boolean inclusive,
            boolean implicitBase, boolean selectForDowngrade, boolean assertRelativeLength) {
        try {
            RevisionSelector selector = new RevisionSelector(this.planner.resolver(), new Planner.Warnings());
            RevisionSelector.Selection selection;
            if (selectForDowngrade) {
                String destination = destination(lower);
                selection = selector.collectDowngrade(upper, destination, inclusive, implicitBase,
                        assertRelativeLength);
            } else {
                selection = selector.collectUpgrade(upper, lower, inclusive, implicitBase, assertRelativeLength);
            }
            int[] order = TopologicalOrder.sort(this.planner.index(), selection.revisions(), selection.heads());
            List<Revision> result = new ArrayList<>(order.length);
            for (int node : order) {
                result.add(revision(node));
            }
            return result;
        } catch (MapError e) {
            throw CommandErrors.mapLevel(e);
        }
    }

    private static String destination(RevisionArg lower) {
        if (lower.tuple() == null) {
            return lower.single();
        }
        if (lower.tuple().size() > 1) {
            throw new RevisionException("A downgrade selects down to one destination, not " + lower.tuple());
        }
        return lower.tuple().isEmpty() ? null : lower.tuple().get(0);
    }

    private int node(String revision) {
        RevisionGraph graph = this.planner.graph();
        if (revision == null || !graph.contains(revision)) {
            throw new ResolutionException("No such revision or branch '" + revision + "'", revision);
        }
        return graph.loadIndex(revision);
    }

    private Revision revision(int node) {
        return this.planner.graph().revisions().get(node);
    }
}
