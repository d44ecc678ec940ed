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
 * normalised down revision (a counter); only then is the first head above it (in head order, which
 * is the order in which head slots were created) searched for, upward through unemitted
 * revisions, skipping parts whose remembered lower bound cannot beat the best head found so far.
 */
final class TopologicalOrder {

    private TopologicalOrder() {
    }

    /**
     * Orders a set of revisions.
     *
     * @param index the graph
     * @param toOrder the revisions to order (not modified)
     * @param heads the start heads, in any order; those outside {@code toOrder} are ignored
     * @return the revisions from the heads down
     */
    static int[] sort(GraphIndex index, BitSet toOrder, int[] heads) {
        return new TopologicalOrder.Run(index, toOrder).sort(heads);
    }

    /** One sort: the state of Alembic's loop plus the search structures. */
    private static final class Run {

        private static final int NONE = Integer.MAX_VALUE;

        private final GraphIndex index;
        private final BitSet pending;
        /** Per revision: how many pending revisions list it as a normalised down revision. */
        private final int[] blockers;
        /** Per revision: the key of the head slot it occupies, or -1. */
        private final int[] slotKey;
        /** Per revision: a lower bound of the smallest head key at or above it (never decreases). */
        private final int[] lowerBound;
        private final int[] value;
        private final int[] valueRound;
        private final int[] childCursor;
        private final IntList stack = new IntList();
        private int round;
        private int best;

        Run(GraphIndex index, BitSet toOrder) {
            this.index = index;
            this.pending = (BitSet) toOrder.clone();
            this.blockers = new int[index.size];
            this.slotKey = new int[index.size];
            Arrays.fill(this.slotKey, -1);
            this.lowerBound = new int[index.size];
            this.value = new int[index.size];
            this.valueRound = new int[index.size];
            this.childCursor = new int[index.size];
            for (int node = this.pending.nextSetBit(0); node >= 0; node = this.pending.nextSetBit(node + 1)) {
                for (int down : index.normDown[node]) {
                    if (this.pending.get(down)) {
                        this.blockers[down]++;
                    }
                }
            }
        }

        int[] sort(int[] heads) {
            int total = this.pending.cardinality();
            int[] out = new int[total];
            int emitted = 0;
            int[] sortedHeads = heads.clone();
            Arrays.sort(sortedHeads);
            // cur holds revisions; keys holds each slot's key. Slot keys grow along the list, so
            // "the first slot in list order" is "the smallest key".
            IntList cur = new IntList();
            IntList keys = new IntList();
            int nextKey = 0;
            for (int head : sortedHeads) {
                if (head >= 0 && this.pending.get(head) && this.slotKey[head] < 0) {
                    this.slotKey[head] = nextKey;
                    keys.add(nextKey++);
                    cur.add(head);
                }
            }
            int idx = 0;
            while (cur.size() > 0) {
                int candidate = cur.get(idx);
                if (this.blockers[candidate] > 0) {
                    int key = smallestKeyAbove(candidate);
                    if (key != NONE) {
                        idx = position(keys, key);
                        continue;
                    }
                }
                if (this.pending.get(candidate)) {
                    out[emitted++] = candidate;
                    this.pending.clear(candidate);
                    for (int down : this.index.normDown[candidate]) {
                        if (this.pending.get(down)) {
                            this.blockers[down]--;
                        }
                    }
                }
                int key = keys.get(idx);
                this.slotKey[candidate] = -1;
                boolean replaced = false;
                for (int down : this.index.normDown[candidate]) {
                    if (this.pending.get(down) && this.slotKey[down] < 0) {
                        if (!replaced) {
                            replaced = true;
                            cur.set(idx, down);
                            this.slotKey[down] = key;
                        } else {
                            cur.add(down);
                            keys.add(nextKey);
                            this.slotKey[down] = nextKey++;
                        }
                    }
                }
                if (!replaced) {
                    cur.removeAt(idx);
                    keys.removeAt(idx);
                    idx = Math.max(idx - 1, 0);
                }
            }
            if (emitted != total) {
                throw MapError.other("Dependency resolution failed; broken map");
            }
            return out;
        }

        private static int position(IntList keys, int key) {
            int low = 0;
            int high = keys.size() - 1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                int value = keys.get(mid);
                if (value < key) {
                    low = mid + 1;
                } else if (value > key) {
                    high = mid - 1;
                } else {
                    return mid;
                }
            }
            throw new IllegalStateException("no head slot with key " + key);
        }

        /**
         * The smallest key of a head strictly above the candidate, reached through pending
         * revisions, or {@link #NONE}. A depth-first search upward that computes, per revision, the
         * smallest key at or above it, skipping revisions whose remembered lower bound cannot beat
         * the best key found so far, and remembers what it computed as new lower bounds (the true
         * values only grow as heads move down).
         */
        private int smallestKeyAbove(int candidate) {
            this.round++;
            this.best = NONE;
            int result = NONE;
            for (int up : this.index.normChildren()[candidate]) {
                if (this.pending.get(up)) {
                    result = Math.min(result, evaluate(up));
                }
            }
            return result;
        }

        private int evaluate(int root) {
            if (this.valueRound[root] == this.round) {
                return this.value[root];
            }
            if (this.lowerBound[root] >= this.best) {
                return this.lowerBound[root];
            }
            enter(root);
            while (this.stack.size() > 0) {
                int node = this.stack.get(this.stack.size() - 1);
                int[] ups = this.index.normChildren()[node];
                if (this.childCursor[node] < ups.length) {
                    int up = ups[this.childCursor[node]++];
                    if (!this.pending.get(up)) {
                        continue;
                    }
                    if (this.valueRound[up] == this.round) {
                        this.value[node] = Math.min(this.value[node], this.value[up]);
                    } else if (this.lowerBound[up] >= this.best) {
                        this.value[node] = Math.min(this.value[node], this.lowerBound[up]);
                    } else {
                        enter(up);
                    }
                } else {
                    this.stack.pop();
                    int computed = this.value[node];
                    if (computed != NONE && computed > this.lowerBound[node]) {
                        this.lowerBound[node] = computed;
                    }
                    if (this.stack.size() > 0) {
                        int below = this.stack.get(this.stack.size() - 1);
                        this.value[below] = Math.min(this.value[below], computed);
                    }
                }
            }
            return this.value[root];
        }

        private void enter(int node) {
            this.valueRound[node] = this.round;
            this.childCursor[node] = 0;
            int key = this.slotKey[node];
            this.value[node] = key >= 0 ? key : NONE;
            if (key >= 0 && key < this.best) {
                this.best = key;
            }
            this.stack.add(node);
        }
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
