package io.samokoder.migrations;

/** What a dry run or an offline script is made for. */
public enum Command {
    /** Run revisions up to a target. */
    UPGRADE,
    /** Run revisions down to a target. */
    DOWNGRADE,
    /** Change only the version table. */
    STAMP
}
