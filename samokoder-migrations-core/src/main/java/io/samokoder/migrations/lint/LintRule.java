package io.samokoder.migrations.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the linter looks for: statements that hold a lock that stops other sessions' reads or writes for as
 * long as a large table takes to scan, rewrite or index, statements that fail on a table with rows, and (with
 * expand/contract phases) drops outside a contract revision. Each
 * rule has an id, used in findings and to silence it ({@code -- lint: ignore <id>}).
 */
public enum LintRule {

    /** PostgreSQL: {@code CREATE INDEX} without {@code CONCURRENTLY} blocks writes while the index is built. */
    INDEX_WITHOUT_CONCURRENTLY("index-without-concurrently", "PostgreSQL"),
    /** PostgreSQL: {@code DROP INDEX} without {@code CONCURRENTLY} waits for, and then blocks, every query. */
    DROP_INDEX_WITHOUT_CONCURRENTLY("drop-index-without-concurrently", "PostgreSQL"),
    /** PostgreSQL: {@code CONCURRENTLY} in a revision that runs in a transaction fails. */
    CONCURRENTLY_IN_TRANSACTION("concurrently-in-transaction", "PostgreSQL"),
    /** PostgreSQL: a foreign key or check constraint added without {@code NOT VALID} scans under a lock. */
    CONSTRAINT_WITHOUT_NOT_VALID("constraint-without-not-valid", "PostgreSQL"),
    /** PostgreSQL: a unique, primary key or exclusion constraint builds its index with reads and writes blocked. */
    CONSTRAINT_BUILDS_INDEX("constraint-builds-index", "PostgreSQL"),
    /** PostgreSQL: {@code SET NOT NULL} scans the table with reads and writes blocked. */
    SET_NOT_NULL("set-not-null", "PostgreSQL"),
    /** PostgreSQL: changing a column's type rewrites the table with reads and writes blocked. */
    COLUMN_TYPE_CHANGE("column-type-change", "PostgreSQL"),
    /** PostgreSQL: a new column with a volatile default, a serial type or a generated value rewrites the table. */
    ADD_COLUMN_REWRITES("add-column-rewrites", "PostgreSQL"),
    /** PostgreSQL: a new {@code NOT NULL} column without a default fails on a table with rows. */
    NOT_NULL_WITHOUT_DEFAULT("not-null-without-default", "PostgreSQL"),
    /** PostgreSQL: {@code VACUUM FULL}, {@code CLUSTER}, {@code REINDEX} and {@code REFRESH MATERIALIZED VIEW}
     * without {@code CONCURRENTLY} hold locks for their whole run. */
    BLOCKING_MAINTENANCE("blocking-maintenance", "PostgreSQL"),
    /** MariaDB, MySQL: adding a foreign key with {@code foreign_key_checks} on copies the table, writes blocked. */
    FOREIGN_KEY_COPIES_TABLE("foreign-key-copies-table", "MariaDB, MySQL"),
    /** MariaDB, MySQL: {@code MODIFY}, {@code CHANGE} or {@code CONVERT TO} without {@code ALGORITHM}/{@code LOCK}
     * may copy the table with writes blocked. */
    ALTER_MAY_COPY_TABLE("alter-may-copy-table", "MariaDB, MySQL"),
    /** MariaDB, MySQL: a {@code FULLTEXT} or {@code SPATIAL} index is built with writes blocked. */
    INDEX_BLOCKS_WRITES("index-blocks-writes", "MariaDB, MySQL"),
    /**
     * Where the revisions use expand/contract phases (some revision is {@code Phase: contract}): a revision that is
     * not contract drops or renames a table or a column, which the previous build, still running during a rolling
     * deploy, may read.
     */
    DROP_IN_EXPAND("drop-in-expand", "PostgreSQL, MariaDB, MySQL");

    private final String id;
    private final String databases;

    LintRule(String id, String databases) {
        this.id = id;
        this.databases = databases;
    }

    /** The rule's id, e.g. {@code index-without-concurrently}. */
    public String id() {
        return this.id;
    }

    /** The databases the rule applies to, for listings. */
    public String databases() {
        return this.databases;
    }

    /** The rule with this id (any case), if there is one. */
    public static Optional<LintRule> forId(String id) {
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        for (LintRule rule : values()) {
            if (rule.id.equals(wanted)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** The ids of every rule, comma-separated, for messages. */
    public static String ids() {
        List<String> ids = new ArrayList<>();
        for (LintRule rule : values()) {
            ids.add(rule.id);
        }
        return String.join(", ", ids);
    }
}
