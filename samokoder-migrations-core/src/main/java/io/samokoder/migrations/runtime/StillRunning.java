package io.samokoder.migrations.runtime;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * While a step of a run takes long, logs at INFO every {@link #EVERY} that it is still running and, where the
 * database tells, what its session waits for (the lock and the session holding it): a long backfill, or a DDL
 * statement queued behind another session's transaction, otherwise looks hung in the log. One per run; the checks
 * run on a daemon thread shared by the process's runs, which ends after a minute without a step to watch.
 */
final class StillRunning {

    /** How long a step runs before the first notice, and the time between notices. */
    static final Duration EVERY = Duration.ofSeconds(15);
    /** {@link #EVERY}, but where a test of this package shortens it. */
    static volatile Duration every = EVERY;

    /** A logger of its own under the engine's, so that a front end that shows no INFO line can show these. */
    static final String LOGGER = "io.samokoder.migrations.Migrations.stillRunning";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static ScheduledThreadPoolExecutor timer;

    private final MigrationLock lock;
    private final Long sessionId;
    private final long everyNanos;
    private ScheduledFuture<?> watch;

    /**
     * @param lock reads what the session waits for, or {@code null}
     * @param sessionId the run's session (its backend's id), or {@code null} when unknown
     */
    StillRunning(MigrationLock lock, Long sessionId) {
        this.lock = lock;
        this.sessionId = sessionId;
        this.everyNanos = every.toNanos();
    }

    /**
     * The session whose waits the notices name: the run's, as the query of its settings read it, else the lock's
     * when the run is on the lock's connection; {@code null} when neither is known.
     */
    static Long session(SessionSettings.Saved saved, MigrationLock lock, boolean lockSession) {
        if (saved.sessionId() != null) {
            return saved.sessionId();
        }
        return lockSession && lock != null ? Long.valueOf(lock.sessionId()) : null;
    }

    /** Whether the notices are logged (their logger takes INFO); when not, no step is watched. */
    boolean shown() {
        return LOG.isInfoEnabled();
    }

    /** Watches a step from now, given by its log line ({@code Running upgrade a -> b, message}); ends the last. */
    void step(String line) {
        stop();
        this.watch = timer().scheduleAtFixedRate(new Notice(line, System.nanoTime(), this.lock, this.sessionId),
                this.everyNanos, this.everyNanos, TimeUnit.NANOSECONDS);
    }

    /** Ends the watch of the last step, if any. */
    void stop() {
        if (this.watch != null) {
            this.watch.cancel(false);
            this.watch = null;
        }
    }

    private static synchronized ScheduledThreadPoolExecutor timer() {
        if (timer == null) {
            ScheduledThreadPoolExecutor created = new ScheduledThreadPoolExecutor(1,
                    new DaemonThreads("samokoder-migrations-still-running"));
            created.setRemoveOnCancelPolicy(true);
            created.setKeepAliveTime(1, TimeUnit.MINUTES);
            created.allowCoreThreadTimeOut(true);
            timer = created;
        }
        return timer;
    }

    /** One notice of a watched step; a class, not a lambda: made on every run with steps, cold. */
    private static final class Notice implements Runnable {

        private final String line;
        private final long startNanos;
        private final MigrationLock lock;
        private final Long sessionId;

        Notice(String line, long startNanos, MigrationLock lock, Long sessionId) {
            this.line = line;
            this.startNanos = startNanos;
            this.lock = lock;
            this.sessionId = sessionId;
        }

        @Override
        public void run() {
            long seconds = Duration.ofNanos(System.nanoTime() - this.startNanos).toSeconds();
            String waits = this.lock == null || this.sessionId == null ? ""
                    : this.lock.describeWaits(this.sessionId.intValue());
            String step = this.line.startsWith("Running ") ? this.line.substring("Running ".length()) : this.line;
            LOG.info("Still running after {} s: {}{}", seconds, step, waits.isEmpty() ? "" : "; waiting for " + waits);
        }
    }
}
