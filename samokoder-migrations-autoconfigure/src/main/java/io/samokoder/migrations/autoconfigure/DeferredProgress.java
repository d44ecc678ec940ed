package io.samokoder.migrations.autoconfigure;

import io.samokoder.migrations.MigrationListener;
import io.samokoder.migrations.StepResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The steps that the deferred revisions' run has finished so far, so that the report shows its progress while it
 * runs (a backfill may take hours). Its {@link #listener()} is one of the engine's listeners; it records only between
 * {@link #start()} and {@link #stop()}.
 */
final class DeferredProgress {

    private final List<StepResult> steps = new CopyOnWriteArrayList<>();
    private final Listener listener = new Listener();
    private volatile boolean recording;

    /** The listener to give the engine. */
    MigrationListener listener() {
        return this.listener;
    }

    /** Records the steps from now, none yet. */
    void start() {
        this.steps.clear();
        this.recording = true;
    }

    /** Stops recording. */
    void stop() {
        this.recording = false;
    }

    /** The steps finished since {@link #start()}, in order. */
    List<StepResult> steps() {
        return List.copyOf(this.steps);
    }

    /** Not a bean of its own: an application's single {@code MigrationListener} bean stays the only one. */
    private final class Listener implements MigrationListener {

        @Override
        public void stepFinished(StepResult result) {
            if (DeferredProgress.this.recording) {
                DeferredProgress.this.steps.add(result);
            }
        }
    }
}
