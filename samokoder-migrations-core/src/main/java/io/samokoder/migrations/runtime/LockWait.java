package io.samokoder.migrations.runtime;

import io.samokoder.migrations.LockTimeoutException;
import io.samokoder.migrations.MigrationException;
import io.samokoder.migrations.SharedSessionException;
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
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Taking the {@link MigrationLock}: a non-blocking try-lock polled between short sleeps (growing from
 * 20 to 250 ms, with jitter) in autocommit mode, so a waiter holds no transaction or snapshot; where
 * the dialect's lock is held in a transaction, each attempt runs in one that is rolled back when it
 * fails. Every ten seconds, and when the wait times out, the holder is looked up and named. A waiter
 * whose connection ends while it waits (H2's {@code AUTO_SERVER} closes the sessions it served when
 * the serving process exits) goes on waiting on a new one, a few times at most. Where the lock is a row
 * of a table, a waiter whose attempt fails makes the lock takeable again and tries again at once: a run
 * that created the table and failed without creating anything else drops it when it ends
 * ({@link LockSql#tableDrop}).
 */
final class LockWait {

    /** The lock's own logger: waiting is part of what the lock reports. */
    private static final Logger LOG = LoggerFactory.getLogger(MigrationLock.class);
    private static final long REPORT_EVERY_NANOS = Duration.ofSeconds(10).toNanos();
    private static final long MIN_SLEEP_MILLIS = 20;
    private static final long MAX_SLEEP_MILLIS = 250;
    /** How many times a wait goes on after its connection ended. */
    private static final int MAX_RECONNECTS = 3;
    /**
     * How many times in a row making the lock takeable, or an attempt, is tried again after failing where
     * the lock's table can be dropped under it ({@link LockSql#tableDrop}): once per run that drops
     * it meanwhile, so a few, while an error that stays fails the wait within milliseconds.
     */
    private static final int MAX_REMAKES = 20;

    private LockWait() {
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
        int remakes = 0;
        try {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
                restoreAutoCommit = true;
            }
            String schema = schema(connection, tables);
            String table = tables.versionTable();
            long key = sql.lockKey(schema, table);
            String name = sql.lockName(schema, table, key);
            boolean inTransaction = sql.heldInTransaction();
            Attempts attempts = ready(connection, sql, schema, table, key);
            boolean created = attempts.created();
            long start = System.nanoTime();
            long deadline = start + waitNanos(waitTimeout);
            long nextReport = start + REPORT_EVERY_NANOS;
            long sleep = MIN_SLEEP_MILLIS;
            boolean reportedWaiting = false;
            PreparedStatement tryLock = attempts.tryLock();
            try {
                while (true) {
                    Taken session;
                    try {
                        session = tryOnce(tryLock, name, sql.tellsSqlMode());
                        remakes = 0;
                    } catch (SQLException e) {
                        boolean valid = connection.isValid(1);
                        if (valid && inTransaction && remakes < MAX_REMAKES) {
                            // The lock's table was dropped under the attempt (H2 reports it missing, or fails
                            // the statement using it) by a run that had created it and failed without creating
                            // anything else: make it again (whoever creates it now may drop it in turn) and try
                            // again at once.
                            remakes++;
                            LOG.debug("An attempt to take the migration lock ({}) failed, making the lock takeable"
                                    + " again: {}", name, Jdbc.describe(e));
                            tryLock.close();
                            connection.rollback();
                            connection.setAutoCommit(true);
                            attempts = ready(connection, sql, schema, table, key);
                            tryLock = attempts.tryLock();
                            created = attempts.created();
                            continue;
                        }
                        // A waiter's connection can end under it: H2's AUTO_SERVER serves the database from
                        // the process that opened it first, and when that process (often the holder) exits,
                        // its clients' sessions close. Wait on a new connection, within the same deadline.
                        if (valid || reconnects >= MAX_RECONNECTS) {
                            throw e;
                        }
                        reconnects++;
                        LOG.info("The connection waiting for the migration lock ({}) ended ({}); waiting on a new"
                                + " one", name, Jdbc.describe(e));
                        tryLock.close();
                        MigrationLock.closeQuietly(connection, false);
                        connection = Jdbc.open(dataSource, "the migration lock");
                        restoreAutoCommit = !connection.getAutoCommit();
                        connection.setAutoCommit(true);
                        attempts = ready(connection, sql, schema, table, key);
                        tryLock = attempts.tryLock();
                        created |= attempts.created();
                        session = tryOnce(tryLock, name, sql.tellsSqlMode());
                    }
                    if (session != null) {
                        Duration waited = Duration.ofNanos(System.nanoTime() - start);
                        if (reportedWaiting) {
                            LOG.info("Took the migration lock ({}) after waiting {} ms", name, waited.toMillis());
                        }
                        return new MigrationLock(dataSource, connection, restoreAutoCommit, sql, key, name,
                                session.id(), session.sqlMode(), sql.lockHolderQuery(schema, table), waited,
                                reportedWaiting, created ? sql.tableDrop(schema, table).orElse(null) : null);
                    }
                    if (inTransaction) {
                        connection.rollback();
                    }
                    long now = System.nanoTime();
                    if (now - deadline >= 0) {
                        Holder holder = holder(connection, sql, schema, table, key);
                        throw new LockTimeoutException(Duration.ofNanos(now - start), name, holder.pid(),
                                holder.application(), holder.client(), holder.since(),
                                holder.pid() == null ? null : sql.endSessionStatement(holder.pid()));
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
            MigrationLock.closeQuietly(connection, restoreAutoCommit);
            throw Jdbc.failure("Could not take the migration lock", e, tables);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            MigrationLock.closeQuietly(connection, restoreAutoCommit);
            throw new MigrationException("Interrupted while waiting for the migration lock");
        } catch (RuntimeException e) {
            MigrationLock.closeQuietly(connection, restoreAutoCommit);
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
     * The attempt's statement (its key set), and whether making the lock takeable created it (the key's
     * row, and so the lock's table; see {@link LockSql#tableDrop}).
     */
    private record Attempts(PreparedStatement tryLock, boolean created) {
    }

    /**
     * Makes the lock takeable on an autocommit connection and prepares the attempt; where the lock is held
     * in a transaction, leaves the connection in a transaction for the attempts. There, a failure is tried
     * again from the start: the lock's table can be dropped meanwhile (see {@link LockSql#tableDrop}).
     */
    private static Attempts ready(Connection connection, LockSql sql, String schema, String table, long key)
            throws SQLException {
        for (int remakes = 0;; remakes++) {
            try {
                return readyOnce(connection, sql, schema, table, key);
            } catch (SQLException e) {
                if (!sql.heldInTransaction() || remakes >= MAX_REMAKES || !connection.isValid(1)) {
                    throw e;
                }
                LOG.debug("Making the migration lock takeable failed, trying again: {}", Jdbc.describe(e));
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            }
        }
    }

    private static Attempts readyOnce(Connection connection, LockSql sql, String schema, String table, long key)
            throws SQLException {
        boolean created = false;
        if (sql.heldInTransaction()) {
            created = prepare(connection, sql.prepareStatements(schema, table, key));
            connection.setAutoCommit(false);
        }
        PreparedStatement tryLock = connection.prepareStatement(sql.tryLockQuery(schema, table));
        try {
            tryLock.setLong(1, key);
        } catch (SQLException e) {
            tryLock.close();
            throw e;
        }
        return new Attempts(tryLock, created);
    }

    /**
     * Runs the statements that make the lock takeable, in autocommit; true when the last one reported
     * rows (it created the key's row). A concurrent first run may create the same table or row at the
     * same moment, so a failure is tried once more.
     */
    private static boolean prepare(Connection connection, List<String> statements) throws SQLException {
        int updated = 0;
        try (Statement st = connection.createStatement()) {
            for (String statement : statements) {
                try {
                    st.execute(statement);
                } catch (SQLException e) {
                    LOG.debug("Preparing the migration lock failed once, trying again: {}", Jdbc.describe(e));
                    st.execute(statement);
                }
                updated = st.getUpdateCount();
            }
        }
        return updated > 0;
    }

    /** The schema the lock's key is computed with: the configured one, else the session's current one, else "". */
    static String schema(Connection connection, Tables tables) throws SQLException {
        String schema = tables.schema();
        if (schema == null) {
            try (Statement st = connection.createStatement();
                    ResultSet rs = st.executeQuery(tables.dialect().session().currentSchemaQuery())) {
                schema = rs.next() ? rs.getString(1) : null;
            }
        }
        return schema == null ? "" : schema;
    }

    /** The session that took the lock: its id and, where the query tells it, its SQL mode. */
    private record Taken(long id, String sqlMode) {
    }

    /**
     * One attempt: the session that took the lock, or {@code null} when it was not taken.
     *
     * @throws SharedSessionException where the session holds the lock already ({@link LockSql#tryLockQuery})
     */
    private static Taken tryOnce(PreparedStatement tryLock, String name, boolean sqlMode) throws SQLException {
        try (ResultSet rs = tryLock.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            boolean taken = rs.getBoolean(1);
            if (rs.wasNull()) {
                throw new SharedSessionException(name);
            }
            return taken ? new Taken(rs.getLong(2), sqlMode ? rs.getString(3) : null) : null;
        }
    }

    record Holder(Integer pid, String application, String client, Instant since) {
    }

    private static Holder holder(Connection connection, LockSql sql, String schema, String table, long key) {
        return holder(connection, sql.lockHolderQuery(schema, table), !sql.heldInTransaction(), key);
    }

    /** The session holding the lock, read with its {@link LockSql#lockHolderQuery}; all nulls when none is found. */
    static Holder holder(Connection connection, String holderQuery, boolean bindKey, long key) {
        try (PreparedStatement ps = connection.prepareStatement(holderQuery)) {
            if (bindKey) {
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
}
