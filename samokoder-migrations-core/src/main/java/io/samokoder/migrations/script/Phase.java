package io.samokoder.migrations.script;

/**
 * Where a revision stands in an expand/contract change ({@code -- Phase:} in a script's header,
 * {@code @Revision(phase = ...)} for a Java revision), which decides when it may run on a database in use.
 */
public enum Phase {

    /** What the new build needs, and the old one does not mind (the default): applied as any revision. */
    EXPAND,

    /**
     * What only the old build needs, dropped: an application's start-up (and its run once ready) leaves it on a
     * database that has revisions, for an explicit upgrade once no instance of the old build runs; a new, empty
     * database gets it with the rest.
     */
    CONTRACT
}
