package io.samokoder.migrations.plan;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which revisions a move touches (spec §2.5, §2.6, §4): parsing upgrade and downgrade targets
 * against the current rows, and Alembic's upward and downward collections. Pure.
 */
final class RevisionSelector {

    /**
     * Alembic's relative destination, matched at the start only. In a holder class: compiled on the
     * first spec that can be relative (one with a sign), not on every start-up.
     */
    private static final class Relative {
        static final Pattern PATTERN = Pattern.compile("(?:(.+?)@)?(\\w+)?([+-]\\d+)", Pattern.UNICODE_CHARACTER_CLASS);
    }

    /** A matcher of {@link Relative#PATTERN}, or null when the text has no sign and so cannot match. */
    private static Matcher relative(String text) {
        if (text.indexOf('+') < 0 && text.indexOf('-') < 0) {
            return null;
        }
        Matcher match = Relative.PATTERN.matcher(text);
        return match.lookingAt() ? match : null;
    }

    /**
     * A revision argument as Alembic passes it around: one string (possibly {@code null} for None)
     * or a tuple of strings (the version rows).
     */
    record Arg(String single, List<String> tuple) {

        static Arg of(String value) {
            return new Arg(value, null);
        }

        static Arg rows(List<String> rows) {
            return new Arg(null, List.copyOf(rows));
        }

        boolean isString() {
            return this.tuple == null && this.single != null;
        }

        /** Alembic's {@code util.to_tuple}: None stays empty, a string becomes a 1-tuple. */
        List<String> values() {
            if (this.tuple != null) {
                return this.tuple;
            }
            return this.single == null ? List.of() : List.of(this.single);
        }

        /** As Alembic's range error prints a bound: {@code base} when empty, else {@link #display()}. */
        String displayOrBase() {
            return values().isEmpty() || (this.tuple == null && this.single.isEmpty()) ? "base" : display();
        }

        /** How Alembic prints it with {@code %s}: the string, {@code None}, or a Python tuple. */
        String display() {
            if (this.tuple == null) {
                return this.single == null ? "None" : this.single;
            }
            StringBuilder text = new StringBuilder("(");
            for (int i = 0; i < this.tuple.size(); i++) {
                if (i > 0) {
                    text.append(", ");
                }
                text.append('\'').append(this.tuple.get(i)).append('\'');
            }
            if (this.tuple.size() == 1) {
                text.append(',');
            }
            return text.append(')').toString();
        }
    }

    /** A downgrade target: its branch label (may be null) and its position. */
    record DowngradeTarget(String label, int revision) {
    }

    /** The revisions to order and the heads to start the order from. */
    record Selection(BitSet revisions, int[] heads) {
    }

    private final GraphIndex index;
    private final SpecResolver resolver;
    private final java.util.function.Consumer<String> warnings;

    RevisionSelector(SpecResolver resolver, java.util.function.Consumer<String> warnings) {
        this.index = resolver.index();
        this.resolver = resolver;
        this.warnings = warnings;
    }

    /** Multi-lookup of an argument. */
    List<Integer> revisions(Arg arg) {
        if (arg.tuple() != null) {
            return this.resolver.revisions(arg.tuple());
        }
        return this.resolver.revisions(arg.single());
    }

