package io.samokoder.migrations.plan;

import io.samokoder.migrations.graph.RevisionException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Alembic's head maintainer (spec §5) as a pure function: it keeps the version rows of a plan and
 * turns each step into the row changes Alembic would make. The rows ({@link VersionRows}) keep
 * their order.
 *
 * <p>Where Alembic takes an order from a set (the rows a merge deletes, the rows an unmerge
 * inserts), the order of the revision's normalised down revisions is used. A merge only deletes
 * and updates down revisions that are rows: Alembic also tries a down revision that is no row
 * (a dependency on an ancestor, say) and fails with a {@code KeyError}; when none is left, the
 * merge revision is inserted.
 */
final class HeadMaintainer {

    private static final int[] NO_NODES = new int[0];

    private final GraphIndex index;
    private final VersionRows rows;
    /** The ancestors of the rows, kept from the first upgrade or downgrade step on; null before. */
    private BitSet applied;
    /** Per revision, how many applied revisions list it as a normalised down revision. */
    private int[] appliedChildren;

    HeadMaintainer(GraphIndex index, List<String> rows) {
        this.index = index;
        this.rows = new VersionRows(rows);
    }

    /** The current rows; the same immutable list until the rows change (steps share it). */
    List<String> rows() {
        return this.rows.snapshot();
    }

    /** The step that runs the upgrade of a revision and moves the rows accordingly. */
    Step upgrade(int revision) {
        List<String> before = rows();
        String id = this.index.ids[revision];
        int[] down = this.index.normDown[revision];
        // One change in the common case: an immutable list of one, which Step keeps without a copy.
        List<RowChange> changes;
        int[] present = presentAmong(down);
        if (down.length == 0 || present.length == 0) {
            changes = List.of(this.rows.insert(id));
        } else if (down.length > 1 && present.length > 1) {
            changes = new ArrayList<>(2);
            boolean othersExist = this.rows.size() > present.length;
            int[] from = presentAmong(othersExist ? minus(down, impliedByOtherRows(revision, down, false)) : down);
            if (from.length == 0) {
                changes.add(this.rows.insert(id));
            } else {
                for (int i = 0; i < from.length - 1; i++) {
                    changes.add(this.rows.delete(this.index.ids[from[i]]));
                }
                changes.add(this.rows.update(this.index.ids[from[from.length - 1]], id));
            }
        } else {
            int single = down.length == 1 ? down[0] : present[0];
            changes = List.of(this.rows.update(this.index.ids[single], id));
        }
        markApplied(revision, true);
        return new Step(Step.Kind.UPGRADE, id, this.index.names(this.index.parents[revision]), List.of(id), before,
                changes, rows());
    }

    /** The step that runs the downgrade of a revision and moves the rows accordingly. */
    Step downgrade(int revision) {
        List<String> before = rows();
        String id = this.index.ids[revision];
        int[] down = this.index.normDown[revision];
        boolean isRow = this.rows.contains(id);
        List<RowChange> changes = new ArrayList<>(2);
        int[] unmerge = isRow && down.length > 0 ? unmergeTargets(revision, down) : new int[0];
        if (isRow && (down.length == 0 || unmerge.length == 0)) {
            changes.add(this.rows.delete(id));
        } else if (isRow && down.length > 1) {
            for (int i = 0; i < unmerge.length - 1; i++) {
                changes.add(this.rows.insert(this.index.ids[unmerge[i]]));
            }
            changes.add(this.rows.update(id, this.index.ids[unmerge[unmerge.length - 1]]));
        } else {
            int target = down.length == 1 ? down[0] : singlePresent(down, id);
            changes.add(this.rows.update(id, this.index.ids[target]));
        }
        markApplied(revision, false);
        return new Step(Step.Kind.DOWNGRADE, id, List.of(id), this.index.names(this.index.parents[revision]), before,
                changes, rows());
    }

    /**
     * A stamp step from rows to a revision (Alembic's {@code StampStep}), or {@code null} when the
     * step would change nothing.
     */
    Step stamp(List<String> from, String to, boolean upgrade, boolean branchMove) {
        List<String> before = rows();
        List<RowChange> changes = new ArrayList<>(2);
        List<String> toList = to == null ? List.of() : List.of(to);
        if (!upgrade && branchMove) {
            changes.add(this.rows.delete(from.get(0)));
        } else if (upgrade && (branchMove || !this.rows.containsAll(from)) && to != null && !this.rows.contains(to)) {
            changes.add(this.rows.insert(to));
        } else if (from.size() > 1) {
            for (int i = 0; i < from.size() - 1; i++) {
                changes.add(this.rows.delete(from.get(i)));
            }
            changes.add(this.rows.update(from.get(from.size() - 1), to));
        } else if (from.size() == 1 && to != null) {
            changes.add(this.rows.update(from.get(0), to));
        } else {
            return null;
        }
        return new Step(Step.Kind.STAMP, to, from, toList, before, changes, rows());
    }

