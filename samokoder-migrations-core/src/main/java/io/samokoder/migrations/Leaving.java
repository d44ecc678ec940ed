package io.samokoder.migrations;

/** What an upgrade to the heads may leave for later: see {@link Migrations#upgradeLeaving}. */
public enum Leaving {

    /**
     * The deferred revisions ({@code Deferred: true}) and those above them, which an application runs once it is
     * ready: a start-up leaves them.
     */
    DEFERRED,

    /**
     * The contract revisions ({@code Phase: contract}) that a database with revisions does not have yet, and those
     * above them: held for an explicit upgrade once no instance of the previous build runs. A new database (no
     * version row) gets them with the rest. A revision above one held that is not contract itself is refused,
     * naming both, before anything runs.
     */
    CONTRACT
}
