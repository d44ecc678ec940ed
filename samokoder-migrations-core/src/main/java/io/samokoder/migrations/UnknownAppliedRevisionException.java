package io.samokoder.migrations;

/**
 * The version table names a revision that no script declares. The message starts with Alembic's
 * "Can't locate revision identified by 'X'" and adds the likely causes and the way out.
 */
public class UnknownAppliedRevisionException extends MigrationException {

    private static final long serialVersionUID = 1L;

    private final String revision;

    /**
     * Creates the exception.
     *
     * @param revision the unknown version row
     * @param versionTable the version table, e.g. {@code public.alembic_version}
     */
    public UnknownAppliedRevisionException(String revision, String versionTable) {
        super(message(revision, versionTable));
        this.revision = revision;
    }

    /**
     * Creates the exception for a row that a squashed script replaced.
     *
     * @param revision the unknown version row
     * @param versionTable the version table, e.g. {@code public.alembic_version}
     * @param squashedInto the revision of the script that replaced it, with the script's source
     */
    public UnknownAppliedRevisionException(String revision, String versionTable, String squashedInto) {
        super(message(revision, versionTable, squashedInto));
        this.revision = revision;
    }

    /**
     * The text for a row that a squash replaced: the database stopped between the revisions that the squash holds,
     * so neither the squash nor the revisions after it can run there.
     *
     * @param squashedInto the revision of the script that replaced the row's, with the script's source, or
     *     {@code null} for the text of {@link #message(String, String)}
     */
    public static String message(String revision, String versionTable, String squashedInto) {
        if (squashedInto == null) {
            return message(revision, versionTable);
        }
        return "Can't locate revision identified by '" + revision + "'. The version table " + versionTable
                + " names it, and it was squashed into revision " + squashedInto + ": this database stopped part way"
                + " through the revisions that the squash holds, so the squash cannot run here. Upgrade it to the"
                + " squash's revision with a build from before the squash (its scripts are in the version control"
                + " history), then run this one.";
    }

    /** The text used for this problem, also in drift reports. */
    public static String message(String revision, String versionTable) {
        return "Can't locate revision identified by '" + revision + "'. The version table " + versionTable
                + " names it, but no loaded script declares it: a script file may have been deleted or renamed,"
                + " or a build from another branch (or a newer build) migrated this database. Deploy the scripts"
                + " that contain it, or rewrite the version table with stamp (purge) once the schema is understood.";
    }

    /** The unknown version row. */
    public String revision() {
        return this.revision;
    }
}
