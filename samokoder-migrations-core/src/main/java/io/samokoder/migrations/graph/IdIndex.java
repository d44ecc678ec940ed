package io.samokoder.migrations.graph;

/**
 * Revision ids to load positions: an open-addressing table of strings and ints, without a boxed
 * {@code Integer} and a map node per revision. Filled once by {@link RevisionGraphBuilder}, then only
 * read (safe to share between threads once published through a final field).
 */
final class IdIndex {

    private final String[] keys;
    private final int[] values;
    private final int mask;
    private int size;

    /** A table for up to {@code expected} ids, at most half full. */
    IdIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        this.keys = new String[capacity];
        this.values = new int[capacity];
        this.mask = capacity - 1;
    }

    /** Adds the id at the position unless present; returns the earlier position, or -1 when added. */
    int putIfAbsent(String id, int position) {
        int slot = find(id);
        if (this.keys[slot] != null) {
            return this.values[slot];
        }
        this.keys[slot] = id;
        this.values[slot] = position;
        this.size++;
        return -1;
    }

    /** The position of the id, or -1. */
    int get(Object id) {
        if (!(id instanceof String)) {
            return -1;
        }
        int slot = find((String) id);
        return this.keys[slot] == null ? -1 : this.values[slot];
    }

    /** The slot that holds the id, or the free slot where it would go (linear probing). */
    private int find(String id) {
        int slot = slot(id);
        String key = this.keys[slot];
        while (key != null && !key.equals(id)) {
            slot = (slot + 1) & this.mask;
            key = this.keys[slot];
        }
        return slot;
    }

    int size() {
        return this.size;
    }

    /** The ids, in no particular order. */
    String[] ids() {
        String[] result = new String[this.size];
        int count = 0;
        for (String key : this.keys) {
            if (key != null) {
                result[count++] = key;
            }
        }
        return result;
    }

    private int slot(String id) {
        int hash = id.hashCode();
        return (hash ^ (hash >>> 16)) & this.mask;
    }
}
