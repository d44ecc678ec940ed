package io.samokoder.migrations;

import java.time.Duration;
import java.time.Instant;

/**
 * The migration lock was not free within the lock wait timeout. The message names the session
 * holding it, as {@code pg_stat_activity} describes it.
 */
public class LockTimeoutException extends MigrationException {

    private static final long serialVersionUID = 1L;

    private final Integer holderPid;
    private final String applicationName;
    private final String clientAddress;
    private final Instant since;

    /**
     * Creates the exception.
     *
     * @param waited how long this run waited
     * @param lockName the lock, e.g. {@code advisory lock 123 for public.alembic_version}
     * @param holderPid the holder's backend pid, or {@code null} when it could not be read
     * @param applicationName its {@code application_name}, or {@code null}
     * @param clientAddress its client address, or {@code null} (local socket)
     * @param since when the holder's session started, or {@code null}
     */
    public LockTimeoutException(Duration waited, String lockName, Integer holderPid, String applicationName,
            String clientAddress, Instant since) {
        this(waited, lockName, holderPid, applicationName, clientAddress, since, null);
    }

    /**
     * Creates the exception, naming how to end the holder's session on its server.
     *
     * @param waited how long this run waited
     * @param lockName the lock, e.g. {@code advisory lock 123 for public.alembic_version}
     * @param holderPid the holder's backend pid, or {@code null} when it could not be read
     * @param applicationName its {@code application_name}, or {@code null}
     * @param clientAddress its client address, or {@code null} (local socket)
     * @param since when the holder's session started, or {@code null}
     * @param endSession the statement that ends the holder's session, e.g. {@code SELECT pg_terminate_backend(42)},
     *     or {@code null}
     */
    public LockTimeoutException(Duration waited, String lockName, Integer holderPid, String applicationName,
            String clientAddress, Instant since, String endSession) {
        super("Timed out after " + waited.toMillis() + " ms waiting for the migration lock (" + lockName + "); "
                + describeHolder(holderPid, applicationName, clientAddress, since)
                + ". Another instance is migrating this database: wait for it, or stop it if it hangs"
                + " (the lock is released when its session ends"
                + (endSession == null || holderPid == null ? "" : "; a session can outlive its process or host, as"
                        + " long as the statement it runs, or until the server gives up on a host gone silent: if the"
                        + " holder is gone, end its session with " + endSession)
                + "); the wait is set by samokoder.migrations.lock-wait-timeout (lockWaitTimeout of the builder).");
        this.holderPid = holderPid;
        this.applicationName = applicationName;
        this.clientAddress = clientAddress;
        this.since = since;
    }

    /** Describes a holder for messages: pid, application name, client address and since when. */
    public static String describeHolder(Integer pid, String applicationName, String clientAddress, Instant since) {
        if (pid == null) {
            return "the holder could not be identified (it may have just released the lock)";
        }
        return "held by pid " + pid
                + ", application_name '" + (applicationName == null ? "" : applicationName) + "'"
                + ", client " + (clientAddress == null ? "local socket" : clientAddress)
                + (since == null ? "" : ", session since " + since);
    }

    /** The holder's backend pid, or {@code null}. */
    public Integer holderPid() {
        return this.holderPid;
    }

    /** The holder's {@code application_name}, or {@code null}. */
    public String applicationName() {
        return this.applicationName;
    }

    /** The holder's client address, or {@code null}. */
    public String clientAddress() {
        return this.clientAddress;
    }

    /** When the holder's session started, or {@code null}. */
    public Instant since() {
        return this.since;
    }
}
