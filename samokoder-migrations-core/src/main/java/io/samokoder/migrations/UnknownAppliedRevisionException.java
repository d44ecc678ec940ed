package io.samokoder.migrations;

import java.util.List;

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

    private UnknownAppliedRevisionException(String revision, String message, boolean unused) {
        super(message);
        this.revision = revision;
    }

    /**
     * The exception for a row that a newer build applied on top of revisions that this build has, where newer
     * revisions are allowed ({@link MigrationsConfig#allowNewerRevisions()}) but this build would still have to
     * run revisions there: the build that migrated the database did not have them.
     *
     * @param revision the first unknown version row
     * @param versionTable the version table, e.g. {@code public.alembic_version}
     * @param appliedOn the loaded revisions the unknown rows were applied on top of, as the log shows
     * @param wouldRun the revisions of this build that the database lacks
     * @return the exception, with Alembic's first sentence
     */
    public static UnknownAppliedRevisionException appliedOnTop(String revision, String versionTable,
            List<String> appliedOn, List<String> wouldRun) {
        return new UnknownAppliedRevisionException(revision, "Can't locate revision identified by '" + revision
                + "'. The version table " + versionTable + " names it, and the log shows it applied on top of "
                + (appliedOn.isEmpty() ? "none of this build's revisions" : String.join(", ", appliedOn))
                + ": a newer build migrated this database. Newer revisions are allowed, but this build would"
                + " still have to run " + String.join(", ", wouldRun) + " there, which that build did not have;"
                + " nothing was run. Deploy a build that has both, or the build that migrated the database.", true);
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
