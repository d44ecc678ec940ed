package io.samokoder.migrations.dialect;

import java.time.Duration;

/**
 * The work session's settings: the current schema and backend id, the lock and statement timeouts,
 * and the check that ends a killed client's session promptly. One part of a {@link Dialect}.
 */
public interface SessionSql {

    /** A query of one row and column: the schema that unqualified names resolve to. */
    String currentSchemaQuery();

    /** A query of one row and column: the current session's backend pid. */
    String backendPidQuery();

    /** A query with one parameter (a setting's name) returning its value for the session. */
    String currentSettingQuery();

    /** A query with two parameters (a setting's name and value) that sets it for the session. */
    String setSettingQuery();

    /**
     * A query with four parameters (lock timeout, whether local, statement timeout, whether local),
     * the timeouts as {@link #timeoutValue} gives them, that sets both timeouts.
     */
    String setTimeoutsQuery();

    /** A query returning the session's current lock timeout and statement timeout, in that order. */
    String currentTimeoutsQuery();

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
}
