package io.samokoder.migrations.runtime;

import io.samokoder.migrations.PartialAttempt;
import io.samokoder.migrations.PartialRevisionException;
import io.samokoder.migrations.dialect.LockSql;
import io.samokoder.migrations.dialect.StoreSql;
import io.samokoder.migrations.plan.Plan;
import io.samokoder.migrations.plan.Step;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Revisions left part-way on a database without transactional DDL (MariaDB, MySQL). When a revision
 * fails after some of its statements committed, its failed log row's error starts with
 * {@link #marker}: how many of how many statements were applied. While a revision runs, a log row
 * with outcome {@value #RUNNING} stands for it ({@link #begin}), removed when its failure is logged
 * ({@link #end}) and, when it commits, removed or (on MariaDB and MySQL, {@link RunningRows}) turned into
 * its success row in the same transaction; one that is left over means the run ended without either (its
 * process was killed, say), so how far the revision got is unknown. Until a later successful up or
 * down of that revision, or a stamp whose rows before or after hold it, a run whose plan would run it
 * again is refused with a {@link PartialRevisionException} before anything runs, unless
 * {@code retryPartial} allows it. A reader without the lock ({@link #listUnlocked}) leaves out the running
 * rows while another session holds the lock: that session is applying them.
 */
final class PartialAttempts {

    private static final Logger LOG = LoggerFactory.getLogger("io.samokoder.migrations.Migrations");
    private static final Pattern MARKER = Pattern.compile(
            "Partial: applied (\\d+) of (\\d+|\\?) statements( and work through op\\.connection\\(\\))?\\. (.*)",
            Pattern.DOTALL);

    /** The outcome of the log row that stands for a revision while it runs. */
    static final String RUNNING = "running";

    private final Tables tables;
    private final boolean retry;

    PartialAttempts(Tables tables, boolean retry) {
        this.tables = tables;
        this.retry = retry;
    }

    /** Writes the {@value #RUNNING} row of a revision about to run (in autocommit); returns its id. */
    static long begin(RunStatements statements, LogStore log, LogStore.Row row) throws SQLException {
        PreparedStatement ps = statements.get("log-insert-returning-id");
        if (ps == null) {
            ps = statements.prepare("log-insert-returning-id", log.insertSql(), true);
        }
        log.bind(ps, 1, row);
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    /** Removes a {@value #RUNNING} row: the revision committed, or its failure is logged. */
    static void end(RunStatements statements, LogStore log, long id) throws SQLException {
        log.delete(statements, id);
    }

    /**
     * The start of a partial attempt's logged error; {@code total} -1 when unknown (written {@code ?}), and
     * whether the code also did JDBC work of its own ({@code op.connection()}).
     */
    static String marker(int applied, int total, boolean connectionWork) {
        return "Partial: applied " + applied + " of " + (total < 0 ? "?" : total) + " statements"
                + (connectionWork ? " and work through op.connection()" : "") + ". ";
    }

    /**
     * Refuses a plan that runs a revision whose partial attempt is unresolved (or logs that it is
     * retried, when allowed); reads the log on the given connection.
     */
    void check(Connection connection, Plan plan) throws SQLException {
        List<PartialAttempt> open = list(connection);
        if (open.isEmpty()) {
            return;
        }
        for (PartialAttempt attempt : repeated(open, plan)) {
            if (!this.retry) {
                throw new PartialRevisionException(attempt);
            }
            LOG.warn("Running revision {} again as retryPartial allows; its earlier {} stopped part-way",
                    attempt.revision(), "up".equals(attempt.direction()) ? "upgrade" : "downgrade");
        }
    }

    /** The partial attempts whose revisions the plan would run again (stamps run none), in the plan's order. */
    static List<PartialAttempt> repeated(Collection<PartialAttempt> open, Plan plan) {
        List<PartialAttempt> repeated = new ArrayList<>(1);
        for (Step step : plan.steps()) {
            if (step.kind() == Step.Kind.STAMP) {
                continue;
            }
            for (PartialAttempt attempt : open) {
                if (attempt.revision().equals(step.revision())) {
                    repeated.add(attempt);
                }
            }
        }
        return repeated;
    }

    /**
     * The revisions left part-way (see {@link #unresolved}), in the order they were attempted, read by a
     * caller that holds the lock: a {@value #RUNNING} row is then one that no run will finish.
     */
    List<PartialAttempt> list(Connection connection) throws SQLException {
        return latest(unresolved(connection), true);
    }

    /**
     * The revisions left part-way, read without the lock (validate, status, the dry run). While another
     * session holds the lock, a {@value #RUNNING} row is a revision that a live run is applying, so it is left
     * out (a failed row of the same revision before it stays). The lock is looked at only when such a row is
     * found, so a read without one costs no more round trips.
     */
    List<PartialAttempt> listUnlocked(Connection connection) throws SQLException {
        List<PartialAttempt> rows = unresolved(connection);
        boolean running = false;
        for (PartialAttempt row : rows) {
            running |= isRunning(row);
        }
        return latest(rows, !running || !heldElsewhere(connection));
    }

    /** The latest attempt per revision, in the order they were attempted; with or without running rows. */
    private static List<PartialAttempt> latest(List<PartialAttempt> rows, boolean withRunning) {
        Map<String, PartialAttempt> open = new LinkedHashMap<>();
        for (PartialAttempt row : rows) {
            if (withRunning || !isRunning(row)) {
                open.put(row.revision(), row);
            }
        }
        return List.copyOf(open.values());
    }

    /** A running row is read with applied -1; a failed row's marker always counts its statements. */
    private static boolean isRunning(PartialAttempt row) {
        return row.applied() < 0;
    }

    /**
     * Whether another session holds the migration lock now ({@link LockSql#heldElsewhereQuery});
     * false where the dialect cannot tell or the query fails (the rows are then reported as before).
     */
    private boolean heldElsewhere(Connection connection) {
        try {
            String schema = LockWait.schema(connection, this.tables);
            String table = this.tables.versionTable();
            LockSql lock = this.tables.dialect().lock();
            String sql = lock.heldElsewhereQuery(schema, table, lock.lockKey(schema, table)).orElse(null);
            if (sql == null) {
                return false;
            }
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            LOG.debug("Could not tell whether the migration lock is held: {}", Jdbc.describe(e));
            return false;
        }
    }

    /**
     * The partial attempts that no later successful up or down of their revision, nor a stamp whose
     * rows before or after hold it, has resolved, in the order they were attempted (several per revision
     * when attempted again); none without a log table.
     */
    private List<PartialAttempt> unresolved(Connection connection) throws SQLException {
        String log = this.tables.qualifiedLog();
        StoreSql store = this.tables.dialect().store();
        List<PartialAttempt> open = new ArrayList<>();
        // The outcomes are the engine's constants, written as literals: the query is a plain one, which
        // queryOwnTables may wrap.
        String sql = "SELECT a.id, a.revision, a.direction, a.file,"
                + " a.error, a.outcome FROM " + log + " a WHERE a.revision IS NOT NULL AND (a.outcome = '" + RUNNING
                + "' OR (a.outcome = '" + LogStore.FAILED + "' AND a.error LIKE 'Partial: applied %'))"
                + " AND NOT EXISTS (SELECT 1 FROM " + log + " b WHERE b.id > a.id AND b.outcome = '" + LogStore.SUCCESS
                + "' AND (b.direction IN ('up', 'down') AND " + store.exact("b.revision") + " = "
                + store.exact("a.revision") + " OR b.direction = 'stamp' AND"
                // POSITION, not LIKE: an id may hold '_', which LIKE reads as any character.
                + " (POSITION(" + store.exact("CONCAT(',', a.revision, ',')") + " IN CONCAT(',', b.rows_before, ','))"
                + " > 0 OR POSITION(" + store.exact("CONCAT(',', a.revision, ',')")
                + " IN CONCAT(',', b.rows_after, ',')) > 0)))"
                + " ORDER BY a.id";
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = store.queryOwnTables(st, sql)) {
                while (rs.next()) {
                    String revision = rs.getString(2);
                    if (RUNNING.equals(rs.getString(6))) {
                        open.add(new PartialAttempt(revision, rs.getString(4), rs.getString(3), -1, -1,
                                false, "none was logged: the run that started it ended without reporting"));
                        continue;
                    }
                    Matcher m = MARKER.matcher(rs.getString(5));
                    if (m.matches()) {
                        int total = m.group(2).equals("?") ? -1 : Integer.parseInt(m.group(2));
                        open.add(new PartialAttempt(revision, rs.getString(4), rs.getString(3),
                                Integer.parseInt(m.group(1)), total, m.group(3) != null, m.group(4)));
                    }
                }
            }
        } catch (SQLException e) {
            if (this.tables.dialect().isUndefinedTable(e)) {
                return List.of(); // no log yet: a new database
            }
            throw e;
        }
        return open;
    }
}