    /** Removes every row, as {@code stamp --purge} does before stamping; {@code null} when there are none. */
    Step purge() {
        if (this.rows.isEmpty()) {
            return null;
        }
        List<String> before = rows();
        List<String> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(this.rows.snapshot()));
        List<RowChange> changes = new ArrayList<>(distinct.size());
        for (String row : distinct) {
            changes.add(new RowChange.Delete(row));
        }
        this.rows.clear();
        return new Step(Step.Kind.STAMP, null, distinct, List.of(), before, changes, List.of(), true);
    }

    /** U: the down revisions not implied by the other rows (spec §5, downgrade). */
    private int[] unmergeTargets(int revision, int[] down) {
        String id = this.index.ids[revision];
        boolean anyOther = false;
        for (String row : this.rows) {
            if (!row.equals(id)) {
                anyOther = true;
                break;
            }
        }
        if (anyOther) {
            return minus(down, impliedByOtherRows(revision, down, true));
        }
        BitSet implied = new BitSet();
        for (int target : down) {
            for (int other : down) {
                if (other != target && this.index.isAncestor(target, other)) {
                    implied.set(target);
                }
            }
        }
        return minus(down, implied);
    }

    /**
     * Which down revisions of a revision are ancestors (dependencies included) of a row other than
     * the excluded ones: the down revisions themselves for an upgrade merge, the revision for a
     * downgrade. Alembic walks the ancestors of all those rows; here the applied set (the
     * ancestors of the rows, kept step by step) answers it: a down revision is implied exactly when
     * an applied revision other than the excluded ones lists it as a normalised down revision,
     * unless that applied revision lies below another down revision, which is then checked by a
     * walk.
     */
    private BitSet impliedByOtherRows(int revision, int[] down, boolean downgrade) {
        ensureApplied();
        BitSet implied = new BitSet();
        for (int target : down) {
            if (downgrade && this.rows.contains(this.index.ids[target])) {
                implied.set(target);
                continue;
            }
            int children = this.appliedChildren[target];
            if (downgrade && this.applied.get(revision)) {
                children--;
            }
            if (children <= 0) {
                continue;
            }
            boolean belowSibling = false;
            for (int other : down) {
                if (other != target && this.index.isAncestor(target, other)) {
                    belowSibling = true;
                    break;
                }
            }
            if (!belowSibling) {
                implied.set(target);
            } else if (reachedFrom(otherRowNodes(revision, down, downgrade), new int[] {target}).get(target)) {
                implied.set(target);
            }
        }
        return implied;
    }

    private int[] otherRowNodes(int revision, int[] down, boolean downgrade) {
        List<String> excluded = downgrade ? List.of(this.index.ids[revision]) : this.index.names(down);
        int[] result = new int[this.rows.size()];
        int count = 0;
        for (String row : this.rows) {
            if (!excluded.contains(row) && this.index.contains(row)) {
                result[count++] = this.index.node(row);
            }
        }
        return Arrays.copyOf(result, count);
    }

    /** Starts tracking the applied set: the ancestors of the rows, and per revision its applied children. */
    private void ensureApplied() {
        if (this.applied != null) {
            return;
        }
        int[] nodes = new int[this.rows.size()];
        int count = 0;
        for (String row : this.rows) {
            if (this.index.contains(row)) {
                nodes[count++] = this.index.node(row);
            }
        }
        this.applied = this.index.ancestors(Arrays.copyOf(nodes, count));
        this.appliedChildren = new int[this.index.size];
        for (int node = this.applied.nextSetBit(0); node >= 0; node = this.applied.nextSetBit(node + 1)) {
            for (int down : this.index.normDown[node]) {
                this.appliedChildren[down]++;
            }
        }
    }

    private void markApplied(int revision, boolean upgrade) {
        if (this.applied == null || this.applied.get(revision) == upgrade) {
            return;
        }
        this.applied.set(revision, upgrade);
        for (int down : this.index.normDown[revision]) {
            this.appliedChildren[down] += upgrade ? 1 : -1;
        }
    }

    /** The down revisions that are rows. */
    private int[] presentAmong(int[] down) {
        if (down.length == 1) {
            return this.rows.contains(this.index.ids[down[0]]) ? down : NO_NODES;
        }
        int[] result = new int[down.length];
        int count = 0;
        for (int node : down) {
            if (this.rows.contains(this.index.ids[node])) {
                result[count++] = node;
            }
        }
        return Arrays.copyOf(result, count);
    }

    private int singlePresent(int[] down, String id) {
        int[] present = presentAmong(down);
        if (present.length != 1) {
            throw new RevisionException("Can't do an UPDATE of version row '" + id
                    + "' because its down revision is ambiguous among the rows " + this.rows
                    + "; repair the version table with stamp --purge");
        }
        return present[0];
    }

    /**
     * Which of the targets are ancestors (normalised down revisions, sources included) of any
     * source. One walk from all sources, pruned below the lowest target level.
     */
    private BitSet reachedFrom(int[] sources, int[] targets) {
        int[] level = this.index.level();
        BitSet wanted = new BitSet();
        int floor = Integer.MAX_VALUE;
        for (int target : targets) {
            wanted.set(target);
            floor = Math.min(floor, level[target]);
        }
        BitSet result = new BitSet();
        BitSet seen = new BitSet();
        TopologicalOrder.IntList stack = new TopologicalOrder.IntList();
        for (int source : sources) {
            if (!seen.get(source)) {
                seen.set(source);
                stack.add(source);
            }
        }
        while (stack.size() > 0) {
            int node = stack.pop();
            if (wanted.get(node)) {
                result.set(node);
            }
            for (int next : this.index.normDown[node]) {
                if (!seen.get(next) && level[next] >= floor) {
                    seen.set(next);
                    stack.add(next);
                }
            }
        }
        return result;
    }

    private static int[] minus(int[] values, BitSet removed) {
        int[] result = new int[values.length];
        int count = 0;
        for (int value : values) {
            if (!removed.get(value)) {
                result[count++] = value;
            }
        }
        return Arrays.copyOf(result, count);
    }
}
