package io.samokoder.migrations.runtime;

import io.samokoder.migrations.script.ScriptListing;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The fingerprint of a listing, stamped on a thread of its own as soon as the scripts were read, so
 * that a run's migrations do not wait for the stamping pass at their end.
 *
 * <p>Stamping right after the read vouches for the same as stamping after the run: a file changed
 * between the listing and the stamp is refused ({@link ScriptListing#fingerprint()}), and a file
 * changed after the stamp has a new change time, so the next start's fingerprint differs from the
 * one recorded and that start takes the full path.
 */
final class AheadFingerprint {

    private final FutureTask<String> task;

    private AheadFingerprint(ScriptListing listing) {
        this.task = new FutureTask<>(listing::fingerprint);
    }

    /** Starts stamping the listing on a daemon thread. */
    static AheadFingerprint start(ScriptListing listing) {
        AheadFingerprint ahead = new AheadFingerprint(listing);
        Thread thread = new Thread(ahead.task, "samokoder-migrations-fingerprint");
        thread.setDaemon(true);
        thread.start();
        return ahead;
    }

    /**
     * The fingerprint, waiting for the stamping to end; what the stamping threw is thrown here.
     *
     * @return as {@link ScriptListing#fingerprint()}
     */
    String get() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return this.task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (cause instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
