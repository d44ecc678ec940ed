package io.samokoder.migrations;

/**
 * The database session a run was given holds the migration lock already, so taking it would exclude
 * nobody: the session is shared with another client, as a pooler in transaction mode shares one server
 * session between clients, or a pooled connection kept the lock of an earlier run. Nothing was changed.
 */
public class SharedSessionException extends MigrationException {

    private static final long serialVersionUID = 1L;

    private final String lockName;

    /**
     * Creates the exception.
     *
     * @param lockName the lock, e.g. {@code advisory lock 123 for public.alembic_version}
     */
    public SharedSessionException(String lockName) {
        super("The database session given to this run holds the migration lock (" + lockName + ") already, so"
                + " taking it would keep no other instance out: the session is shared with another client. A pooler"
                + " in transaction mode does that (PgBouncer's pool_mode = transaction, a provider's"
                + " transaction-pooling port: it hands one server session to several clients in turn), and so"
                + " does a pooled connection that kept the lock when an earlier run could not release it."
                + " Nothing was changed. Migrate through a connection of the database's own or a session-mode"
                + " pool: samokoder.migrations.url (or the builder's dataSource, the command line's --url).");
        this.lockName = lockName;
    }

    /** The lock, as the message names it. */
    public String lockName() {
        return this.lockName;
    }
}