    /** Alembic's {@code _parse_upgrade_target} (spec §2.5). */
    List<Integer> parseUpgradeTarget(Arg current, Arg target, boolean assertRelativeLength) {
        Matcher match = target.isString() ? relative(target.single()) : null;
        if (match == null) {
            return revisions(target);
        }
        String label = match.group(1);
        String symbol = match.group(2);
        String relativeText = match.group(3);
        BigInteger relativeValue = SpecResolver.pythonInt(relativeText);
        int relative = SpecResolver.clamp(relativeValue);
        if (relative > 0) {
            if (symbol == null) {
                List<String> currentValues = current.values();
                int[] starts;
                if (label != null) {
                    int[] currentNodes = known(this.resolver.revisions(currentValues));
                    starts = this.resolver.filterForLineage(currentNodes, label, false);
                    if (starts.length == 0) {
                        BitSet active = this.index.ancestors(currentNodes);
                        int[] onBranch = this.resolver.filterForLineage(nodesOf(active), label, false);
                        BitSet below = new BitSet();
                        for (int node : onBranch) {
                            for (int down : this.index.normDown[node]) {
                                below.set(down);
                            }
                        }
                        TopologicalOrder.IntList tips = new TopologicalOrder.IntList();
                        for (int node : onBranch) {
                            if (!below.get(node)) {
                                tips.add(node);
                            }
                        }
                        starts = tips.size() == 0 ? new int[] {SpecResolver.NONE} : tips.toArray();
                    }
                } else if (currentValues.isEmpty()) {
                    starts = new int[] {SpecResolver.NONE};
                } else {
                    if (currentValues.size() > 1) {
                        throw MapError.other("Ambiguous upgrade from multiple current revisions");
                    }
                    starts = new int[] {this.resolver.revision(currentValues.get(0))};
                }
                if (starts.length > 1) {
                    throw MapError.other("Ambiguous upgrade from multiple current revisions");
                }
                int revision = this.resolver.walk(starts[0], relative, label, assertRelativeLength);
                if (revision == SpecResolver.NONE) {
                    throw MapError.other("Relative revision " + relativeText + " didn't produce "
                            + Math.abs((long) relative) + " migrations");
                }
                return List.of(revision);
            }
            return List.of(this.resolver.walk(this.resolver.revision(symbol), relative, label, assertRelativeLength));
        }
        if (symbol == null) {
            throw MapError.other("Relative revision " + relativeValue + " didn't produce "
                    + relativeValue.abs() + " migrations");
        }
        int start = label == null ? this.resolver.revision(symbol) : this.resolver.revision(label + "@" + symbol);
        return List.of(this.resolver.walk(start, relative, null, assertRelativeLength));
    }

    /** Alembic's {@code _parse_downgrade_target} (spec §2.6). */
    DowngradeTarget parseDowngradeTarget(Arg current, String target, boolean assertRelativeLength) {
        if (target == null) {
            return new DowngradeTarget(null, SpecResolver.NONE);
        }
        Matcher match = relative(target);
        if (match != null) {
            String label = match.group(1);
            String symbol = match.group(2);
            String relativeText = match.group(3);
            BigInteger relativeValue = SpecResolver.pythonInt(relativeText);
            int relative = SpecResolver.clamp(relativeValue);
            if (relativeValue.signum() >= 0) {
                if (symbol == null) {
                    throw MapError.other("Relative revision " + relativeText + " didn't produce "
                            + relativeValue.abs() + " migrations");
                }
                int revision = this.resolver.walk(this.resolver.revision(symbol), relative, label,
                        assertRelativeLength);
                if (revision == SpecResolver.NONE) {
                    throw MapError.other("Walked too far");
                }
                return new DowngradeTarget(label, revision);
            }
            boolean relativeRevision = symbol == null;
            if (relativeRevision) {
                if (label != null) {
                    List<String> rows = current.values();
                    int[] rowNodes = new int[rows.size()];
                    for (int i = 0; i < rowNodes.length; i++) {
                        rowNodes[i] = this.resolver.revisionForIdent(rows.get(i), null);
                    }
                    int[] symbols = this.resolver.filterForLineage(rowNodes, label, false);
                    if (symbols.length == 0) {
                        symbols = this.resolver.filterForLineage(allCurrent(rowNodes), label, false);
                    }
                    if (symbols.length != 1) {
                        throw MapError.other("Relative revision " + target + " needs exactly one current revision "
                                + "in the lineage of '" + label + "', found " + this.index.names(symbols)
                                + "; name the revision to start from, e.g. '<revision>" + relativeText + "'");
                    }
                    symbol = this.index.ids[symbols[0]];
                } else {
                    List<String> rows = current.values();
                    if (rows.isEmpty()) {
                        throw MapError.other("Relative revision " + relativeText + " didn't produce "
                                + relativeValue.abs() + " migrations");
                    }
                    if (Set.copyOf(rows).size() > 1) {
                        this.warnings.accept("downgrade -1 from multiple heads is ambiguous; this usage will be "
                                + "disallowed in a future release.");
                    }
                    symbol = rows.get(0);
                    label = symbol;
                }
            }
            int start = label == null ? this.resolver.revision(symbol) : this.resolver.revision(label + "@" + symbol);
            int revision = this.resolver.walk(start, relative, null, assertRelativeLength);
            if (revision == SpecResolver.NONE) {
                if (relativeRevision) {
                    throw MapError.other("Relative revision " + relativeText + " didn't produce "
                            + relativeValue.abs() + " migrations");
                }
                throw MapError.other("Walked too far");
            }
            return new DowngradeTarget(label, revision);
        }
        int at = target.lastIndexOf('@');
        String label = at > 0 ? target.substring(0, at) : null;
        String symbol = at >= 0 ? target.substring(at + 1) : target;
        return new DowngradeTarget(label, this.resolver.revision(symbol));
    }

