package io.samokoder.migrations.schema;

import io.samokoder.migrations.ops.Operation;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What {@link SchemaComparator} found: the changes, in the order Alembic would log them, and notes about this
 * comparison (tables left alone, drops that may be renames, changes the operations API cannot write).
 *
 * @param changes the detected changes
 * @param notes   per-run findings to show the user, each a full sentence
 */
public record SchemaDiff(List<SchemaChange> changes, List<String> notes) {

    /** Copies the lists. */
    public SchemaDiff {
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
    }

    /** Whether nothing differs. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /**
     * Every change's operations in dependency order: sequences created; tables created (referenced tables
     * first; foreign keys of a cycle added after the tables); columns added; columns altered; foreign keys,
     * indexes and unique constraints dropped; indexes and unique constraints created; foreign keys added;
     * columns dropped; tables dropped (referencing tables first); sequences dropped.
     */
    public List<Operation> upgrade() {
        return OperationOrder.sort(changes).stream().map(OperationOrder.Step::operation).toList();
    }

    /** What undoes {@link #upgrade()}: the undoing operation of each, in the reverse order. */
    public List<Operation> downgrade() {
        List<OperationOrder.Step> steps = OperationOrder.sort(changes);
        return IntStream.range(0, steps.size()).mapToObj(i -> steps.get(steps.size() - 1 - i).inverse()).toList();
    }

    /**
     * Alembic's {@code check} text: {@code New upgrade operations detected: [('add_table', 'users'), ...]}, or
     * {@code No new upgrade operations detected.} when nothing differs.
     */
    public String checkText() {
        if (isEmpty()) {
            return "No new upgrade operations detected.";
        }
        return changes.stream().map(SchemaChange::tuple)
                .collect(Collectors.joining(", ", "New upgrade operations detected: [", "]"));
    }
}
