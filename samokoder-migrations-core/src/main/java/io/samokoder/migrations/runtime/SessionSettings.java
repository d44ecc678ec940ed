package io.samokoder.migrations.runtime;

import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.dialect.SessionSql;
import io.samokoder.migrations.plan.Step;
import io.samokoder.migrations.script.RevisionScript;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work session's settings during a run: the dead-client check, what ends the session when this host stops
 * answering, the run's timeouts (set once per run) and a revision's own timeouts, and restoring what was there
 * before.
 */
final class SessionSettings {

    private static final Logger LOG = LoggerFactory.getLogger("io.samokoder.migrations.Migrations");

    private final MigrationsConfig config;
    private final Dialect dialect;
    /** The timeouts set for the session during this run: lock timeout, statement timeout. */
    private String[] runTimeouts;
    /** Of this run's dead-host settings, those that also end an idle session: setting → the run's value. */
    private Map<String, String> idleLimits = Map.of();
    /** The kept settings' values found by {@link #enterRun}, to put the idle limits back from. */
    private List<String> ownKept = List.of();

    SessionSettings(MigrationsConfig config, Dialect dialect) {
        this.config = config;
        this.dialect = dialect;
    }

    /** The timeouts set for the session during this run (after {@link #enterRun}). */
    String[] runTimeouts() {
        return this.runTimeouts;
    }

    /**
     * What a run found in the session and puts back at its end.
     *
     * @param timeouts the lock timeout and the statement timeout
     * @param deadClientCheck the dead-client check's value, or {@code null} when it was not set
     * @param kept the values of the dialect's {@link io.samokoder.migrations.dialect.SessionSql#keptSettings},
     *     or empty when they were not read
     * @param sessionId the session's id, where the settings were read and set by one query, else {@code null}
     */
    record Saved(String[] timeouts, String deadClientCheck, List<String> kept, Long sessionId) {
    }

