package io.samokoder.migrations.plan;

import io.samokoder.migrations.graph.RevisionException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The version rows while a plan moves them. Rows keep their order: an insert appends, an update
 * replaces in place, a delete removes. Membership is a scan of a handful of rows and a count per id
 * once there are more.
 */
final class VersionRows implements Iterable<String> {

    /** Above this many rows, membership is answered by {@link #counts} instead of a scan of the rows. */
    private static final int SCAN_LIMIT = 8;

    private final List<String> rows;
    /**
     * How many times each id is a row, for constant-time membership; built once the rows outgrow
     * {@link #SCAN_LIMIT} (a handful of heads is scanned faster than hashed), then kept.
     */
    private Map<String, Integer> counts;
    /** The rows as an immutable list, or null after a change. */
    private List<String> snapshot;

    VersionRows(List<String> rows) {
        this.rows = new ArrayList<>(rows);
        if (this.rows.size() > SCAN_LIMIT) {
            countAll();
        }
    }

    /** The current rows; the same immutable list until the rows change (steps share it). */
    List<String> snapshot() {
        if (this.snapshot == null) {
            this.snapshot = List.copyOf(this.rows);
        }
        return this.snapshot;
    }

    int size() {
        return this.rows.size();
    }

    boolean isEmpty() {
        return this.rows.isEmpty();
    }

    boolean contains(String id) {
        if (this.counts != null) {
            return this.counts.containsKey(id);
        }
        for (int i = 0; i < this.rows.size(); i++) {
            if (this.rows.get(i).equals(id)) {
                return true;
            }
        }
        return false;
    }

    boolean containsAll(List<String> ids) {
        for (String id : ids) {
            if (!contains(id)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Iterator<String> iterator() {
        return this.rows.iterator();
    }

    /** Appends a row; fails when it is one already. */
    RowChange insert(String id) {
        if (contains(id)) {
            throw new RevisionException("Can't insert version row '" + id + "': it is already present in " + this.rows
                    + "; repair the version table with stamp --purge");
        }
        this.rows.add(id);
        count(id, 1);
        return new RowChange.Insert(id);
    }

    /** Removes a row; fails when it is none. */
    RowChange delete(String id) {
        if (!contains(id) || !this.rows.remove(id)) {
            throw new RevisionException("Can't delete version row '" + id + "': it is not present in " + this.rows
                    + "; repair the version table with stamp --purge");
        }
        count(id, -1);
        return new RowChange.Delete(id);
    }

    /** Replaces a row in place; fails when {@code from} is no row or {@code to} is one. */
    RowChange update(String from, String to) {
        int at = contains(from) ? this.rows.indexOf(from) : -1;
        if (at < 0 || contains(to)) {
            throw new RevisionException("Can't update version row '" + from + "' to '" + to + "' in " + this.rows
                    + "; repair the version table with stamp --purge");
        }
        this.rows.set(at, to);
        count(from, -1);
        count(to, 1);
        return new RowChange.Update(from, to);
    }

    /** Removes every row. */
    void clear() {
        this.rows.clear();
        this.counts = null;
        this.snapshot = null;
    }

    /** As a list prints, for messages. */
    @Override
    public String toString() {
        return this.rows.toString();
    }

    private void countAll() {
        this.counts = new HashMap<>();
        for (String row : this.rows) {
            Integer count = this.counts.get(row);
            this.counts.put(row, count == null ? 1 : count + 1);
        }
    }

    private void count(String id, int delta) {
        this.snapshot = null;
        if (this.counts == null) {
            if (this.rows.size() <= SCAN_LIMIT) {
                return;
            }
            // The rows already include this change: count them all once, then keep counting.
            countAll();
            return;
        }
        Integer count = this.counts.get(id);
        int updated = (count == null ? 0 : count) + delta;
        if (updated == 0) {
            this.counts.remove(id);
        } else {
            this.counts.put(id, updated);
        }
    }
}
