package io.samokoder.migrations.runtime;

import io.samokoder.migrations.dialect.StoreSql;
import io.samokoder.migrations.plan.RowChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Records a revision that ran in autocommit behind a {@value PartialAttempts#RUNNING} log row, on a
 * dialect with {@link StoreSql#updateVersionAndFinishLog} (MariaDB, MySQL): the running row becomes
 * the revision's success row (its outcome and duration change; it holds the rest already) together
 * with the step's version changes, both or neither. A step that updates one version row takes one
 * statement in autocommit: one round trip and one commit. Any other step (a version row inserted or
 * deleted, a merge), and one whose statement matched no row, runs its version changes and the log
 * row's update as a transaction, in which {@link VersionStore} names a change that matched no row. A
 * failure, or a connection lost before the commit, leaves the version table unchanged and the running
 * row in place, so that a run that cannot report the failure leaves the revision refused
 * ({@link PartialAttempts}).
 */
final class RunningRows {

    private final Tables tables;
    private final VersionStore versions;
    private final LogStore log;
    private final String combined;

    RunningRows(Tables tables, VersionStore versions, LogStore log) {
        this.tables = tables;
        this.versions = versions;
        this.log = log;
        this.combined = tables.dialect().store().updateVersionAndFinishLog(tables.qualifiedVersion(),
                tables.qualifiedLog());
    }

    /** Whether the dialect records revisions this way; otherwise the running row is deleted and a log row written. */
    boolean supported() {
        return this.combined != null;
    }

    /**
     * Applies the changes and turns the running row {@code running} into {@code row} (a success),
     * committed; the connection is in autocommit before and after.
     *
     * @throws io.samokoder.migrations.MigrationException when a change matched no version row (rolled back)
     */
    void finish(Connection connection, RunStatements statements, List<RowChange> changes, long running,
            LogStore.Row row) throws SQLException {
        if (changes.size() == 1 && changes.get(0) instanceof RowChange.Update update) {
            PreparedStatement ps = statements.get("version-update-and-finish-log");
            if (ps == null) {
                ps = statements.prepare("version-update-and-finish-log", this.combined);
            }
            ps.setString(1, update.to());
            ps.setString(2, row.outcome());
            ps.setLong(3, row.durationMillis());
            ps.setString(4, update.from());
            ps.setLong(5, running);
            ps.setString(6, PartialAttempts.RUNNING);
            if (ps.executeUpdate() > 0) {
                return;
            }
            // Neither row changed: the transaction below finds which one is missing.
        }
        connection.setAutoCommit(false);
        for (RowChange change : changes) {
            this.versions.apply(statements, change);
        }
        PreparedStatement ps = statements.get("log-finish");
        if (ps == null) {
            ps = statements.prepare("log-finish", "UPDATE " + this.tables.qualifiedLog()
                    + " SET outcome = ?, duration_ms = ? WHERE id = ? AND outcome = ?");
        }
        ps.setString(1, row.outcome());
        ps.setLong(2, row.durationMillis());
        ps.setLong(3, running);
        ps.setString(4, PartialAttempts.RUNNING);
        if (ps.executeUpdate() == 0) {
            // The running row is gone (deleted by hand): write the revision's row anew.
            this.log.insert(statements, row);
        }
        connection.commit();
        connection.setAutoCommit(true);
    }
}
