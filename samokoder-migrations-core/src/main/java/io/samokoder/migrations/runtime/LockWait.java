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
 * the serving process exits) goes on waiting on a new one, a few times at most.
 */
final class LockWait {

    /** The lock's own logger: waiting is part of what the lock reports. */
    private static final Logger LOG = LoggerFactory.getLogger(MigrationLock.class);
    private static final long REPORT_EVERY_NANOS = Duration.ofSeconds(10).toNanos();
    private static final long MIN_SLEEP_MILLIS = 20;
    private static final long MAX_SLEEP_MILLIS = 250;
    /** How many times a wait goes on after its connection ended. */
    private static final int MAX_RECONNECTS = 3;

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
            readyForAttempts(connection, sql, schema, table, key);
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
                        MigrationLock.closeQuietly(connection, false);
                        connection = Jdbc.open(dataSource, "the migration lock");
                        restoreAutoCommit = !connection.getAutoCommit();
                        connection.setAutoCommit(true);
                        readyForAttempts(connection, sql, schema, table, key);
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
            MigrationLock.closeQuietly(connection, restoreAutoCommit);
            throw Jdbc.failure("Could not take the migration lock", e);
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
     * Makes the lock takeable on an autocommit connection; where the lock is held in a transaction,
     * leaves the connection in a transaction for the attempts.
     */
    private static void readyForAttempts(Connection connection, LockSql sql, String schema, String table, long key)
            throws SQLException {
        if (sql.heldInTransaction()) {
            prepare(connection, sql.prepareStatements(schema, table, key));
            connection.setAutoCommit(false);
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
}
