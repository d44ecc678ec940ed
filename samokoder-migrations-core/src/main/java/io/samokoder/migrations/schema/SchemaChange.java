package io.samokoder.migrations.schema;

import io.samokoder.migrations.ops.Operation;
import java.util.List;

/**
 * One difference found by {@link SchemaComparator}, as Alembic's autogenerate reports it, with the operations
 * that apply it and those that undo it. {@code downgrade} undoes {@code upgrade} operation by operation: of the
 * first n operations of each, where n is the shorter list's size, the n-th of {@code downgrade} undoes the first
 * of {@code upgrade}, and so on. The operations after those have no counterpart: an enum type dropped after its
 * table, which the table's creation on the other side creates again.
 *
 * @param kind      Alembic's name of the difference, e.g. {@code add_table}, {@code modify_nullable}
 * @param message   Alembic's log text, e.g. {@code Detected added table 'users'}
 * @param tuple     the difference as Alembic's diff tuple text, e.g. {@code ('add_table', 'users')}
 * @param upgrade   the operations applying it (empty when the operations API cannot express it; a note then says so)
 * @param downgrade the operations undoing it, in the reverse order of the ones they undo
 */
public record SchemaChange(String kind, String message, String tuple, List<Operation> upgrade,
        List<Operation> downgrade) {

    /** Copies the lists. */
    public SchemaChange {
        upgrade = List.copyOf(upgrade);
        downgrade = List.copyOf(downgrade);
    }
}
