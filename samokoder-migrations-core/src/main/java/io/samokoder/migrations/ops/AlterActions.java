package io.samokoder.migrations.ops;

import java.util.List;

/**
 * How one change of a table renders: statements before, the actions of an {@code ALTER TABLE} (e.g.
 * {@code ADD COLUMN x int}), and statements after. A batch joins the actions of several changes into one
 * {@code ALTER TABLE} where the database allows it.
 *
 * @param before  whole statements to run first
 * @param actions the {@code ALTER TABLE} actions, without the {@code ALTER TABLE t} prefix
 * @param after   whole statements to run last
 */
public record AlterActions(List<String> before, List<String> actions, List<String> after) {

    /** Copies the lists. */
    public AlterActions {
        before = List.copyOf(before);
        actions = List.copyOf(actions);
        after = List.copyOf(after);
    }

    /** Just these actions. */
    public static AlterActions of(String... actions) {
        return new AlterActions(List.of(), List.of(actions), List.of());
    }
}
