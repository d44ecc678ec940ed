package io.samokoder.migrations;

/**
 * A run would run a revision again whose last attempt stopped part-way, on a database where DDL is
 * not transactional (MariaDB, MySQL): its statements before the failing one were applied and stay,
 * while the version table still shows the revision as not run (or, for a downgrade, as applied).
 * Nothing was run. The ways out, as the message says:
 * <ul>
 *   <li>finish the remaining statements by hand and {@code stamp} the version table to where the
 *       revision leads (the revision for an upgrade, its down revision for a downgrade); or</li>
 *   <li>undo the applied statements by hand (or make them safe to repeat) and run again with
 *       {@link MigrationsConfig.Builder#retryPartial(boolean) retryPartial(true)}.</li>
 * </ul>
 * A later successful run or a stamp through the revision clears the partial attempt.
 */
public class PartialRevisionException extends MigrationException {

    private static final long serialVersionUID = 1L;

    private final String revision;
    private final String file;
    private final String direction;
    private final int applied;
    private final int total;

    /**
     * Creates the exception.
     *
     * @param revision the revision
     * @param file its script
     * @param direction {@code up} or {@code down}
     * @param applied how many of its statements were applied before the failure, or -1 when unknown (the
     *     run that started it ended without reporting)
     * @param total how many statements that part has, or -1 when unknown
     * @param error the error of that attempt, as the log recorded it
     */
    public PartialRevisionException(String revision, String file, String direction, int applied, int total,
            String error) {
        this(new PartialAttempt(revision, file, direction, applied, total, false, error));
    }

    /** Creates the exception for a partial attempt that a run would repeat. */
    public PartialRevisionException(PartialAttempt attempt) {
        super(attempt.explanation());
        this.revision = attempt.revision();
        this.file = attempt.file();
        this.direction = attempt.direction();
        this.applied = attempt.applied();
        this.total = attempt.total();
    }

    /** How a retry is enabled, in each front-end. */
    private static final String RETRY = "run again with retry-partial enabled (samokoder.migrations.retry-partial=true,"
            + " the --retry-partial option of upgrade and downgrade, -Dsamokoder.retryPartial=true for the Maven"
            + " plugin, or MigrationsConfig.builder().retryPartial(true))";

    static String compose(String revision, String file, String direction, int applied, int total,
            boolean connectionWork, String error) {
        boolean up = "up".equals(direction);
        String part = up ? "upgrade" : "downgrade";
        String stampTo = up ? revision : "the revision below it";
        String head = "Revision " + revision + " (" + file + ") was left part-way by an earlier run on a database"
                + " without transactional DDL: ";
        if (applied < 0) {
            return head + "its " + part + " was started by a run that ended (its process stopped or lost its"
                    + " connection) before finishing or reporting it, so any of its statements may have been applied,"
                    + " while the version table does not show the " + part + ". Nothing was run. Check which"
                    + " statements were applied; then either finish the " + part + " by hand and stamp " + stampTo
                    + ", or undo them by hand (or make them safe to repeat) and " + RETRY + ".";
        }
        if (applied == 0 && connectionWork) {
            return head + "none of its statements had completed when its " + part + " failed, but its code had taken"
                    + " op.connection() for JDBC work of its own, which commits as it goes and cannot be counted,"
                    + " while the version table does not show the " + part + ". Nothing was run. Check what that work"
                    + " changed (if it only read, nothing); then either finish the " + part + " by hand and stamp "
                    + stampTo + ", or undo it by hand (or make it safe to repeat) and " + RETRY + ". Earlier error: "
                    + error;
        }
        if (total >= 0 && applied >= total) {
            return head + "all " + total + " statements of its " + part + " were applied, but the version table"
                    + " was not updated. Nothing was run. Stamp " + stampTo + " (its statements already ran), or"
                    + " undo them by hand and " + RETRY + ". Earlier error: " + error;
        }
        String done = (applied == 1 ? "statement 1" : "statements 1 to " + applied)
                + (connectionWork ? " (and any JDBC work of its code through op.connection())" : "");
        String of = total >= 0 ? " of " + total : " (it reads the database while it runs, so how many statements"
                + " it makes is not known)";
        String rest = total < 0 ? "from statement " + (applied + 1)
                : applied + 1 == total ? "statement " + total : "statements " + (applied + 1) + " to " + total;
        return head + "its " + part + " stopped at statement " + (applied + 1) + of + ", and " + done
                + (applied == 1 && !connectionWork ? " was applied and stays" : " were applied and stay")
                + ", while the version table does not show the " + part + ". Nothing was run. Either finish the "
                + part + " by hand (" + rest + ") and stamp " + stampTo
                + ", or undo " + done + " by hand (or make " + (applied == 1 && !connectionWork ? "it" : "them")
                + " safe to repeat)"
                + " and " + RETRY + ". Earlier error: " + error;
    }

    /** The revision. */
    public String revision() {
        return this.revision;
    }

    /** Its script. */
    public String file() {
        return this.file;
    }

    /** {@code up} or {@code down}: the part that stopped. */
    public String direction() {
        return this.direction;
    }

    /** How many statements of that part were applied, or -1 when unknown. */
    public int applied() {
        return this.applied;
    }

    /** How many statements that part has, or -1 when unknown. */
    public int total() {
        return this.total;
    }
}
