package io.samokoder.migrations;

/** What an upgrade does when an applied revision's script no longer matches what was applied. */
public enum ChecksumPolicy {
    /** Refuse to run, naming the revision and its file (the default). */
    FAIL,
    /** Log a warning for each changed revision and carry on. */
    WARN,
    /** Do not compare. */
    OFF
}
