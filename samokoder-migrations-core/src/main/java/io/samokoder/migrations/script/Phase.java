package io.samokoder.migrations.script;

/**
 * Where a revision stands in an expand/contract change, which decides who applies it ({@code -- Phase:} in a
 * script's header, {@code @Revision(phase = ...)} for a Java revision). In order: a revision may build only on
 * revisions of its own phase or an earlier one.
 */
public enum Phase {

    /** Applied by the application's start-up, as any revision (the default): what the new build needs. */
    EXPAND,

    /**
     * Deferred ({@code Deferred: true}): the start-up leaves it, and the application applies it once it is ready
     * (a backfill, an index built concurrently).
     */
    MIGRATE,

    /**
     * Left by the application altogether (its start-up and its run once ready): applied by an explicit upgrade, the
     * deploy job's once every instance runs the build that no longer needs what it drops.
     */
    CONTRACT;

    /** Whether the application's start-up leaves a revision of this phase. */
    public boolean deferred() {
        return this != EXPAND;
    }
}
