package io.samokoder.migrations.plan;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Alembic's topological sort (spec §3) in linear time for ordinary histories. The result is the
 * order Alembic's {@code _topological_sort} produces: from the start heads towards the bases,
 * depth-first along one branch, each branch finished before the nodes below its branch point.
 *
 * <p>Alembic keeps the ancestor set of every current head and scans them all for each candidate.
 * Here a candidate is blocked exactly when some unemitted revision of the set still lists it as a
 * normalised down revision (a counter); only then are the heads above it searched, through
 * unemitted revisions, to find the first one in head order, which is the one Alembic switches to.
 */
final class TopologicalOrder {

    private TopologicalOrder() {
    }

    /**
     * Orders a set of revisions.
     *
     * @param index the graph
     * @param todo the revisions to order (not modified)
     * @param heads the start heads, in any order; those outside {@code todo} are ignored
     * @return the revisions from the heads down
     */
    static int[] sort(GraphIndex index, BitSet todo, int[] heads) {
        BitSet pending = (BitSet) todo.clone();
        int total = pending.cardinality();
        int[] out = new int[total];
        int emitted = 0;
        int[] blockers = new int[index.size];
        for (int node = pending.nextSetBit(0); node >= 0; node = pending.nextSetBit(node + 1)) {
            for (int down : index.normDown[node]) {
                if (pending.get(down)) {
                    blockers[down]++;
                }
            }
        }
        int[] sortedHeads = heads.clone();
        Arrays.sort(sortedHeads);
        IntList cur = new IntList();
        boolean[] inCur = new boolean[index.size];
        for (int head : sortedHeads) {
            if (head >= 0 && pending.get(head) && !inCur[head]) {
                inCur[head] = true;
                cur.add(head);
            }
        }
        int[] visitMark = new int[index.size];
        int visitRound = 0;
        IntList stack = new IntList();
        int idx = 0;
        while (cur.size() > 0) {
            int candidate = cur.get(idx);
            int switchTo = -1;
            if (blockers[candidate] > 0) {
                visitRound++;
                switchTo = firstHeadAbove(index, candidate, pending, inCur, cur, idx, visitMark, visitRound, stack);
            }
            if (switchTo >= 0) {
                idx = switchTo;
                continue;
            }
            if (pending.get(candidate)) {
                out[emitted++] = candidate;
                pending.clear(candidate);
                for (int down : index.normDown[candidate]) {
                    if (pending.get(down)) {
                        blockers[down]--;
                    }
                }
            }
            int first = -1;
            for (int down : index.normDown[candidate]) {
                if (pending.get(down) && !inCur[down]) {
                    if (first < 0) {
                        first = down;
                        cur.set(idx, down);
                    } else {
                        cur.add(down);
                    }
                    inCur[down] = true;
                }
            }
            inCur[candidate] = false;
            if (first < 0) {
                cur.removeAt(idx);
                idx = Math.max(idx - 1, 0);
            }
        }
        if (emitted != total) {
            throw MapError.other("Dependency resolution failed; broken map");
        }
        return out;
    }

    /**
     * The position in {@code cur} of the first head, other than the candidate's, from which the
     * candidate is reachable along normalised down revisions through unemitted revisions; -1 if
     * none.
     */
    private static int firstHeadAbove(GraphIndex index, int candidate, BitSet pending, boolean[] inCur, IntList cur,
            int idx, int[] visitMark, int visitRound, IntList stack) {
        stack.clear();
        stack.add(candidate);
        visitMark[candidate] = visitRound;
        boolean found = false;
        while (stack.size() > 0) {
            int node = stack.pop();
            for (int up : index.normChildren[node]) {
                if (visitMark[up] != visitRound && pending.get(up)) {
                    visitMark[up] = visitRound;
                    if (inCur[up]) {
                        found = true;
                    }
                    stack.add(up);
                }
            }
        }
        if (!found) {
            return -1;
        }
        for (int j = 0; j < cur.size(); j++) {
            int head = cur.get(j);
            if (j != idx && head != candidate && visitMark[head] == visitRound) {
                return j;
            }
        }
        return -1;
    }

    /** A growable int list. */
    static final class IntList {
        private int[] values = new int[16];
        private int size;

        int size() {
            return this.size;
        }

        int get(int i) {
            return this.values[i];
        }

        void set(int i, int value) {
            this.values[i] = value;
        }

        void add(int value) {
            if (this.size == this.values.length) {
                this.values = Arrays.copyOf(this.values, this.size * 2);
            }
            this.values[this.size++] = value;
        }

        int pop() {
            return this.values[--this.size];
        }

        void removeAt(int i) {
            System.arraycopy(this.values, i + 1, this.values, i, this.size - i - 1);
            this.size--;
        }

        void clear() {
            this.size = 0;
        }

        int[] toArray() {
            return Arrays.copyOf(this.values, this.size);
        }
    }
}
