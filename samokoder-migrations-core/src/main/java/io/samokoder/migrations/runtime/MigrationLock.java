package io.samokoder.migrations.runtime;

import io.samokoder.migrations.LockTimeoutException;
import io.samokoder.migrations.dialect.LockSql;
import io.samokoder.migrations.dialect.LockTableDrop;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The migration lock: a session-level advisory lock on a connection of its own, keyed by the schema
 * and name of the version table. The server releases it when the session ends, so a killed process
 * never leaves it behind. It is taken by {@link LockWait}, which polls a non-blocking try-lock in
 * autocommit mode, so a waiter holds no transaction or snapshot (and cannot deadlock with a holder
 * running {@code CREATE INDEX CONCURRENTLY}). A run with steps executes on the lock's own connection
 * ({@link #runConnection()}), so it needs one connection, and a killed session takes its lock and its
 * work with it; the executor's lock-wait diagnostics then open a connection of their own.
 *
 * <p>Where the dialect's lock is {@linkplain LockSql#heldInTransaction() held in a transaction} (a
 * row lock), each attempt runs in a transaction of the lock's connection that is rolled back when it
 * fails and kept open while the lock is held; closing the lock rolls it back. Reads under such a lock
 * ({@link #read}) use a connection of their own, as DDL there could commit the lock's transaction.
 * Where taking such a lock created its table, a run that fails without creating the version table has
 * the lock drop that table once released ({@link #discardOnRelease}), so that bad input leaves a new
 * database as it was.
 */
final class MigrationLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationLock.class);
    /**
     * How long dropping the lock's own table waits for the table (a waiter's attempt takes it for a moment;
     * an instance that took the lock since the release, for its whole run, and then the table stays).
     */
    private static final long DISCARD_WAIT_MILLIS = 500;

    private final DataSource dataSource;
    private final Connection connection;
    private final boolean restoreAutoCommit;
    private final LockSql sql;
    private final long key;
    private final String name;
    /** The id of the session that took the lock (its backend pid, connection id). */
    private final long sessionId;
    /** The SQL mode of that session when it took the lock, where the dialect has one ({@link LockSql#tellsSqlMode}). */
    private final String sqlMode;
    /** Who holds the lock ({@link LockSql#lockHolderQuery}), read when the unlock finds it not held by this session. */
    private final String holderQuery;
    private final Duration waited;
    /** Whether another session held the lock when this run first tried it. */
    private final boolean contended;
    /** What removes the lock's own table, where taking the lock created it ({@link LockSql#tableDrop}). */
    private final LockTableDrop discard;
    /** Whether {@link #close} runs {@link #discard}. */
    private boolean discardOnRelease;
    /** Whether a run executes on {@link #connection}, which then cannot serve diagnostics. */
    private boolean lent;
    /** Why the DataSource gave no connection besides the lock's; then {@link #read} asks it no more. */
    private SQLException noSecondConnection;
    /** The diagnostics' own connection, opened when first needed while the lock's is lent. */
    private Connection probe;
    private boolean probeRestoreAutoCommit;

    MigrationLock(DataSource dataSource, Connection connection, boolean restoreAutoCommit,
            LockSql sql, long key, String name, long sessionId, String sqlMode, String holderQuery, Duration waited,
            boolean contended, LockTableDrop discard) {
        this.dataSource = dataSource;
        this.connection = connection;
        this.restoreAutoCommit = restoreAutoCommit;
        this.sql = sql;
        this.key = key;
        this.name = name;
        this.sessionId = sessionId;
        this.sqlMode = sqlMode;
        this.holderQuery = holderQuery;
        this.waited = waited;
        this.contended = contended;
        this.discard = discard;
    }

    /**
     * Takes the lock, waiting at most {@code waitTimeout}, on the data source's first connection,
     * whose database the caller has checked ({@link Binding#lock}); see {@link LockWait}.
     *
     * @throws LockTimeoutException naming the holder when the wait times out
     */
    static MigrationLock acquire(DataSource dataSource, Tables tables, Duration waitTimeout) {
        return LockWait.acquire(dataSource, tables, waitTimeout);
    }

    /**
     * Runs work in autocommit on the lock's own connection, or, when the lock is held in a transaction,
     * on a connection of its own (closed afterwards) so that the work cannot end that transaction.
     */
    synchronized <T> T read(Jdbc.Work<T> work) throws SQLException {
        if (!this.sql.heldInTransaction()) {
            return work.run(this.connection);
        }
        try (Connection reader = secondConnection()) {
            boolean autoCommit = reader.getAutoCommit();
            if (!autoCommit) {
                reader.setAutoCommit(true);
            }
            try {
                return work.run(reader);
            } finally {
                if (!autoCommit) {
                    reader.setAutoCommit(false);
                }
            }
        }
    }

    /** Whether the lock is held in a transaction of its own connection, apart from the run's reads and steps. */
    boolean heldApart() {
        return this.sql.heldInTransaction();
    }

    /** Whether the lock's connection has ended, and the lock with it. */
    synchronized boolean lost() {
        try {
            return !this.connection.isValid(1);
        } catch (SQLException e) {
            return true;
        }
    }

    /**
     * A connection besides the lock's, which holds the lock in a transaction. Where the DataSource has none
     * to give (a pool of one), the failure says that a run needs two, and later reads of this run fail at
     * once instead of waiting for the pool again.
     */
    private Connection secondConnection() throws SQLException {
        if (this.noSecondConnection != null) {
            throw this.noSecondConnection;
        }
        try {
            return this.dataSource.getConnection();
        } catch (SQLException e) {
            SQLException explained = new SQLException("no second connection from the DataSource, while the"
                    + " migration lock holds one in a transaction: a run uses two connections at once here, so give"
                    + " its pool at least two (" + Jdbc.describe(e) + ")", null, e.getErrorCode(), e);
            this.noSecondConnection = explained;
            throw explained;
        }
    }

    /**
     * The connection a run with steps executes on: the lock's own, in autocommit, where the lock belongs
     * to the session (the server's advisory lock); {@code null} where it is held in a transaction, which
     * the run's commits would end, so the run opens a connection of its own. The caller must leave it in
     * autocommit with its settings restored, and must not close it.
     */
    synchronized Connection runConnection() {
        if (this.sql.heldInTransaction()) {
            return null;
        }
        this.lent = true;
        return this.connection;
    }

    /**
     * The id of the session that took the lock, which a run on {@link #runConnection()} must find its statements
     * in: behind a pooler in transaction mode they reach other sessions.
     */
    long sessionId() {
        return this.sessionId;
    }

    /** The SQL mode of the lock's session when it took the lock, or {@code null} (see {@link LockSql#tellsSqlMode}). */
    String sqlMode() {
        return this.sqlMode;
    }

    /** How long the lock was waited for. */
    Duration waited() {
        return this.waited;
    }

    /**
     * Whether another session held the lock at this run's first attempt, so that the run waited for another
     * instance's (which may have done what this one came to do).
     */
    boolean contended() {
        return this.contended;
    }

    /**
     * Whether taking the lock created a table of the lock's own that it can remove again (H2's lock table,
     * on a database without one); never where the lock needs no table.
     */
    boolean createdItsTable() {
        return this.discard != null;
    }

    /**
     * Has {@link #close} remove the table that taking the lock created ({@link #createdItsTable()}), once
     * the lock is released: the run failed, and the version table, checked under the lock, is missing (or
     * could not be read), so the run created nothing else; the drop checks that again on the lock's connection.
     */
    synchronized void discardOnRelease() {
        this.discardOnRelease = this.discard != null;
    }

    /** The lock, for messages. */
    String name() {
        return this.name;
    }

    /**
     * Describes what the given backend is waiting for and who blocks it, using the idle lock
     * connection, or while the run executes on that one, a connection of the diagnostics' own (kept
     * until the lock is released); empty when it waits for nothing or the query fails.
     */
    synchronized String describeWaits(int backendPid) {
        StringBuilder out = new StringBuilder();
        try (PreparedStatement ps = probeConnection().prepareStatement(this.sql.waitingLocksQuery())) {
            ps.setInt(1, backendPid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (out.length() > 0) {
                        out.append("; ");
                    }
                    String relation = rs.getString(3);
                    out.append(rs.getString(2)).append(" on ")
                            .append(relation != null ? "table " + relation : rs.getString(1));
                    int blocker = rs.getInt(4);
                    if (!rs.wasNull()) {
                        OffsetDateTime xactStart = rs.getObject(7, OffsetDateTime.class);
                        out.append(", held by pid ").append(blocker).append(" (application_name '")
                                .append(rs.getString(5) == null ? "" : rs.getString(5)).append("', state '")
                                .append(rs.getString(6)).append("'")
                                .append(xactStart == null ? "" : ", transaction since " + xactStart.toInstant())
                                .append(')');
                    }
                }
            }
        } catch (SQLException e) {
            LOG.debug("Could not read lock waits: {}", Jdbc.describe(e));
        }
        return out.toString();
    }

    private Connection probeConnection() throws SQLException {
        if (!this.lent) {
            return this.connection;
        }
        if (this.probe == null) {
            this.probe = this.dataSource.getConnection();
            if (!this.probe.getAutoCommit()) {
                this.probe.setAutoCommit(true);
                this.probeRestoreAutoCommit = true;
            }
        }
        return this.probe;
    }

    @Override
    public synchronized void close() {
        if (this.probe != null) {
            closeQuietly(this.probe, this.probeRestoreAutoCommit);
            this.probe = null;
        }
        Optional<String> unlock = this.sql.unlockQuery();
        if (unlock.isEmpty()) {
            try {
                this.connection.rollback();
                this.connection.setAutoCommit(true);
                if (this.discardOnRelease) {
                    discard();
                }
            } catch (SQLException e) {
                LOG.warn("Could not release the migration lock ({}); the server releases it when the connection"
                        + " closes: {}", this.name, Jdbc.describe(e));
            } finally {
                closeQuietly(this.connection, this.restoreAutoCommit);
            }
            return;
        }
        try (PreparedStatement ps = this.connection.prepareStatement(unlock.get())) {
            ps.setLong(1, this.key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!(rs.next() && rs.getBoolean(1))) {
                    lostWarning();
                }
            }
        } catch (SQLException e) {
            LOG.warn("Could not release the migration lock ({}); the server releases it when the connection closes: {}",
                    this.name, Jdbc.describe(e));
        } finally {
            closeQuietly(this.connection, this.restoreAutoCommit);
        }
    }

    /**
     * Removes the lock's own table, released, once it has taken the lock again and found the version table still
     * missing: where another instance took the lock since (and holds it, or migrated and let it go), the table
     * stays in its use (see {@link LockTableDrop}).
     */
    private void discard() {
        try (Statement st = this.connection.createStatement()) {
            long previousWait;
            try (ResultSet rs = st.executeQuery(this.discard.waitQuery())) {
                rs.next();
                previousWait = rs.getLong(1);
                if (rs.wasNull()) {
                    LOG.debug("The migration lock's table ({}) stays: the database takes no table locks, so"
                            + " dropping it could not tell whether another instance holds the lock", this.name);
                    return;
                }
            }
            st.execute(this.discard.setWait(DISCARD_WAIT_MILLIS));
            try {
                if (!retakenWithoutVersionTable(st)) {
                    LOG.debug("The migration lock's table ({}) stays: another instance took the lock since the"
                            + " release", this.name);
                    return;
                }
                st.execute(this.discard.drop());
            } finally {
                if (!this.connection.getAutoCommit()) {
                    this.connection.rollback();
                    this.connection.setAutoCommit(true);
                }
                st.execute(this.discard.setWait(previousWait));
            }
            LOG.debug("Dropped the migration lock's table ({}): the run failed and created nothing else", this.name);
        } catch (SQLException e) {
            LOG.debug("Could not drop the migration lock's table ({}), which stays (another instance may have"
                    + " taken the lock since): {}", this.name, Jdbc.describe(e));
        }
    }

    /**
     * Takes the lock again in a transaction of the lock's connection (left open for the drop, which ends it) and
     * tells whether the version table is still missing: false where another instance holds the lock now or
     * created the version table since the release.
     */
    private boolean retakenWithoutVersionTable(Statement st) throws SQLException {
        this.connection.setAutoCommit(false);
        try (PreparedStatement retake = this.connection.prepareStatement(this.discard.retake())) {
            retake.setLong(1, this.key);
            try (ResultSet rs = retake.executeQuery()) {
                if (!(rs.next() && rs.getBoolean(1))) {
                    return false;
                }
            }
        }
        try (ResultSet rs = st.executeQuery(this.discard.versionTableExists())) {
            return rs.next() && !rs.getBoolean(1);
        }
    }

    /**
     * The unlock found the lock not held: something in this session released it before the run
     * ended, or the unlock reached another server session than the one that took it (a pooler in
     * transaction mode); either way another instance could take it and migrate alongside.
     */
    private void lostWarning() {
        LockWait.Holder holder = LockWait.holder(this.connection, this.holderQuery, true, this.key);
        LOG.warn("The migration lock ({}) was no longer held by this run's session when the run ended{}; {}."
                + " Another instance could have migrated at the same time: check the version table and the log."
                + " A revision must not release the session's locks (PostgreSQL: pg_advisory_unlock_all(),"
                + " DISCARD ALL; MariaDB: RELEASE_ALL_LOCKS()), and a run must have a server session of its own:"
                + " behind a pooler in transaction mode (PgBouncer's pool_mode = transaction) its statements reach"
                + " other sessions than the lock's, and the lock stays held by the session that took it, which the"
                + " pooler keeps, until that session ends.", this.name,
                this.lent ? ": a revision's statement released it, or it reached another session" : "",
                holder.pid() == null ? "no session holds it now"
                        : "it is " + LockTimeoutException.describeHolder(holder.pid(), holder.application(),
                                holder.client(), holder.since()));
    }

    /** Rolls back and closes the lock's connection, restoring a pooled connection's autocommit. */
    static void closeQuietly(Connection connection, boolean restoreAutoCommit) {
        try {
            if (!connection.isClosed() && !connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            if (restoreAutoCommit && !connection.isClosed()) {
                connection.setAutoCommit(false);
            }
        } catch (SQLException e) {
            LOG.debug("Could not restore autocommit on the lock connection: {}", Jdbc.describe(e));
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Could not close the lock connection: {}", Jdbc.describe(e));
        }
    }
}
