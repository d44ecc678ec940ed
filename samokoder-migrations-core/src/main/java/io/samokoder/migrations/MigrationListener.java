package io.samokoder.migrations;

import java.time.Duration;

/**
 * Callbacks about a run, for metrics, health indicators and progress reports. All methods do
 * nothing by default and are called on the migrating thread; an exception thrown by a listener is
 * logged and otherwise ignored.
 */
public interface MigrationListener {

    /** The migration lock was taken after waiting this long. */
    default void lockAcquired(Duration waited) {
    }

    /**
     * A step is about to run: once per step of a run, also when a lock timeout makes the run try it
     * again (the log's line then names the attempt, and {@link StepResult#attempts()} counts them).
     * Several steps may start before the first finishes when one transaction holds several revisions.
     */
    default void stepStarting(PlannedStep step) {
    }

    /** A step committed. */
    default void stepFinished(StepResult result) {
    }

    /** A step failed; {@link #runFailed} follows. */
    default void stepFailed(PlannedStep step, MigrationException error) {
    }

    /**
     * A repeatable script is about to run, after the steps of a run that ends at the heads.
     *
     * @param file where it comes from, e.g. {@code classpath:db/repeatable/R__views.sql}
     */
    default void repeatableStarting(String file) {
    }

    /**
     * A repeatable script committed with its log row; a failure is told by {@link #runFailed}.
     *
     * @param file where it comes from
     * @param duration how long it took, retries after a lock timeout included
     */
    default void repeatableFinished(String file, Duration duration) {
    }

    /** A run finished (also when there was nothing to do). */
    default void runFinished(MigrationResult result) {
    }

    /** A run failed. */
    default void runFailed(MigrationException error) {
    }
}
