package io.samokoder.migrations.benchmarks;

import io.samokoder.migrations.MigrationListener;
import io.samokoder.migrations.PlannedStep;
import java.util.Arrays;

/**
 * The start times of a run's migrations ({@link System#nanoTime()}), taken by the runner's loop (raw
 * JDBC) or by a {@link MigrationListener} (ours): what splits a run into the part before its first
 * migration, the time per migration and the part after its last one.
 */
final class StepClock implements MigrationListener {

    private long[] starts = new long[1024];
    private int count;

    /** Notes that a migration starts now. */
    void starting() {
        if (this.count == this.starts.length) {
            this.starts = Arrays.copyOf(this.starts, this.count * 2);
        }
        this.starts[this.count++] = System.nanoTime();
    }

    @Override
    public void stepStarting(PlannedStep step) {
        starting();
    }

    long[] starts() {
        return Arrays.copyOf(this.starts, this.count);
    }
}
