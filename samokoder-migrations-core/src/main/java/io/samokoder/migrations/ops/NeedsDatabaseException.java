package io.samokoder.migrations.ops;

import io.samokoder.migrations.MigrationException;

/**
 * A revision asked the database something (e.g. {@code hasTable}) while its operations were being
 * recorded without one: such a revision must declare a version ({@code @Revision(version = ...)}) and
 * cannot be rendered offline.
 */
public class NeedsDatabaseException extends MigrationException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception for the call that needed the database, e.g. {@code hasTable(users)}. */
    public NeedsDatabaseException(String call) {
        super("The revision reads the database (" + call + "), so its operations cannot be recorded without one:"
                + " it must declare a version (@Revision(version = ...)) for its checksum, and it cannot be"
                + " rendered offline");
    }

    private NeedsDatabaseException(String message, boolean whole) {
        super(message);
    }

    /**
     * The exception for an offline script of a revision that reads the database while it runs (one that
     * declares its version, as it must).
     *
     * @param revision the revision's description, e.g. {@code java:com.example.M0042_Backfill}
     */
    public static NeedsDatabaseException offline(String revision) {
        return new NeedsDatabaseException(revision + " reads the database while it runs, so it has no statements"
                + " before it runs and cannot be written to an offline (--sql) script; run it online, or write the"
                + " SQL it would run as an SQL revision.", true);
    }
}
