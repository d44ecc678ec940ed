package io.samokoder.migrations.runtime;

import io.samokoder.migrations.MigrationException;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run's reads of the database's state under the migration lock: the rows and the log before planning,
 * telling a lock lost with its connection (the run then takes it again) from a failed read, and, after a
 * failed run, whether the lock's own table can go.
 */
final class LockedReads {

    private static final Logger LOG = LoggerFactory.getLogger("io.samokoder.migrations.Migrations");

    private LockedReads() {
    }

    /**
     * After a failed run whose lock created a table of its own (H2's lock table, on a new database): when
     * the version table is missing, read under the lock, the run created nothing else, and the lock drops
     * its table on release, so that bad input leaves the database as it was (see {@link DbState#createMissing}).
     * Nothing to do, and no query, where the lock created no table.
     */
    static void discardIfUnused(MigrationLock lock, Binding.Bound bound) {
        if (!lock.createdItsTable() || bound == null) {
            return;
        }
        try {
            if (lock.read(new StateRead(bound, false)).versionTableMissing()) {
                lock.discardOnRelease();
            }
        } catch (SQLException | RuntimeException e) {
            // The drop itself finds out on the lock's connection, and leaves the table where it is not missing.
            LOG.debug("Could not tell whether the version table {} exists; the migration lock's table is dropped"
                    + " only if it still is missing once released: {}", bound.tables().versionTableName(),
                    e instanceof SQLException s ? Jdbc.describe(s) : e.toString());
            lock.discardOnRelease();
        }
    }

    /**
     * The rows and the log, read under the lock on its connection; creates nothing. With {@code tablesSeen},
     * the fast start's query has just read the engine's tables.
     */
    static DbState state(MigrationLock lock, Binding.Bound bound, boolean tablesSeen) {
        DbState state;
        try {
            state = lock.read(new StateRead(bound, tablesSeen));
        } catch (SQLException e) {
            MigrationException failure = Jdbc.failure("Could not read the version table "
                    + bound.tables().versionTableName(), e, bound.tables());
            // Nothing has changed yet: where the lock went with its connection, the run can wait for it again.
            throw lock.lost() ? new LockLost(failure) : failure;
        }
        // Where the lock is held on a connection of its own, the read on another one cannot tell that it ended.
        if (lock.heldApart() && lock.lost()) {
            throw new LockLost(new MigrationException("The migration lock's connection ended while the version table"
                    + " " + bound.tables().versionTableName() + " was read on another"));
        }
        return state;
    }

    /** {@link DbState#read} on the connection the lock gives; a class, not a lambda: made on every run, cold. */
    private static final class StateRead implements Jdbc.Work<DbState> {

        private final Binding.Bound bound;
        private final boolean tablesSeen;

        StateRead(Binding.Bound bound, boolean tablesSeen) {
            this.bound = bound;
            this.tablesSeen = tablesSeen;
        }

        @Override
        public DbState run(Connection connection) throws SQLException {
            return DbState.read(connection, this.bound.versions(), this.bound.log(), this.bound.tables(),
                    this.tablesSeen);
        }
    }
}
