package io.samokoder.migrations.plan;

import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Which revisions a move touches (spec §4): Alembic's upward and downward collections between the
 * parsed targets and the current rows. Pure.
 */
final class RevisionSelector {

    /** The revisions to order and the heads to start the order from. */
    record Selection(BitSet revisions, int[] heads) {
    }

    private final GraphIndex index;
    private final SpecResolver resolver;
    private final TargetParser targets;

    RevisionSelector(SpecResolver resolver, Consumer<String> warnings) {
        this.index = resolver.index();
        this.resolver = resolver;
        this.targets = new TargetParser(resolver, warnings);
    }

    /** The parser of this selector's targets. */
    TargetParser targets() {
        return this.targets;
    }

    /** Alembic's {@code _collect_downgrade_revisions} (spec §4.2). */
    Selection collectDowngrade(RevisionArg upper, String lower, boolean inclusive, boolean implicitBase,
            boolean assertRelativeLength) {
        TargetParser.DowngradeTarget parsed = this.targets.parseDowngradeTarget(upper, lower, assertRelativeLength);
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
        List<Integer> headList = this.targets.revisions(upper);
        int[] heads = Nodes.known(headList);
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
    Selection collectUpgrade(RevisionArg upper, RevisionArg lower, boolean inclusive, boolean implicitBase,
            boolean assertRelativeLength) {
        List<Integer> parsed = this.targets.parseUpgradeTarget(lower, upper, assertRelativeLength);
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
        List<Integer> currentList = this.targets.revisions(lower);
        if (!implicitBase) {
            // A lower -N that walks exactly to base is "below" every target, as Alembic's None: not an ancestor.
            for (int current : currentList) {
                if (current == SpecResolver.BASE || current >= 0 && !required.get(current)) {
                    throw MapError.rangeNotAncestor(lower.displayOrBase(), upper.displayOrBase());
                }
            }
        }
        RevisionArg effectiveLower = lower;
        if (!currentList.isEmpty() && currentList.get(0) == SpecResolver.NONE) {
            TargetParser.DowngradeTarget reparsed = this.targets.parseDowngradeTarget(upper, lower.single(), assertRelativeLength);
            if (reparsed.revision() == SpecResolver.NONE) {
                throw MapError.other("Walked too far");
            }
            if (reparsed.revision() == SpecResolver.BASE) {
                currentList = List.of();
                effectiveLower = RevisionArg.of(null);
            } else {
                currentList = List.of(reparsed.revision());
                effectiveLower = RevisionArg.of(this.index.ids[reparsed.revision()]);
            }
        }
        int[] currents = Nodes.known(currentList);
        BitSet needs = (BitSet) required.clone();
        needs.andNot(checkedReach(currents, this.index.normDown));
        if (inclusive) {
            for (int node : this.targets.revisions(effectiveLower)) {
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
                        + " overlaps with other requested revisions " + String.join(", ", this.index.names(Nodes.of(overlaps))));
            }
        }
        return seen;
    }
}
