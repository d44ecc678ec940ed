package io.samokoder.migrations.runtime;

import io.samokoder.migrations.MigrationException;
import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.RepairResult;
import io.samokoder.migrations.graph.Revision;
import io.samokoder.migrations.script.RevisionScript;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The repair of applied revisions whose scripts changed since they ran, under the migration lock: the log's latest
 * {@code up} row of each takes the script's checksum and content hash, and a {@code repair} row records what it held
 * before, in one transaction. Nothing runs; the version table is not touched. A changed {@code Revises} is refused:
 * the new parents would count as applied without having run.
 */
final class Repairs {

    static final String REPAIR = "repair";

    private Repairs() {
    }

    static RepairResult run(MigrationsConfig config, Binding binding, Catalog catalog, Listeners listeners,
            List<String> specs) {
        catalog.get();
        DataSource dataSource = Jdbc.require(config.dataSource(), "repair runs");
        try (MigrationLock lock = binding.lock(dataSource, null, config.lockWaitTimeout())) {
            listeners.lockAcquired(lock.waited());
            return run(catalog, lock, binding.known(), specs);
        }
    }

    private static RepairResult run(Catalog catalog, MigrationLock lock, Binding.Bound bound, List<String> specs) {
        Tables tables = bound.tables();
        DbState state = LockedReads.state(lock, bound, false);
        List<String> rows = state.rows();
        PlanChecks.knownRows(catalog, tables, rows);
        Set<String> applied = Drift.applied(catalog.graph(), rows);
        Set<String> ids = new LinkedHashSet<>();
        for (String spec : specs) {
            for (Revision revision : catalog.planner().resolve(spec)) {
                ids.add(revision.id());
            }
        }
        List<RepairResult.Repaired> repaired = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (String id : ids) {
            if (!applied.contains(id)) {
                throw new MigrationException("Revision " + id + " (" + catalog.script(id).description() + ") is not"
                        + " applied to this database, so its log has nothing to repair; nothing was changed");
            }
            LogStore.Entry entry = state.log().get(id);
            if (entry == null || !entry.applied() || entry.checksum() == null || !Drift.differs(catalog, id, entry)) {
                unchanged.add(id);
                continue;
            }
            RevisionScript script = catalog.script(id);
            if (Drift.revisesChanged(script, entry)) {
                throw new MigrationException("Revision " + id + " (" + script.description() + ") was applied with"
                        + " Revises: " + entry.revises() + " and its script now says Revises: "
                        + String.join(",", script.downRevisions()) + "; a"
                        + " repair does not record new parents, which would count as applied without having run."
                        + " Restore its Revises line and express the new order with a new (merge) revision; nothing"
                        + " was changed");
            }
            repaired.add(new RepairResult.Repaired(id, entry.checksum(), script.checksum()));
        }
        if (!repaired.isEmpty()) {
            try {
                lock.read(c -> {
                    write(c, catalog, bound, rows, repaired);
                    return null;
                });
            } catch (SQLException e) {
                throw Jdbc.failure("Could not repair the log table " + tables.logTable(), e, tables);
            }
        }
        return new RepairResult(repaired, unchanged);
    }

    private static void write(Connection c, Catalog catalog, Binding.Bound bound, List<String> rows,
            List<RepairResult.Repaired> repaired) throws SQLException {
        Tables tables = bound.tables();
        String log = tables.qualifiedLog();
        String latest = "SELECT id, direction FROM " + log + " WHERE "
                + tables.dialect().store().exact("revision") + " = ? AND outcome = 'success'"
                + " AND direction IN ('up', 'down') ORDER BY id DESC";
        String update = "UPDATE " + log + " SET checksum = ?, content_hash = ? WHERE id = ?";
        String joinedRows = String.join(",", rows);
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement select = c.prepareStatement(latest);
                PreparedStatement set = c.prepareStatement(update)) {
            for (RepairResult.Repaired r : repaired) {
                select.setString(1, r.revision());
                long id;
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next() || !LogStore.UP.equals(rs.getString(2))) {
                        throw new SQLException("the latest row of " + r.revision() + " is no longer an upgrade");
                    }
                    id = rs.getLong(1);
                }
                String contentHash = catalog.contentHash(r.revision());
                set.setString(1, r.checksum());
                set.setString(2, contentHash);
                set.setLong(3, id);
                set.executeUpdate();
                RevisionScript script = catalog.script(r.revision());
                bound.log().insert(c, new LogStore.Row(r.revision(), REPAIR, "Repaired: the log held checksum "
                        + r.recordedChecksum() + " for what ran", script.description(),
                        String.join(",", script.downRevisions()), r.checksum(), contentHash,
                        joinedRows, joinedRows, Instant.now(), 0, LogStore.SUCCESS, null));
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
