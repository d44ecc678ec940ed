package io.samokoder.migrations.runtime;

import io.samokoder.migrations.LockTimeoutException;
import io.samokoder.migrations.MigrationException;
import io.samokoder.migrations.dialect.LockSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The migration lock: a session-level advisory lock on a connection of its own, keyed by the schema
 * and name of the version table. The server releases it when the session ends, so a killed process
 * never leaves it behind. Waiting polls a non-blocking try-lock between short sleeps in autocommit
 * mode, so a waiter holds no transaction or snapshot (and cannot deadlock with a holder running
 * {@code CREATE INDEX CONCURRENTLY}). A run with steps executes on the lock's own connection
 * ({@link #runConnection()}), so it needs one connection, and a killed session takes its lock and its
 * work with it; the executor's lock-wait diagnostics then open a connection of their own.
 *
 * <p>Where the dialect's lock is {@linkplain LockSql#heldInTransaction() held in a transaction} (a
 * row lock), each attempt runs in a transaction of the lock's connection that is rolled back when it
 * fails and kept open while the lock is held; closing the lock rolls it back. Reads under such a lock
 * ({@link #read}) use a connection of their own, as DDL there could commit the lock's transaction.
 * A waiter whose connection ends while it waits (H2's {@code AUTO_SERVER} closes the sessions it
 * served when the serving process exits) goes on waiting on a new one, a few times at most.
 */
final class MigrationLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationLock.class);
    private static final long REPORT_EVERY_NANOS = Duration.ofSeconds(10).toNanos();
    private static final long MIN_SLEEP_MILLIS = 20;
    private static final long MAX_SLEEP_MILLIS = 250;
    /** How many times a wait goes on after its connection ended (see {@link #acquire}). */
    private static final int MAX_RECONNECTS = 3;

    private final DataSource dataSource;
    private final Connection connection;
    private final boolean restoreAutoCommit;
    private final LockSql sql;
    private final long key;
    private final String name;
    private final Duration waited;
    /** Whether a run executes on {@link #connection}, which then cannot serve diagnostics. */
    private boolean lent;
    /** The diagnostics' own connection, opened when first needed while the lock's is lent. */
    private Connection probe;
    private boolean probeRestoreAutoCommit;

    private MigrationLock(DataSource dataSource, Connection connection, boolean restoreAutoCommit,
            LockSql sql, long key, String name, Duration waited) {
        this.dataSource = dataSource;
        this.connection = connection;
        this.restoreAutoCommit = restoreAutoCommit;
        this.sql = sql;
        this.key = key;
        this.name = name;
        this.waited = waited;
    }

    /**
     * Takes the lock, waiting at most {@code waitTimeout}, on the data source's first connection,
     * whose database the caller has checked ({@link Binding#lock}).
     *
     * @throws LockTimeoutException naming the holder when the wait times out
     */
    static MigrationLock acquire(DataSource dataSource, Tables tables, Duration waitTimeout) {
        LockSql sql = tables.dialect().lock();
        Connection connection = Jdbc.open(dataSource, "the migration lock");
        boolean restoreAutoCommit = false;
        int reconnects = 0;
        try {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
                restoreAutoCommit = true;
            }
            String schema = tables.schema();
            if (schema == null) {
                try (Statement st = connection.createStatement();
                        ResultSet rs = st.executeQuery(tables.dialect().session().currentSchemaQuery())) {
                    schema = rs.next() ? rs.getString(1) : null;
                }
                if (schema == null) {
                    schema = "";
                }
            }
            String table = tables.versionTable();
            long key = sql.lockKey(schema, table);
            String name = sql.lockName(schema, table, key);
            boolean inTransaction = sql.heldInTransaction();
            if (inTransaction) {
                prepare(connection, sql.prepareStatements(schema, table, key));
                connection.setAutoCommit(false);
            }
            long start = System.nanoTime();
            long deadline = start + waitNanos(waitTimeout);
            long nextReport = start + REPORT_EVERY_NANOS;
            long sleep = MIN_SLEEP_MILLIS;
            boolean reportedWaiting = false;
            PreparedStatement tryLock = connection.prepareStatement(sql.tryLockQuery(schema, table));
            try {
                tryLock.setLong(1, key);
                while (true) {
                    boolean taken;
                    try {
                        taken = tryOnce(tryLock);
                    } catch (SQLException e) {
                        // A waiter's connection can end under it: H2's AUTO_SERVER serves the database from
                        // the process that opened it first, and when that process (often the holder) exits,
                        // its clients' sessions close. Wait on a new connection, within the same deadline.
                        if (reconnects >= MAX_RECONNECTS || connection.isValid(1)) {
                            throw e;
                        }
                        reconnects++;
                        LOG.info("The connection waiting for the migration lock ({}) ended ({}); waiting on a new"
                                + " one", name, Jdbc.describe(e));
                        tryLock.close();
                        closeQuietly(connection, false);
                        connection = Jdbc.open(dataSource, "the migration lock");
                        restoreAutoCommit = !connection.getAutoCommit();
                        connection.setAutoCommit(true);
                        if (inTransaction) {
                            prepare(connection, sql.prepareStatements(schema, table, key));
                            connection.setAutoCommit(false);
                        }
                        tryLock = connection.prepareStatement(sql.tryLockQuery(schema, table));
                        tryLock.setLong(1, key);
                        taken = tryOnce(tryLock);
                    }
                    if (taken) {
                        Duration waited = Duration.ofNanos(System.nanoTime() - start);
                        if (reportedWaiting) {
                            LOG.info("Took the migration lock ({}) after waiting {} ms", name, waited.toMillis());
                        }
                        return new MigrationLock(dataSource, connection, restoreAutoCommit, sql, key, name, waited);
                    }
                    if (inTransaction) {
                        connection.rollback();
                    }
                    long now = System.nanoTime();
                    if (now - deadline >= 0) {
                        Holder holder = holder(connection, sql, schema, table, key);
                        throw new LockTimeoutException(Duration.ofNanos(now - start), name, holder.pid(),
                                holder.application(), holder.client(), holder.since());
                    }
                    if (!reportedWaiting) {
                        reportedWaiting = true;
                        LOG.info("Waiting for the migration lock ({}): another instance is migrating", name);
                    }
                    if (now - nextReport >= 0) {
                        nextReport = now + REPORT_EVERY_NANOS;
                        Holder holder = holder(connection, sql, schema, table, key);
                        LOG.info("Still waiting for the migration lock ({}) after {} s of {} s: {}", name,
                                Duration.ofNanos(now - start).toSeconds(), waitTimeout.toSeconds(),
                                LockTimeoutException.describeHolder(holder.pid(), holder.application(),
                                        holder.client(), holder.since()));
                    }
                    long remainingMillis = Math.max(1, (deadline - now) / 1_000_000);
                    long jitter = ThreadLocalRandom.current().nextLong(sleep / 2 + 1);
                    Thread.sleep(Math.min(remainingMillis, sleep + jitter));
                    sleep = Math.min(MAX_SLEEP_MILLIS, sleep * 2);
                }
            } finally {
                tryLock.close();
            }
        } catch (SQLException e) {
            closeQuietly(connection, restoreAutoCommit);
            throw Jdbc.failure("Could not take the migration lock", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(connection, restoreAutoCommit);
            throw new MigrationException("Interrupted while waiting for the migration lock");
        } catch (RuntimeException e) {
            closeQuietly(connection, restoreAutoCommit);
            throw e;
        }
    }

    private static long waitNanos(Duration timeout) {
        try {
            return Math.min(timeout.toNanos(), Long.MAX_VALUE / 4);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 4;
        }
    }

    /**
     * Runs the statements that make the lock takeable, in autocommit. A concurrent first run may
     * create the same table or row at the same moment, so a failure is tried once more.
     */
    private static void prepare(Connection connection, List<String> statements) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String statement : statements) {
                try {
                    st.execute(statement);
                } catch (SQLException e) {
                    LOG.debug("Preparing the migration lock failed once, trying again: {}", Jdbc.describe(e));
                    st.execute(statement);
                }
            }
        }
    }

    private static boolean tryOnce(PreparedStatement tryLock) throws SQLException {
        try (ResultSet rs = tryLock.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    record Holder(Integer pid, String application, String client, Instant since) {
    }

    private static Holder holder(Connection connection, LockSql sql, String schema, String table, long key) {
        try (PreparedStatement ps = connection.prepareStatement(sql.lockHolderQuery(schema, table))) {
            if (!sql.heldInTransaction()) {
                ps.setLong(1, key);
                ps.setLong(2, key);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    OffsetDateTime since = rs.getObject(4, OffsetDateTime.class);
                    return new Holder(rs.getInt(1), rs.getString(2), rs.getString(3),
                            since == null ? null : since.toInstant());
                }
            }
        } catch (SQLException e) {
            LOG.debug("Could not read the migration lock holder: {}", Jdbc.describe(e));
        }
        return new Holder(null, null, null, null);
    }

    /**
     * Runs work in autocommit on the lock's own connection, or, when the lock is held in a transaction,
     * on a connection of its own (closed afterwards) so that the work cannot end that transaction.
     */
    synchronized <T> T read(Jdbc.Work<T> work) throws SQLException {
        if (!this.sql.heldInTransaction()) {
            return work.run(this.connection);
        }
        try (Connection reader = this.dataSource.getConnection()) {
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

    /** How long the lock was waited for. */
    Duration waited() {
        return this.waited;
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
     * The unlock found the lock not held: something in this session released it before the run
     * ended, and from then on another instance could take it and migrate alongside.
     */
    private void lostWarning() {
        LOG.warn("The migration lock ({}) was no longer held when the run ended{}. Another instance could"
                + " have migrated at the same time: check the version table and the log. A revision must not"
                + " release the session's locks (PostgreSQL: pg_advisory_unlock_all(), DISCARD ALL; MariaDB:"
                + " RELEASE_ALL_LOCKS()).", this.name, this.lent ? ": a revision's statement released it" : "");
    }

    private static void closeQuietly(Connection connection, boolean restoreAutoCommit) {
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