    /** Alembic's {@code _collect_downgrade_revisions} (spec §4.2). */
    Selection collectDowngrade(Arg upper, String lower, boolean inclusive, boolean implicitBase,
            boolean assertRelativeLength) {
        DowngradeTarget parsed = parseDowngradeTarget(upper, lower, assertRelativeLength);
        int target = parsed.revision() == SpecResolver.BASE ? SpecResolver.NONE : parsed.revision();
        int[] roots;
        if (target == SpecResolver.NONE) {
            TopologicalOrder.IntList all = new TopologicalOrder.IntList();
            for (int node = 0; node < this.index.size; node++) {
                if (this.index.parents[node].length == 0) {
                    all.add(node);
                }
            }
            roots = all.toArray();
        } else if (inclusive) {
            roots = new int[] {target};
        } else {
            roots = this.index.children[target];
        }
        if (SpecResolver.truthy(parsed.label()) && roots.length > 1) {
            BitSet ancestors = this.index.ancestorsNoDeps(this.resolver.resolveBranch(parsed.label()));
            TopologicalOrder.IntList kept = new TopologicalOrder.IntList();
            for (int root : roots) {
                if (ancestors.get(root)) {
                    kept.add(root);
                }
            }
            roots = kept.toArray();
            if (roots.length == 0) {
                throw MapError.other("Not a valid downgrade target from current heads");
            }
        }
        List<Integer> headList = revisions(upper);
        int[] heads = known(headList);
        BitSet drop = this.index.descendants(roots);
        BitSet active = this.index.ancestors(heads);
        drop.and(active);
        if (implicitBase) {
            BitSet other = (BitSet) active.clone();
            other.andNot(this.index.ancestors(roots));
            drop.or(other);
        }
        if (target != SpecResolver.NONE && drop.isEmpty() && !headList.contains(target)) {
            throw MapError.rangeNotAncestor("Nothing to drop", upper.displayOrBase());
        }
        return new Selection(drop, heads);
    }

    /** Alembic's {@code _collect_upgrade_revisions} (spec §4.1). */
    Selection collectUpgrade(Arg upper, Arg lower, boolean inclusive, boolean implicitBase,
            boolean assertRelativeLength) {
        List<Integer> parsed = parseUpgradeTarget(lower, upper, assertRelativeLength);
        TopologicalOrder.IntList targetList = new TopologicalOrder.IntList();
        for (int target : parsed) {
            if (target == SpecResolver.NONE) {
                throw MapError.other("Walked too far");
            }
            if (target >= 0) {
                targetList.add(target);
            }
        }
        int[] targets = targetList.toArray();
        if (lower.isString() && lower.single().contains("@")) {
            String branch = lower.single().substring(0, lower.single().indexOf('@'));
            int branchRev = this.resolver.revision(branch);
            if (branchRev >= 0 && this.index.ids[branchRev].equals(branch)) {
                Set<String> labels = this.index.graph.branchLabels(branch);
                if (labels.size() != 1) {
                    throw MapError.other("Revision " + branch + " is used as a branch name in '" + lower.single()
                            + "' but has " + labels.size() + " branch labels " + labels
                            + "; use one of its branch labels instead");
                }
                branch = labels.iterator().next();
            }
            TopologicalOrder.IntList kept = new TopologicalOrder.IntList();
            for (int target : targets) {
                if (this.index.graph.branchLabels(this.index.ids[target]).contains(branch)) {
                    kept.add(target);
                }
            }
            targets = kept.toArray();
        }
        BitSet required = checkedReach(targets, this.index.normDown);
        List<Integer> currentList = revisions(lower);
        if (!implicitBase) {
            for (int current : currentList) {
                if (current >= 0 && !required.get(current)) {
                    throw MapError.rangeNotAncestor(lower.displayOrBase(), upper.displayOrBase());
                }
            }
        }
        Arg effectiveLower = lower;
        if (!currentList.isEmpty() && currentList.get(0) == SpecResolver.NONE) {
            DowngradeTarget reparsed = parseDowngradeTarget(upper, lower.single(), assertRelativeLength);
            if (reparsed.revision() == SpecResolver.NONE) {
                throw MapError.other("Walked too far");
            }
            if (reparsed.revision() == SpecResolver.BASE) {
                currentList = List.of();
                effectiveLower = Arg.of(null);
            } else {
                currentList = List.of(reparsed.revision());
                effectiveLower = Arg.of(this.index.ids[reparsed.revision()]);
            }
        }
        int[] currents = known(currentList);
        BitSet needs = (BitSet) required.clone();
        needs.andNot(checkedReach(currents, this.index.normDown));
        if (inclusive) {
            for (int node : revisions(effectiveLower)) {
                if (node >= 0) {
                    needs.set(node);
                }
            }
        }
        if (currents.length > 0 && !implicitBase) {
            needs.and(checkedReach(currents, this.index.children));
        }
        return new Selection(needs, targets);
    }

