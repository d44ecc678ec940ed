package io.samokoder.migrations.runtime;

import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.RepeatableScriptException;
import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.script.Placeholders;
import io.samokoder.migrations.script.RepeatableScript;
import io.samokoder.migrations.script.ScriptListing;
import io.samokoder.migrations.script.ScriptLocations;
import io.samokoder.migrations.script.Sha256;
import io.samokoder.migrations.script.SqlStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies repeatable scripts ({@link RepeatableScript}) after the steps of a run that ends at the heads: each one
 * whose latest successful application is missing from the log, had other statements (its checksum), or came before
 * the latest successful downgrade step (which may have dropped what it made). Each is one transaction with its log
 * row where DDL is transactional; elsewhere (MariaDB, MySQL) its statements commit one by one and a failure leaves
 * those before it applied. A failure is logged as a failed row and stops the run; the next run applies the script
 * again. The log rows have no revision; their direction is {@value #DIRECTION} and their message the file name.
 */
final class Repeatables {

    /** The direction of a repeatable script's log rows. */
    static final String DIRECTION = "repeatable";

    private static final Logger LOG = LoggerFactory.getLogger("io.samokoder.migrations.Migrations");

    private Repeatables() {
    }

    /** A script ready to run: its statements as sent and their checksum. */
    record Prepared(RepeatableScript script, List<SqlStatement> statements, String checksum) {
    }

    /**
     * Splits every script, placeholders replaced, before the run changes anything, so that one that cannot become
     * statements fails the run with the database as it was.
     */
    static List<Prepared> prepare(List<RepeatableScript> scripts, Dialect dialect, Placeholders placeholders) {
        List<Prepared> prepared = new ArrayList<>(scripts.size());
        Placeholders summed = placeholders.forChecksums();
        for (RepeatableScript script : scripts) {
            List<SqlStatement> split = script.statements(dialect, Placeholders.OFF, dialect.transactionalDdl());
            List<SqlStatement> statements = placeholders.apply(split, script.description());
            // Built-in placeholders as written: a new connection's user or a new time does not make it due.
            List<SqlStatement> checked = summed == placeholders ? statements
                    : summed.apply(split, script.description());
            prepared.add(new Prepared(script, statements, RepeatableScript.checksum(checked, dialect)));
        }
        return List.copyOf(prepared);
    }

    /**
     * The scripts that are due, in order (see the class comment); reads the log once (all of them when it does not
     * exist yet).
     */
    static List<Prepared> pending(Connection connection, Tables tables, List<Prepared> prepared) throws SQLException {
        if (prepared.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT id, direction, message, checksum FROM " + tables.qualifiedLog()
                + " WHERE outcome = '" + LogStore.SUCCESS + "' AND revision IS NULL AND direction = '" + DIRECTION
                + "' OR outcome = '" + LogStore.SUCCESS + "' AND direction = '" + LogStore.DOWN + "' ORDER BY id";
        Map<String, String> applied = new HashMap<>();
        Map<String, Long> appliedAt = new HashMap<>();
        long lastDown = Long.MIN_VALUE;
        try (Statement st = connection.createStatement();
                ResultSet rs = tables.dialect().store().queryOwnTables(st, sql)) {
            while (rs.next()) {
                long id = rs.getLong(1);
                if (LogStore.DOWN.equals(rs.getString(2))) {
                    lastDown = id;
                } else {
                    applied.put(rs.getString(3), rs.getString(4));
                    appliedAt.put(rs.getString(3), id);
                }
            }
        } catch (SQLException e) {
            if (tables.dialect().isUndefinedTable(e)) {
                return prepared; // no log yet: none was applied
            }
            throw e;
        }
        List<Prepared> due = new ArrayList<>();
        for (Prepared p : prepared) {
            String name = p.script().name();
            if (!p.checksum().equals(applied.get(name)) || appliedAt.get(name) < lastDown) {
                due.add(p);
            }
        }
        return due;
    }

    /**
     * The file names of the scripts due on this connection's database, split as {@code tables}' dialect reads
     * SQL: {@link #prepare} and {@link #pending} for a caller that does not apply them.
     */
    static List<String> dueNames(Connection connection, Tables tables, List<RepeatableScript> scripts,
            Placeholders placeholders) throws SQLException {
        List<String> names = new ArrayList<>();
        for (Prepared due : pending(connection, tables, prepare(scripts, tables.dialect(), placeholders))) {
            names.add(due.script().name());
        }
        return names;
    }

    /**
     * Applies the scripts in order on a connection in autocommit, with the run's session settings (timeouts);
     * returns their file names. One that takes long is logged as still running ({@link StillRunning}).
     *
     * @param lock the run's lock, which names what a long script waits for
     * @param lockSession whether {@code connection} is the lock's own
     * @throws RepeatableScriptException for the first that fails, after logging it as a failed row
     */
    static List<String> apply(Connection connection, Tables tables, MigrationsConfig config, Listeners listeners,
            List<Prepared> due, MigrationLock lock, boolean lockSession) {
        if (due.isEmpty()) {
            return List.of();
        }
        Dialect dialect = tables.dialect();
        SessionSettings session = new SessionSettings(config, dialect);
        SessionSettings.Saved saved = session.enterRun(connection);
        LockRetries retries = new LockRetries(dialect, session, null, config.lockRetries());
        LogStore log = new LogStore(tables);
        List<String> applied = new ArrayList<>(due.size());
        StillRunning stillRunning = new StillRunning(lock, StillRunning.session(saved, lock, lockSession));
        try {
            for (Prepared p : due) {
                String line = "Running repeatable script " + p.script().description();
                LOG.info(line);
                if (stillRunning.shown()) {
                    stillRunning.step(line);
                }
                listeners.repeatableStarting(p.script().description());
                long start = System.nanoTime();
                for (int attempt = 1; !run(connection, dialect, log, p, retries, attempt); attempt++) {
                    // a lock timeout, with nothing of the script applied: waited, and tried again
                }
                listeners.repeatableFinished(p.script().description(), Duration.ofNanos(System.nanoTime() - start));
                applied.add(p.script().name());
            }
        } finally {
            stillRunning.stop();
            retries.close();
            session.leaveRun(connection, saved);
        }
        return List.copyOf(applied);
    }

    /**
     * One attempt: true when the script was applied; false after a lock timeout that left nothing of it applied,
     * with the next attempt's wait done, while attempts are left.
     */
    private static boolean run(Connection connection, Dialect dialect, LogStore log, Prepared p, LockRetries retries,
            int attempt) {
        boolean transactional = dialect.transactionalDdl();
        Instant started = Instant.now();
        long start = System.nanoTime();
        SqlStatement current = null;
        int ran = 0;
        try {
            if (transactional) {
                connection.setAutoCommit(false);
            }
            try (Statement st = connection.createStatement()) {
                for (SqlStatement statement : p.statements()) {
                    current = statement;
                    st.execute(statement.sql());
                    ran++;
                }
            }
            current = null;
            log.insert(connection, row(p, started, start, LogStore.SUCCESS, null));
            if (transactional) {
                connection.commit();
                connection.setAutoCommit(true);
            }
            return true;
        } catch (SQLException e) {
            if (transactional) {
                rollback(connection);
            }
            boolean nothingApplied = transactional || ran == 0;
            if (nothingApplied && current != null && dialect.isLockNotAvailable(e) && attempt < retries.maxAttempts()) {
                retries.afterLockTimeoutOfRepeatable(p.script().description(), current.number(), current.line(), e,
                        attempt);
                return false;
            }
            String error = Jdbc.describe(e);
            try {
                log.insert(connection, row(p, started, start, LogStore.FAILED, error));
            } catch (SQLException logged) {
                LOG.warn("Could not log the failure of repeatable script {}: {}", p.script().description(),
                        Jdbc.describe(logged));
            }
            throw new RepeatableScriptException(p.script().description(), current == null ? 0 : current.number(),
                    current == null ? 0 : current.line(), error, state(transactional, ran, p.statements().size())
                            + "; the revisions of this run stay applied, and the next run applies the script again."
                            + " Fix it and restart", Jdbc.sanitized(e));
        }
    }

    /** What a failed attempt left applied. */
    private static String state(boolean transactional, int ran, int statements) {
        if (transactional) {
            return "Its transaction was rolled back";
        }
        if (ran == 0) {
            return "None of its statements was applied";
        }
        String which = ran == 1 ? "Its statement 1 stays" : "Its statements 1 to " + ran + " stay";
        return which + " applied (DDL is not transactional here)"
                + (ran == statements ? ", but its log row could not be written" : "");
    }

    private static LogStore.Row row(Prepared p, Instant started, long start, String outcome, String error) {
        return new LogStore.Row(null, DIRECTION, p.script().name(), p.script().description(), null, p.checksum(),
                null, null, null, started, (System.nanoTime() - start) / 1_000_000, outcome, error);
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.debug("Rollback after a failed repeatable script failed: {}", Jdbc.describe(e));
        }
    }

    /**
     * The scripts' fingerprint ({@code files}) with the repeatable scripts' mixed in, and the placeholder values
     * they are checksummed with (hashed): the same as {@code files} where the repeatable locations hold no script,
     * {@code null} when {@code files} is or when a repeatable script cannot be stamped.
     */
    static String fingerprint(String files, MigrationsConfig config, ClassLoader classLoader) {
        String repeatable;
        if (files == null) {
            return null;
        } else if (!config.repeatableScripts().isEmpty()) {
            repeatable = ScriptLocations.fingerprint(config.repeatableScripts());
        } else if (config.repeatableLocations().isEmpty()) {
            return files;
        } else {
            ScriptListing listing = ScriptLocations.list(config.repeatableLocations(), classLoader);
            if (listing.resources().isEmpty()) {
                return files;
            }
            repeatable = listing.fingerprint();
        }
        if (repeatable == null) {
            return null;
        }
        Placeholders placeholders = config.placeholders();
        StringBuilder content = new StringBuilder(files).append("\nrepeatable\n").append(repeatable).append('\n')
                .append(placeholders.enabled()).append('\n');
        for (Map.Entry<String, String> value : new TreeMap<>(placeholders.values()).entrySet()) {
            content.append(value.getKey()).append('=').append(value.getValue()).append('\n');
        }
        return Sha256.hexOfUtf8(content).substring(0, 32);
    }
}
