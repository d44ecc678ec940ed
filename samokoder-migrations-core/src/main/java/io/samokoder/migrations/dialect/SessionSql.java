package io.samokoder.migrations.dialect;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The work session's settings: the current schema and backend id, the lock and statement timeouts,
 * the check that ends a killed client's session promptly, and what ends it when the client's host stops
 * answering. One part of a {@link Dialect}.
 */
public interface SessionSql {

    /** A query of one row and column: the schema that unqualified names resolve to. */
    String currentSchemaQuery();

    /**
     * A query of one row and column: the session's SQL mode ({@link Dialect#forSqlMode}), or {@code null} (the
     * default) where the dialect has none.
     */
    default String sqlModeQuery() {
        return null;
    }

    /**
     * A statement without parameters that makes the current transaction's commit return without waiting for
     * the disk, or {@code null} (the default) where there is none. A run sends it in each step's transaction but
     * its last, whose commit waits and, since the server writes its log in order, makes them all durable
     * (PostgreSQL's {@code SET LOCAL synchronous_commit TO off}).
     */
    default String commitWithoutWaitSql() {
        return null;
    }

    /** A query of one row and column: the current session's backend pid. */
    String backendPidQuery();

    /** A query without parameters returning the value of one setting (named by the dialect) for the session. */
    String currentSettingQuery(String setting);

    /**
     * A statement with one parameter (the value) that sets one setting for the session; the name is
     * written into the SQL, since databases such as MariaDB take no parameter in its place.
     */
    String setSettingSql(String setting);

    /**
     * A statement without parameters that sets both timeouts, each given as {@link #timeoutValue} (or
     * {@link #sessionSettingsQuery}) wrote it; {@code local} limits them to the current transaction
     * where the database can (PostgreSQL's {@code set_config(..., true)}), else they hold for the
     * session.
     */
    String setTimeoutsSql(String lockTimeout, String statementTimeout, boolean local);

    /**
     * A query of one row returning the session's settings that a run changes or puts back: its current
     * lock timeout and statement timeout, in that order, then the values of the {@link #keptSettings}, in
     * their order.
     */
    String sessionSettingsQuery();

    /** A timeout as the database writes it, e.g. {@code 5000ms}; {@code 0} disables it. */
    String timeoutValue(Duration timeout);

    /**
     * The session setting that makes the server notice, during a long statement, that the client
     * went away (so a killed migrator's transaction ends promptly), or {@code null} if there is none.
     */
    String deadClientCheckSetting();

    /** The first server major version that has {@link #deadClientCheckSetting()}. */
    int deadClientCheckSinceVersion();

    /** The value to set it to while migrating. */
    String deadClientCheckValue();

    /**
     * Settings with their values, in the order to set them, that make the server end the session within about
     * {@code timeout} once the client's host stops answering (network lost, host powered off), so that the
     * migration lock the session holds is freed for another instance; a client that is there answers for
     * itself, however long its statements run. Each must be one of the {@link #keptSettings}, which a run puts
     * back. Empty (the default) where the session has none, and for a zero timeout; only what a server of
     * {@code serverMajorVersion} has.
     */
    default Map<String, String> deadHostSettings(Duration timeout, int serverMajorVersion) {
        return Map.of();
    }

    /**
     * Of the {@link #deadHostSettings}, those that end a session whose client sends nothing for their time, also
     * a client that is there (MariaDB's {@code wait_timeout}), rather than only one whose host stopped
     * answering. The run puts them back to the session's own values while a revision's own code runs, which
     * may leave the connection idle for longer (work of its own elsewhere), and sets them again after it.
     * Empty (the default) where none does.
     */
    default List<String> idleLimitSettings() {
        return List.of();
    }

    /**
     * One query of one row that returns the session's lock timeout, statement timeout and, when
     * {@code deadClientCheck} is not {@code null}, the {@link #deadClientCheckSetting()}, as they were
     * (in that order, written as {@link #sessionSettingsQuery} and {@link #currentSettingQuery} return
     * them), then the {@link #keptSettings}, then the session's id (as {@link LockSql#tryLockQuery} returns it),
     * and sets the first three to the given values for the session, and
     * the {@code deadHost} settings ({@link #deadHostSettings}) to theirs; {@code null} (the default) where the
     * reads and the sets need statements of their own.
     */
    default String enterRunQuery(String lockTimeout, String statementTimeout, String deadClientCheck,
            Map<String, String> deadHost) {
        return null;
    }

    /**
     * Session settings that a revision's statements may change (the search path, the role, the current
     * database or schema) or that the run changes ({@link #deadHostSettings}), and that a run puts back when it
     * ends, so that the application's pooled connection it ran on resolves names and checks privileges as
     * before. {@link #enterRunQuery} and {@link #sessionSettingsQuery} return their values after their other
     * columns, in this order ({@code null} for one the server does not have), and {@link #leaveRunSql} or, one
     * by one, {@link #restoreKeptSettingSql} sets them back; empty (the default) where none are kept.
     */
    default List<String> keptSettings() {
        return List.of();
    }

    /**
     * A statement without parameters that sets a {@link #keptSettings kept setting} back to {@code value}
     * (as it was read), for settings that take no parameter, such as MariaDB's {@code USE}; {@code null}
     * (the default) to set it with {@link #setSettingSql}.
     */
    default String restoreKeptSettingSql(String setting, String value) {
        return null;
    }

    /**
     * The value a {@link #keptSettings kept setting} takes when what a run saved cannot be set again
     * (a role the revision dropped), or {@code null} when there is none to fall back to.
     */
    default String keptSettingFallback(String setting) {
        return null;
    }

    /**
     * One statement without parameters that sets the lock timeout, the statement timeout, when
     * {@code deadClientCheck} is not {@code null} the dead-client check, and the {@link #keptSettings}
     * to {@code kept} (their values as {@link #enterRunQuery} read them; empty when it did not) for the
     * session; {@code null} (the default) where each needs a statement of its own.
     */
    default String leaveRunSql(String lockTimeout, String statementTimeout, String deadClientCheck,
            List<String> kept) {
        return null;
    }
}
