package io.samokoder.migrations;

/** How the statements of a run are grouped into transactions. */
public enum TransactionMode {
    /**
     * One transaction per revision: its statements, its version-table change and its log row commit
     * together. A failure rolls back that revision only; earlier revisions of the run stay applied.
     */
    PER_REVISION,
    /**
     * One transaction for the whole run: all pending revisions are applied, or none. Revisions marked
     * {@code Transactional: false} cannot run in this mode.
     */
    SINGLE
}
