package io.samokoder.migrations;

/**
 * The database session a run was given is shared with other clients, so the migration lock cannot keep other
 * instances out: it held the lock already (a pooler in transaction mode shares one server session between
 * clients, or a pooled connection kept the lock of an earlier run), or the run's statements reached another
 * session than the one that took it (such a pooler again). No revision was run.
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

    /**
     * Creates the exception for a run whose statements reach another session than the one that took the lock.
     *
     * @param lockName the lock, e.g. {@code advisory lock 123 for public.alembic_version}
     * @param lockSession the id of the session that took the lock (a backend pid, a connection id)
     * @param runSession the id of the session the run's next statement reached
     */
    public SharedSessionException(String lockName, long lockSession, long runSession) {
        super("This run's statements reach another database session (" + runSession + ") than the one that took"
                + " the migration lock (" + lockName + ", session " + lockSession + "), on the same connection: a"
                + " pooler in transaction mode sits between them (PgBouncer's pool_mode = transaction, a provider's"
                + " transaction-pooling port: it hands each transaction to any server session). The lock cannot"
                + " keep other instances out there. No revision was run; the lock stays held by the session that"
                + " took it until the run's release reaches that session or the pooler closes it. Migrate through"
                + " a connection of the database's own or a session-mode pool: samokoder.migrations.url (or the"
                + " builder's dataSource, the command line's --url).");
        this.lockName = lockName;
    }

    /** The lock, as the message names it. */
    public String lockName() {
        return this.lockName;
    }
}
