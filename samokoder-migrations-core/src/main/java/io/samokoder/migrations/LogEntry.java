package io.samokoder.migrations;

import java.time.Instant;

/**
 * One row of the log table, as {@link Migrations#log(int)} reads it: a step that ran (direction {@code up},
 * {@code down}), a stamp, a repair of a changed script ({@code repair}), or an attempt that failed or was left
 * part-way.
 *
 * @param id the row's id, in the order the rows were written
 * @param revision the revision, or {@code null} for a row of the whole version table (a stamp to base)
 * @param direction {@code up}, {@code down}, {@code stamp} or {@code repair}
 * @param message the revision's message (a repair's: what the log held before)
 * @param revises the revision's {@code Revises} when the row was written, ids joined by commas
 * @param checksum the checksum recorded, or {@code null}
 * @param startedAt when it started
 * @param durationMillis how long it took
 * @param databaseUser the database user that wrote it
 * @param outcome {@code success}, {@code failed} or {@code running} (a revision left part-way)
 * @param error the error of a failed attempt, or {@code null}
 */
public record LogEntry(long id, String revision, String direction, String message, String revises, String checksum,
        Instant startedAt, long durationMillis, String databaseUser, String outcome, String error) {
}
