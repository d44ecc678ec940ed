package io.samokoder.migrations.schema;

import io.samokoder.migrations.ops.Operation;
import java.util.List;

/**
 * One difference found by {@link SchemaComparator}, as Alembic's autogenerate reports it, with the operations
 * that apply it and those that undo it. {@code downgrade} undoes {@code upgrade} operation by operation: its
 * last operation undoes the first of {@code upgrade}, and so on (so both lists have the same size).
 *
 * @param kind      Alembic's name of the difference, e.g. {@code add_table}, {@code modify_nullable}
 * @param message   Alembic's log text, e.g. {@code Detected added table 'users'}
 * @param tuple     the difference as Alembic's diff tuple text, e.g. {@code ('add_table', 'users')}
 * @param upgrade   the operations applying it (empty when the operations API cannot express it; a note then says so)
 * @param downgrade the operations undoing it, in the reverse order of the ones they undo
 */
public record SchemaChange(String kind, String message, String tuple, List<Operation> upgrade,
        List<Operation> downgrade) {

    /** Copies the lists and checks each upgrade operation has its undoing one. */
    public SchemaChange {
        upgrade = List.copyOf(upgrade);
        downgrade = List.copyOf(downgrade);
        if (upgrade.size() != downgrade.size()) {
            throw new IllegalArgumentException("Schema change " + tuple + " needs one downgrade operation per upgrade"
                    + " operation; it has " + upgrade.size() + " and " + downgrade.size());
        }
    }
}
