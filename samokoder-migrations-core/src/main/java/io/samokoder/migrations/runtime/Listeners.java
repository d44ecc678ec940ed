package io.samokoder.migrations.runtime;

import io.samokoder.migrations.MigrationException;
import io.samokoder.migrations.MigrationListener;
import io.samokoder.migrations.MigrationResult;
import io.samokoder.migrations.PlannedStep;
import io.samokoder.migrations.StepResult;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls the configured listeners; a listener's exception is logged and ignored. */
final class Listeners {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final List<MigrationListener> listeners;

    Listeners(List<MigrationListener> listeners) {
        this.listeners = listeners;
    }

    void lockAcquired(Duration waited) {
        each(l -> l.lockAcquired(waited));
    }

    void stepStarting(PlannedStep step) {
        if (!this.listeners.isEmpty()) {
            each(l -> l.stepStarting(step));
        }
    }

    void stepFinished(StepResult result) {
        if (!this.listeners.isEmpty()) {
            each(l -> l.stepFinished(result));
        }
    }

    void stepFailed(PlannedStep step, MigrationException error) {
        each(l -> l.stepFailed(step, error));
    }

    void runFinished(MigrationResult result) {
        each(l -> l.runFinished(result));
    }

    void runFailed(MigrationException error) {
        each(l -> l.runFailed(error));
    }

    private void each(Consumer<MigrationListener> call) {
        for (MigrationListener listener : this.listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("Migration listener {} failed; ignored: {}", listener.getClass().getName(), e.toString());
            }
        }
    }
}