    /**
     * Alembic's related-revision walk with {@code check=True}: everything reachable from the
     * targets, failing when one target's walk reaches another target.
     */
    BitSet checkedReach(int[] targets, int[][] edges) {
        BitSet targetSet = new BitSet();
        for (int target : targets) {
            targetSet.set(target);
        }
        BitSet seen = new BitSet(this.index.size);
        TopologicalOrder.IntList stack = new TopologicalOrder.IntList();
        for (int target : targets) {
            stack.clear();
            stack.add(target);
            BitSet overlaps = null;
            while (stack.size() > 0) {
                int node = stack.pop();
                if (node != target && targetSet.get(node)) {
                    if (overlaps == null) {
                        overlaps = new BitSet();
                    }
                    overlaps.set(node);
                }
                if (seen.get(node)) {
                    continue;
                }
                seen.set(node);
                for (int next : edges[node]) {
                    stack.add(next);
                }
            }
            if (overlaps != null) {
                throw MapError.other("Requested revision " + this.index.ids[target]
                        + " overlaps with other requested revisions " + String.join(", ", this.index.names(nodesOf(overlaps))));
            }
        }
        return seen;
    }

    /** Alembic's {@code _get_all_current}: rows and their ancestors, reduced to branch tips. */
    int[] allCurrent(int[] rows) {
        BitSet all = this.index.ancestors(known(rows));
        TopologicalOrder.IntList tips = new TopologicalOrder.IntList();
        for (int node = all.nextSetBit(0); node >= 0; node = all.nextSetBit(node + 1)) {
            boolean childInSet = false;
            for (int child : this.index.children[node]) {
                if (all.get(child)) {
                    childInSet = true;
                    break;
                }
            }
            if (!childInSet) {
                tips.add(node);
            }
        }
        return tips.toArray();
    }

    static int[] nodesOf(BitSet set) {
        int[] result = new int[set.cardinality()];
        int i = 0;
        for (int node = set.nextSetBit(0); node >= 0; node = set.nextSetBit(node + 1)) {
            result[i++] = node;
        }
        return result;
    }

    static int[] known(List<Integer> nodes) {
        TopologicalOrder.IntList result = new TopologicalOrder.IntList();
        for (int node : nodes) {
            if (node >= 0) {
                result.add(node);
            }
        }
        return result.toArray();
    }

    static int[] known(int[] nodes) {
        TopologicalOrder.IntList result = new TopologicalOrder.IntList();
        for (int node : nodes) {
            if (node >= 0) {
                result.add(node);
            }
        }
        return result.toArray();
    }

    static List<Integer> boxed(int[] nodes) {
        List<Integer> result = new ArrayList<>(nodes.length);
        for (int node : nodes) {
            result.add(node);
        }
        return result;
    }
}
