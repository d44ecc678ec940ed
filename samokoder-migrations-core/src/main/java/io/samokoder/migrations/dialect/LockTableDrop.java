package io.samokoder.migrations.dialect;

/**
 * How a lock held as a row of a table of its own drops that table again, after a run whose lock created it
 * failed without creating anything else (bad input on a new database; see {@link LockSql#tableDrop}). Run in
 * autocommit on the lock's connection once the lock is released.
 *
 * @param drop drops the table; another instance that took the lock since the release makes it wait and fail,
 *     and the table stays in that instance's use
 * @param waitQuery one row of one column: the session's table lock wait in milliseconds, or SQL {@code NULL}
 *     when the database takes no table locks (H2's {@code LOCK_MODE=0}), where the drop could not tell that
 *     another instance holds the lock and is not run
 * @param setWaitPrefix the statement that sets that wait, completed by the milliseconds: the drop waits only
 *     a moment, and the session's wait is put back after it
 * @param retake the lock's attempt ({@link LockSql#tryLockQuery}, one parameter: the key), run in a transaction
 *     before the drop: where another instance took the lock since the release, the table stays in its use
 * @param versionTableExists one row of one boolean, read with the lock taken again: whether the version table
 *     exists (the store's {@link StoreSql#tablesExist} lookup); where another instance took the lock and
 *     migrated since the release, it does, and the table stays
 */
public record LockTableDrop(String drop, String waitQuery, String setWaitPrefix, String retake,
        String versionTableExists) {

    /** The statement that sets the session's table lock wait to {@code millis}. */
    public String setWait(long millis) {
        return this.setWaitPrefix + millis;
    }
}
