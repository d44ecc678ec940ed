package io.samokoder.migrations.runtime;

import io.samokoder.migrations.MigrationException;
import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.plan.Step;
import io.samokoder.migrations.script.RevisionScript;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retrying a revision that ran out of lock_timeout: the backoff between attempts (100, 200, 400 ms
 * ... capped at 2 s), the warnings, and, from the second attempt, a probe on the idle lock
 * connection that reads what the statement waits for, so the final error can name the lock and its
 * holder. {@link #close} stops the probe's thread.
 */
final class LockRetries {

    private static final Logger LOG = LoggerFactory.getLogger("io.samokoder.migrations.Migrations");
    private static final long BACKOFF_BASE_MILLIS = 100;
    private static final long BACKOFF_MAX_MILLIS = 2000;

    private final Dialect dialect;
    private final SessionSettings session;
    private final MigrationLock lock;
    private final int maxAttempts;
    private ScheduledExecutorService watcher;
    private Integer backendPid;

    LockRetries(Dialect dialect, SessionSettings session, MigrationLock lock, int lockRetries) {
        this.dialect = dialect;
        this.session = session;
        this.lock = lock;
        this.maxAttempts = lockRetries + 1;
    }

    /** Attempts per transaction or non-transactional revision: the configured retries plus one. */
    int maxAttempts() {
        return this.maxAttempts;
    }

    /**
     * After a lock timeout in a batch: warns and waits before the next attempt, which sends the
     * statements one by one.
     */
    void afterLockTimeoutInBatch(StepFailure failure, RevisionScript script, int attempt) {
        long backoff = attempt < this.maxAttempts ? backoff(attempt) : 0;
        LOG.warn("Revision {} could not get a lock within lock_timeout {} (in a batch of its"
                + " statements): {}; rolled back, running it again in {} ms with its statements"
                + " sent one by one (attempt {})", StepReports.label(failure.step),
                this.dialect.session().timeoutValue(this.session.lockTimeout(script)),
                Jdbc.describe(failure.error), backoff, attempt + 1);
        sleep(backoff);
    }

    /** After a lock timeout at a known statement of a transaction: warns and waits before the next attempt. */
    void afterLockTimeout(StepFailure failure, RevisionScript script, int attempt) {
        long backoff = backoff(attempt);
        LOG.warn("Revision {} could not get a lock within lock_timeout {} (statement {}, line {}): {};"
                + " rolled back, retrying in {} ms (attempt {} of {})", StepReports.label(failure.step),
                this.dialect.session().timeoutValue(this.session.lockTimeout(script)), failure.statementNumber,
                failure.line, Jdbc.describe(failure.error), backoff, attempt + 1, this.maxAttempts);
        sleep(backoff);
    }

    /**
     * After a lock timeout of a repeatable script whose transaction was rolled back, or of which nothing was applied:
     * warns and waits before the next attempt.
     */
    void afterLockTimeoutOfRepeatable(String file, int statement, int line, SQLException error, int attempt) {
        long backoff = backoff(attempt);
        LOG.warn("Repeatable script {} could not get a lock within lock_timeout (statement {}, line {}): {};"
                + " nothing of it was applied, retrying in {} ms (attempt {} of {})", file, statement, line,
                Jdbc.describe(error), backoff, attempt + 1, this.maxAttempts);
        sleep(backoff);
    }

    /** After a lock timeout at the first statement of a non-transactional revision: warns and waits. */
    void afterLockTimeoutAtFirstStatement(StepFailure failure, int attempt) {
        long backoff = backoff(attempt);
        LOG.warn("Revision {} could not get a lock within lock_timeout at its first statement: {};"
                + " nothing was changed, retrying in {} ms (attempt {} of {})", failure.step.revision(),
                Jdbc.describe(failure.error), backoff, attempt + 1, this.maxAttempts);
        sleep(backoff);
    }

    /**
     * After a lock timeout, a retry watches what the statement waits for: halfway through the lock
     * timeout, the idle lock connection reads pg_locks so the final error can name the lock.
     */
    ScheduledFuture<?> scheduleWaitProbe(Connection connection, RevisionScript script,
            AtomicReference<String> waits) {
        Duration timeout = this.session.lockTimeout(script);
        if (this.lock == null || timeout.isZero()) {
            return null;
        }
        Integer pid = backendPid(connection);
        if (pid == null) {
            return null;
        }
        if (this.watcher == null) {
            this.watcher = Executors.newSingleThreadScheduledExecutor(
                    new DaemonThreads("samokoder-migrations-lock-probe"));
        }
        long delay = Math.max(1, timeout.toMillis() / 2);
        return this.watcher.schedule(new WaitProbe(this.lock, pid, waits), delay, TimeUnit.MILLISECONDS);
    }

    /** Reads what the statement waits for into {@code waits}; a class, not a lambda: on the run path. */
    private static final class WaitProbe implements Runnable {

        private final MigrationLock lock;
        private final int pid;
        private final AtomicReference<String> waits;

        WaitProbe(MigrationLock lock, int pid, AtomicReference<String> waits) {
            this.lock = lock;
            this.pid = pid;
            this.waits = waits;
        }

        @Override
        public void run() {
            String described = this.lock.describeWaits(this.pid);
            if (!described.isEmpty()) {
                this.waits.set(described);
            }
        }
    }

    private Integer backendPid(Connection connection) {
        if (this.backendPid == null) {
            try (Statement st = connection.createStatement();
                    ResultSet rs = st.executeQuery(this.dialect.session().backendPidQuery())) {
                if (rs.next()) {
                    this.backendPid = rs.getInt(1);
                }
            } catch (SQLException e) {
                LOG.debug("Could not read the backend pid: {}", Jdbc.describe(e));
            }
        }
        return this.backendPid;
    }

    /** Stops the probe's thread, if one was started. */
    void close() {
        if (this.watcher != null) {
            this.watcher.shutdownNow();
        }
    }

    private static long backoff(int attempt) {
        return Math.min(BACKOFF_MAX_MILLIS, BACKOFF_BASE_MILLIS << Math.min(10, attempt - 1));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("Interrupted while waiting to retry a revision");
        }
    }
}