    /**
     * Prepares the session for a run: the dead-client check on, where the server has it, the dialect's
     * {@link SessionSql#deadHostSettings} for the configured dead-holder timeout, and the run's timeouts set
     * (see {@link #enableDeadClientCheck} and {@link #setRunTimeouts}). One round trip where
     * the dialect reads and sets them in one query, else one per read and per set. Returns what
     * {@link #leaveRun} restores.
     *
     * @throws io.samokoder.migrations.MigrationException when the timeouts cannot be set; the session
     *         is then as it was
     */
    Saved enterRun(Connection connection) {
        this.runTimeouts = timeouts(null);
        int version = serverMajorVersion(connection);
        boolean check = this.dialect.session().deadClientCheckSetting() != null
                && version >= this.dialect.session().deadClientCheckSinceVersion();
        Map<String, String> deadHost = this.dialect.session().deadHostSettings(this.config.deadHolderTimeout(),
                version);
        String sql = this.dialect.session().enterRunQuery(this.runTimeouts[0], this.runTimeouts[1],
                check ? this.dialect.session().deadClientCheckValue() : null, deadHost);
        if (sql != null) {
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                int keptFrom = check ? 4 : 3;
                return entered(new Saved(new String[] {rs.getString(1), rs.getString(2)},
                        check ? rs.getString(3) : null, kept(rs, keptFrom),
                        rs.getLong(keptFrom + this.dialect.session().keptSettings().size())), deadHost);
            } catch (SQLException e) {
                LOG.debug("Could not set the run's session settings in one query, trying one by one: {}",
                        Jdbc.describe(e));
            }
        }
        String previousCheck = check ? enableDeadClientCheck(connection) : null;
        try {
            Saved saved = setRunTimeouts(connection, previousCheck);
            // After the kept settings were read, so that the run's end puts these back.
            for (Map.Entry<String, String> setting : deadHost.entrySet()) {
                setKept(connection, setting.getKey(), setting.getValue());
            }
            return entered(saved, deadHost);
        } catch (RuntimeException e) {
            if (previousCheck != null) {
                restoreDeadClientCheck(connection, previousCheck);
            }
            throw e;
        }
    }

    private Saved entered(Saved saved, Map<String, String> deadHost) {
        Map<String, String> limits = new LinkedHashMap<>();
        for (String setting : this.dialect.session().idleLimitSettings()) {
            if (deadHost.containsKey(setting)) {
                limits.put(setting, deadHost.get(setting));
            }
        }
        this.idleLimits = limits;
        this.ownKept = saved.kept();
        return saved;
    }

    /**
     * Before a revision's own code runs against the session: puts the dialect's
     * {@link SessionSql#idleLimitSettings idle limits} back to the session's own values, so that code which
     * leaves the connection idle for a while (work of its own elsewhere) does not have the session ended
     * under it. Returns whether {@link #afterOwnCode} has anything to set again; a failure is logged.
     */
    boolean beforeOwnCode(Connection connection) {
        if (this.idleLimits.isEmpty()) {
            return false;
        }
        List<String> settings = this.dialect.session().keptSettings();
        for (String setting : this.idleLimits.keySet()) {
            int i = settings.indexOf(setting);
            String own = i >= 0 && i < this.ownKept.size() ? this.ownKept.get(i) : null;
            if (own != null) {
                setKept(connection, setting, own);
            }
        }
        return true;
    }

    /** After the revision's own code: the run's idle limits again, where {@link #beforeOwnCode} put them back. */
    void afterOwnCode(Connection connection, boolean changed) {
        if (changed) {
            for (Map.Entry<String, String> setting : this.idleLimits.entrySet()) {
                setKept(connection, setting.getKey(), setting.getValue());
            }
        }
    }

    /**
     * For a failure that lost the connection while the run's idle limits were set: that the server may have
     * ended the session for sending nothing that long, and what to change; starts with a space. Empty
     * otherwise.
     */
    String idleLimitHint(SQLException error) {
        String state = error.getSQLState();
        if (this.idleLimits.isEmpty() || state == null || !state.startsWith("08")) {
            return "";
        }
        return " If the run's connection sent nothing for " + String.join(", ", this.idleLimits.values())
                + " s before this, the server ended its session: " + String.join(", ", this.idleLimits.keySet())
                + " is set from samokoder.migrations.dead-holder-timeout for a run (deadHolderTimeout of the builder),"
                + " so that a lock holder whose host went silent frees the lock; a MigrationListener that blocks"
                + " that long cuts the run off. Raise it, or set it to 0 to keep the server's own.";
    }

    /**
     * Puts back what {@link #enterRun} found, in autocommit; a failure is logged, not thrown (the
     * run's outcome stands).
     */
    void leaveRun(Connection connection, Saved saved) {
        this.idleLimits = Map.of();
        String[] timeouts = saved.timeouts();
        String sql = this.dialect.session().leaveRunSql(timeouts[0], timeouts[1], saved.deadClientCheck(),
                saved.kept());
        if (sql != null) {
            try {
                connection.setAutoCommit(true);
                try (Statement st = connection.createStatement()) {
                    st.execute(sql);
                }
                return;
            } catch (SQLException e) {
                LOG.debug("Could not restore the session settings in one statement, trying one by one: {}",
                        Jdbc.describe(e));
            }
        }
        restoreQuietly(connection, timeouts);
        if (saved.deadClientCheck() != null) {
            restoreDeadClientCheck(connection, saved.deadClientCheck());
        }
        restoreKept(connection, saved.kept());
    }

    /**
     * Puts back the kept settings that the revisions changed, one by one, in the order
     * {@link SessionSql#leaveRunSql} sets them; which changed is read in one query first (when it cannot
     * be, all are set). One that cannot be set again takes its {@link SessionSql#keptSettingFallback}
     * (PostgreSQL: a dropped role becomes none). What cannot be put back is logged at WARN: the connection
     * goes back to its pool with it.
     */
    private void restoreKept(Connection connection, List<String> kept) {
        if (kept.isEmpty()) {
            return;
        }
        List<String> settings = this.dialect.session().keptSettings();
        List<String> now = currentKept(connection);
        for (int i = kept.size() - 1; i >= 0; i--) {
            if (now != null && Objects.equals(now.get(i), kept.get(i))) {
                continue;
            }
            String setting = settings.get(i);
            if (setKept(connection, setting, kept.get(i))) {
                continue;
            }
            String fallback = this.dialect.session().keptSettingFallback(setting);
            boolean reset = fallback != null && setSession(connection, setting, fallback);
            LOG.warn("Could not put back the session's {} ({}) after the run{}; the connection keeps what the"
                    + " revisions set", setting, kept.get(i), reset ? ": it is " + fallback + " now" : "");
        }
    }

    /** The kept settings' values now, or {@code null} when they cannot be read. */
    private List<String> currentKept(Connection connection) {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(this.dialect.session().sessionSettingsQuery())) {
            rs.next();
            return kept(rs, 3);
        } catch (SQLException e) {
            LOG.debug("Could not read the session's settings after the run, setting them all back: {}",
                    Jdbc.describe(e));
            return null;
        }
    }

    /**
     * Sets one kept setting to {@code value}, with the dialect's own statement where it has one; true also when
     * the value (MariaDB: no database selected) cannot be set again but nothing is to be put back.
     */
    private boolean setKept(Connection connection, String setting, String value) {
        String sql = this.dialect.session().restoreKeptSettingSql(setting, value);
        if (sql == null) {
            return value == null || setSession(connection, setting, value);
        }
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
            return true;
        } catch (SQLException e) {
            LOG.debug("Could not set {}: {}", setting, Jdbc.describe(e));
            return false;
        }
    }

    /**
     * The values of the dialect's kept settings in the row's columns from {@code first} on; unmodifiable,
     * and a value may be {@code null} (MariaDB: no database selected).
     */
    private List<String> kept(ResultSet rs, int first) throws SQLException {
        int count = this.dialect.session().keptSettings().size();
        List<String> kept = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            kept.add(rs.getString(first + i));
        }
        return Collections.unmodifiableList(kept);
    }

    /** The server's major version as the driver reports it, or 0 when it cannot say. */
    private static int serverMajorVersion(Connection connection) {
        try {
            return connection.getMetaData().getDatabaseMajorVersion();
        } catch (SQLException e) {
            LOG.debug("Could not read the server's version: {}", Jdbc.describe(e));
            return 0;
        }
    }

    /**
     * Asks the server to check during long statements whether this client is still there, so that
     * if this process is killed mid-revision, its session ends (and its transaction rolls back) within
     * about a second instead of when the statement finishes. Returns the value to restore, or
     * {@code null} when it could not be set. The caller has checked that the server has it.
     */
    private String enableDeadClientCheck(Connection connection) {
        String setting = this.dialect.session().deadClientCheckSetting();
        try {
            String previous;
            try (Statement st = connection.createStatement();
                    ResultSet rs = st.executeQuery(this.dialect.session().currentSettingQuery(setting))) {
                rs.next();
                previous = rs.getString(1);
            }
            return setSession(connection, setting, this.dialect.session().deadClientCheckValue()) ? previous : null;
        } catch (SQLException e) {
            LOG.debug("Could not enable the dead-client check: {}", Jdbc.describe(e));
            return null;
        }
    }

    /** Restores the dead-client check to what {@link #enableDeadClientCheck} returned. */
    private void restoreDeadClientCheck(Connection connection, String previous) {
        setSession(connection, this.dialect.session().deadClientCheckSetting(), previous);
    }

    /**
     * Sets the configured timeouts for the session once per run, so that a revision without its own
     * timeout headers needs no round trip for them; returns what to restore: the timeouts and kept
     * settings read before, in one query, and {@code deadClientCheck}.
     */
    private Saved setRunTimeouts(Connection connection, String deadClientCheck) {
        try {
            Saved saved;
            try (Statement st = connection.createStatement();
                    ResultSet rs = st.executeQuery(this.dialect.session().sessionSettingsQuery())) {
                rs.next();
                saved = new Saved(new String[] {rs.getString(1), rs.getString(2)}, deadClientCheck, kept(rs, 3), null);
            }
            restoreTimeouts(connection, this.runTimeouts);
            return saved;
        } catch (SQLException e) {
            throw Jdbc.failure("Could not set lock_timeout and statement_timeout for the run", e);
        }
    }

    private boolean setSession(Connection connection, String setting, String value) {
        try (PreparedStatement ps = connection.prepareStatement(this.dialect.session().setSettingSql(setting))) {
            ps.setString(1, value);
            ps.execute();
            return true;
        } catch (SQLException e) {
            LOG.debug("Could not set {}: {}", setting, Jdbc.describe(e));
            return false;
        }
    }

    Duration lockTimeout(RevisionScript script) {
        return script != null && script.lockTimeout().isPresent() ? script.lockTimeout().get()
                : this.config.lockTimeout();
    }

    Duration statementTimeout(RevisionScript script) {
        return script != null && script.statementTimeout().isPresent() ? script.statementTimeout().get()
                : this.config.statementTimeout();
    }

    /** The lock and statement timeouts a revision runs with, as the dialect writes them. */
    String[] timeouts(RevisionScript script) {
        if (this.runTimeouts != null && (script == null
                || (script.lockTimeout().isEmpty() && script.statementTimeout().isEmpty()))) {
            return this.runTimeouts; // the run's own, computed once (never modified)
        }
        return new String[] {this.dialect.session().timeoutValue(lockTimeout(script)),
            this.dialect.session().timeoutValue(statementTimeout(script))};
    }

    /** Whether a revision runs with other timeouts than the run's. */
    boolean ownTimeouts(RevisionScript script) {
        return !Arrays.equals(timeouts(script), this.runTimeouts);
    }

    /**
     * Sets the revision's timeouts unless they are already in effect ({@code effective}, or
     * {@code null} for unknown); returns the timeouts now in effect.
     */
    String[] setTimeouts(Connection connection, Step step, RevisionScript script, String[] effective,
            boolean local) throws StepFailure {
        String[] wanted = timeouts(script);
        if (Arrays.equals(wanted, effective)) {
            return effective;
        }
        try (Statement st = connection.createStatement()) {
            st.execute(this.dialect.session().setTimeoutsSql(wanted[0], wanted[1], local));
            return wanted;
        } catch (SQLException e) {
            throw new StepFailure(step, 0, 0, e);
        }
    }

    void restoreTimeouts(Connection connection, String[] saved) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(this.dialect.session().setTimeoutsSql(saved[0], saved[1], false));
        }
    }

    void restoreQuietly(Connection connection, String[] saved) {
        try {
            connection.setAutoCommit(true);
            restoreTimeouts(connection, saved);
        } catch (SQLException e) {
            LOG.debug("Could not restore the session timeouts: {}", Jdbc.describe(e));
        }
    }
}
