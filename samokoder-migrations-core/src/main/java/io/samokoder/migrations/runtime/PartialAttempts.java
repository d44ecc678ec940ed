package io.samokoder.migrations.runtime;

import io.samokoder.migrations.PartialRevisionException;
import io.samokoder.migrations.plan.Plan;
import io.samokoder.migrations.plan.Step;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Revisions left part-way on a database without transactional DDL (MariaDB, MySQL). When a revision
 * fails after some of its statements committed, its failed log row's error starts with
 * {@link #marker}: how many of how many statements were applied. Until a later successful up or down
 * of that revision, or a stamp whose rows before or after hold it, a run whose plan would run it again
 * is refused with a {@link PartialRevisionException} before anything runs, unless
 * {@code retryPartial} allows it.
 */
final class PartialAttempts {

    private static final Logger LOG = LoggerFactory.getLogger("io.samokoder.migrations.Migrations");
    private static final Pattern MARKER = Pattern.compile("Partial: applied (\\d+) of (\\d+) statements\\. (.*)",
            Pattern.DOTALL);

    /** A partial attempt as its log row records it. */
    private record Attempt(long id, String revision, String direction, String file, int applied, int total,
            String error) {
    }

    private final Tables tables;
    private final boolean retry;

    PartialAttempts(Tables tables, boolean retry) {
        this.tables = tables;
        this.retry = retry;
    }

    /** The start of a partial attempt's logged error. */
    static String marker(int applied, int total) {
        return "Partial: applied " + applied + " of " + total + " statements. ";
    }

    /**
     * Refuses a plan that runs a revision whose partial attempt is unresolved (or logs that it is
     * retried, when allowed); reads the log on the given connection.
     */
    void check(Connection connection, Plan plan) throws SQLException {
        Map<String, Attempt> open = unresolved(connection);
        if (open.isEmpty()) {
            return;
        }
        for (Step step : plan.steps()) {
            Attempt attempt = step.kind() == Step.Kind.STAMP ? null : open.get(step.revision());
            if (attempt == null) {
                continue;
            }
            PartialRevisionException refusal = new PartialRevisionException(attempt.revision(), attempt.file(),
                    attempt.direction(), attempt.applied(), attempt.total(), attempt.error());
            if (!this.retry) {
                throw refusal;
            }
            LOG.warn("Running revision {} again as retryPartial allows; its earlier attempt stopped part-way"
                    + " (statement {} of {} of its {})", attempt.revision(), attempt.applied() + 1, attempt.total(),
                    "up".equals(attempt.direction()) ? "upgrade" : "downgrade");
        }
    }

    private Map<String, Attempt> unresolved(Connection connection) throws SQLException {
        String log = this.tables.qualifiedLog();
        Map<String, Attempt> open = new LinkedHashMap<>();
        long first = Long.MAX_VALUE;
        try (PreparedStatement ps = connection.prepareStatement("SELECT id, revision, direction, file, error FROM "
                + log + " WHERE outcome = ? AND error LIKE 'Partial: applied %' ORDER BY id")) {
            ps.setString(1, LogStore.FAILED);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Matcher m = MARKER.matcher(rs.getString(5));
                    if (m.matches() && rs.getString(2) != null) {
                        Attempt a = new Attempt(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3));
                        open.put(a.revision(), a);
                        first = Math.min(first, a.id());
                    }
                }
            }
        }
        if (open.isEmpty()) {
            return open;
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT id, revision, direction, rows_before,"
                + " rows_after FROM " + log + " WHERE outcome = ? AND id > ? ORDER BY id")) {
            ps.setString(1, LogStore.SUCCESS);
            ps.setLong(2, first);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    String revision = rs.getString(2);
                    boolean stamp = LogStore.STAMP.equals(rs.getString(3));
                    String rows = rs.getString(4) + "," + rs.getString(5);
                    open.values().removeIf(a -> a.id() < id
                            && (stamp ? Arrays.asList(rows.split(",")).contains(a.revision())
                                    : a.revision().equals(revision)));
                }
            }
        }
        return open;
    }
}
