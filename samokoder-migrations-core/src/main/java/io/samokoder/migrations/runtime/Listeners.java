package io.samokoder.migrations.runtime;

import io.samokoder.migrations.MigrationException;
import io.samokoder.migrations.MigrationListener;
import io.samokoder.migrations.MigrationResult;
import io.samokoder.migrations.PlannedStep;
import io.samokoder.migrations.StepResult;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls the configured listeners; a listener's exception is logged and ignored. */
final class Listeners {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    // An event number and a switch, not a lambda per event: every start calls some of these, and a
    // lambda's class is spun at its first use, about a millisecond each in a cold JVM.
    private static final int LOCK_ACQUIRED = 0;
    private static final int STEP_STARTING = 1;
    private static final int STEP_FINISHED = 2;
    private static final int STEP_FAILED = 3;
    private static final int RUN_FINISHED = 4;
    private static final int RUN_FAILED = 5;
    private static final int REPEATABLE_STARTING = 6;
    private static final int REPEATABLE_FINISHED = 7;

    private final List<MigrationListener> listeners;

    Listeners(List<MigrationListener> listeners) {
        this.listeners = listeners;
    }

    void lockAcquired(Duration waited) {
        each(LOCK_ACQUIRED, waited, null);
    }

    void stepStarting(PlannedStep step) {
        each(STEP_STARTING, step, null);
    }

    void stepFinished(StepResult result) {
        each(STEP_FINISHED, result, null);
    }

    void stepFailed(PlannedStep step, MigrationException error) {
        each(STEP_FAILED, step, error);
    }

    void runFinished(MigrationResult result) {
        each(RUN_FINISHED, result, null);
    }

    void repeatableStarting(String file) {
        each(REPEATABLE_STARTING, file, null);
    }

    void repeatableFinished(String file, Duration duration) {
        each(REPEATABLE_FINISHED, file, duration);
    }

    void runFailed(MigrationException error) {
        each(RUN_FAILED, error, null);
    }

    private void each(int event, Object first, Object second) {
        if (this.listeners.isEmpty()) {
            return; // no iterator per step
        }
        for (MigrationListener listener : this.listeners) {
            try {
                switch (event) {
                    case LOCK_ACQUIRED -> listener.lockAcquired((Duration) first);
                    case STEP_STARTING -> listener.stepStarting((PlannedStep) first);
                    case STEP_FINISHED -> listener.stepFinished((StepResult) first);
                    case STEP_FAILED -> listener.stepFailed((PlannedStep) first, (MigrationException) second);
                    case RUN_FINISHED -> listener.runFinished((MigrationResult) first);
                    case REPEATABLE_STARTING -> listener.repeatableStarting((String) first);
                    case REPEATABLE_FINISHED -> listener.repeatableFinished((String) first, (Duration) second);
                    default -> listener.runFailed((MigrationException) first);
                }
            } catch (RuntimeException e) {
                LOG.warn("Migration listener {} failed; ignored: {}", listener.getClass().getName(), e.toString());
            }
        }
    }
}
