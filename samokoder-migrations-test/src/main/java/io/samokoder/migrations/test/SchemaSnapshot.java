package io.samokoder.migrations.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The objects of one schema, each named for people ({@code index ix_users_email on users},
 * {@code column users.email}) with a definition to compare and, for objects that belong to a table,
 * the table's name (so a table left behind is reported once, not with each of its columns).
 */
final class SchemaSnapshot {

    record Entry(String definition, String owner) {
    }

    private final Map<String, Entry> entries;

    private SchemaSnapshot(Map<String, Entry> entries) {
        this.entries = entries;
    }

    Map<String, Entry> entries() {
        return this.entries;
    }

    /** What {@code after} has that this snapshot has not, lacks, or defines differently; one line each, sorted by object. */
    List<String> differencesTo(SchemaSnapshot after) {
        Map<String, Entry> left = new TreeMap<>();
        Map<String, Entry> removed = new TreeMap<>();
        Map<String, String> changed = new TreeMap<>();
        for (Map.Entry<String, Entry> e : after.entries.entrySet()) {
            Entry before = this.entries.get(e.getKey());
            if (before == null) {
                left.put(e.getKey(), e.getValue());
            }
            else if (!Objects.equals(before.definition(), e.getValue().definition())) {
                changed.put(e.getKey(), "changes " + e.getKey() + ": was " + before.definition() + ", is now "
                        + e.getValue().definition());
            }
        }
        for (Map.Entry<String, Entry> e : this.entries.entrySet()) {
            if (!after.entries.containsKey(e.getKey())) {
                removed.put(e.getKey(), e.getValue());
            }
        }
        List<String> lines = new ArrayList<>();
        report("leaves ", left, lines);
        report("removes ", removed, lines);
        lines.addAll(changed.values());
        return lines;
    }

    private static void report(String verb, Map<String, Entry> objects, List<String> lines) {
        for (Map.Entry<String, Entry> e : objects.entrySet()) {
            String owner = e.getValue().owner();
            if (owner == null || !objects.containsKey(owner)) {
                lines.add(verb + e.getKey());
            }
        }
    }

    static Builder builder() {
        return new Builder();
    }

    static final class Builder {

        private final Map<String, Entry> entries = new LinkedHashMap<>();

        Builder add(String name, String definition, String owner) {
            this.entries.put(name, new Entry(definition == null ? "" : definition, owner));
            return this;
        }

        SchemaSnapshot build() {
            return new SchemaSnapshot(Map.copyOf(this.entries));
        }
    }
}
