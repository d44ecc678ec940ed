package io.samokoder.migrations;

/**
 * A revision left part-way on a database without transactional DDL (MariaDB, MySQL, H2), as the log
 * table records it: some of its statements were applied and stay, while the version table does not show
 * the part that stopped. Runs that would run it again are refused ({@link PartialRevisionException}) until
 * a stamp through it or an allowed retry; {@link Migrations#validate(String)} reports it.
 *
 * @param revision the revision
 * @param file its script
 * @param direction {@code up} or {@code down}: the part that stopped
 * @param applied how many statements of that part were applied, or -1 when unknown (the run that started it
 *     ended without reporting)
 * @param total how many statements that part has, or -1 when unknown
 * @param connectionWork whether its code also did JDBC work of its own through {@code op.connection()}, which
 *     the count of statements does not include
 * @param error the error of that attempt, as the log recorded it
 */
public record PartialAttempt(String revision, String file, String direction, int applied, int total,
        boolean connectionWork, String error) {

    /** What this attempt means and the ways out: the message a run that would repeat it is refused with. */
    public String explanation() {
        return PartialRevisionException.compose(this.revision, this.file, this.direction, this.applied, this.total,
                this.connectionWork, this.error);
    }
}
