package io.samokoder.migrations.lint;

import java.util.List;

/**
 * PostgreSQL's rules. A statement that takes a lock conflicting with reads or writes holds it until its
 * transaction ends, and every later query of the table queues behind it, so a scan, rewrite or index build
 * under such a lock stops the application for as long as the table takes. Statements on a table created
 * earlier in the same revision are left alone: nobody else uses it yet.
 */
final class PostgresRules {

    /** Functions whose value changes per row: a column added with such a default is written row by row. */
    private static final List<String> VOLATILE = List.of("random", "gen_random_uuid", "uuid_generate_v1",
            "uuid_generate_v1mc", "uuid_generate_v4", "clock_timestamp", "timeofday", "nextval", "uuidv4", "uuidv7");

    private static final List<String> SERIAL = List.of("serial", "serial2", "serial4", "serial8", "smallserial",
            "bigserial");

    private static final String NON_TRANSACTIONAL = "put '-- Transactional: false' in the script's header (for a "
            + "Java revision, call concurrently() on the operation, which makes the revision run outside a "
            + "transaction by itself)";

    private PostgresRules() {
    }

    static void check(Cursor c, RevisionLint r) {
        if (c.accept("create")) {
            create(c, r);
        } else if (c.accept("drop")) {
            if (c.accept("index")) {
                dropIndex(c, r);
            }
        } else if (c.accept("alter")) {
            if (c.accept("table")) {
                c.acceptAll("if", "exists");
                c.accept("only");
                String table = c.name();
                if (!r.isNew(table)) {
                    for (Cursor action : c.splitAtCommas()) {
                        action(action, table, r);
                    }
                }
            }
        } else {
            maintenance(c, r);
        }
    }

    private static void create(Cursor c, RevisionLint r) {
        c.accept("unique");
        if (c.accept("index")) {
            boolean concurrently = c.accept("concurrently");
            c.acceptAll("if", "not", "exists");
            String index = c.peekIs("on") ? null : c.name();
            if (!c.accept("on")) {
                return;
            }
            c.accept("only");
            String table = c.name();
            r.createdIndex(index);
            if (concurrently && r.transactional()) {
                concurrentlyInTransaction(r, "CREATE INDEX", "build it without blocking writes");
            } else if (!concurrently && !r.isNew(table)) {
                r.report(LintRule.INDEX_WITHOUT_CONCURRENTLY, "Builds the index on \"" + table + "\" under a SHARE "
                        + "lock: inserts, updates and deletes on the table wait until it is built",
                        "Write CREATE INDEX CONCURRENTLY and " + NON_TRANSACTIONAL);
            }
            return;
        }
        while (c.accept("global") || c.accept("local") || c.accept("temp") || c.accept("temporary")
                || c.accept("unlogged")) {
            // Modifiers of CREATE TABLE.
        }
        if (c.accept("table")) {
            c.acceptAll("if", "not", "exists");
            r.createdTable(c.name());
        }
    }

    private static void dropIndex(Cursor c, RevisionLint r) {
        boolean concurrently = c.accept("concurrently");
        c.acceptAll("if", "exists");
        String index = c.name();
        if (concurrently && r.transactional()) {
            concurrentlyInTransaction(r, "DROP INDEX", "drop it without blocking queries");
        } else if (!concurrently && !r.isNewIndex(index)) {
            r.report(LintRule.DROP_INDEX_WITHOUT_CONCURRENTLY, "Drops index \"" + index + "\" under an ACCESS "
                    + "EXCLUSIVE lock on its table: it waits for every running query of the table, and every query "
                    + "that comes after waits for it", "Write DROP INDEX CONCURRENTLY and " + NON_TRANSACTIONAL);
        }
    }

    private static void concurrentlyInTransaction(RevisionLint r, String statement, String purpose) {
        r.report(LintRule.CONCURRENTLY_IN_TRANSACTION, statement + " CONCURRENTLY cannot run inside a transaction "
                + "block, and this revision runs in one: it fails", "To " + purpose + ", " + NON_TRANSACTIONAL);
    }

    private static void action(Cursor a, String table, RevisionLint r) {
        if (a.accept("add")) {
            if (a.peekIs("constraint") || a.peekIs("foreign") || a.peekIs("check") || a.peekIs("unique")
                    || a.peekIs("primary") || a.peekIs("exclude")) {
                addConstraint(a, table, r);
            } else {
                addColumn(a, table, r);
            }
        } else if (a.accept("alter")) {
            a.accept("column");
            String column = a.name();
            if (a.acceptAll("set", "not", "null")) {
                r.report(LintRule.SET_NOT_NULL, "SET NOT NULL on \"" + table + "\".\"" + column + "\" scans the "
                        + "whole table under an ACCESS EXCLUSIVE lock: reads and writes of the table wait",
                        "Add CHECK (" + column + " IS NOT NULL) NOT VALID, validate it in a later revision "
                        + "(VALIDATE CONSTRAINT takes a lock that lets reads and writes go on), then SET NOT NULL, "
                        + "which PostgreSQL 12 and later do without the scan, and drop the check");
            } else if (a.acceptAll("set", "data", "type") || a.accept("type")) {
                r.report(LintRule.COLUMN_TYPE_CHANGE, "Changing the type of \"" + table + "\".\"" + column
                        + "\" rewrites the table and its indexes under an ACCESS EXCLUSIVE lock, unless the new "
                        + "type needs no rewrite (varchar to text, a longer varchar): reads and writes wait",
                        "Add a column of the new type, fill it in batches, switch the application to it, then drop "
                        + "the old column in a later revision");
            }
        }
    }

    private static void addConstraint(Cursor a, String table, RevisionLint r) {
        if (a.accept("constraint")) {
            a.name();
        }
        if (a.peekIs("foreign") || a.peekIs("check")) {
            String kind = a.peekIs("foreign") ? "foreign key" : "check constraint";
            if (!a.hasOutsideGroups("not", "valid")) {
                r.report(LintRule.CONSTRAINT_WITHOUT_NOT_VALID, "Adding a " + kind + " to \"" + table + "\" checks "
                        + "every row while holding a lock that blocks " + (kind.equals("foreign key")
                        ? "writes to both tables" : "reads and writes of the table"), "Add it NOT VALID (new "
                        + "rows are checked from then on), and VALIDATE CONSTRAINT it in a later revision: "
                        + "validation takes a lock that lets reads and writes go on (in a Java revision: the "
                        + (kind.equals("foreign key") ? "ForeignKey's" : "Check's")
                        + " notValid(), then op.validateConstraint)");
            }
            return;
        }
        int using = a.indexOutsideGroups("using", "index");
        var after = using < 0 ? null : a.tokenAt(using + 2);
        boolean existingIndex = after != null && !after.is("tablespace");
        if (!existingIndex) {
            r.report(LintRule.CONSTRAINT_BUILDS_INDEX, "Adding a unique, primary key or exclusion constraint to \""
                    + table + "\" builds its index under an ACCESS EXCLUSIVE lock: reads and writes wait until "
                    + "it is built", "Build the unique index first with CREATE UNIQUE INDEX CONCURRENTLY (in a "
                    + "revision of its own, '-- Transactional: false'), then add the constraint USING INDEX "
                    + "(exclusion constraints have no such form)");
        }
    }

    private static void addColumn(Cursor a, String table, RevisionLint r) {
        a.accept("column");
        a.acceptAll("if", "not", "exists");
        String column = a.name();
        boolean serial = false;
        for (String type : SERIAL) {
            serial |= a.peekIs(type);
        }
        int defaultAt = a.indexOutsideGroups("default");
        boolean generated = a.hasOutsideGroups("generated");
        if (serial || generated || (defaultAt >= 0 && a.callsOneOf(defaultAt + 1, VOLATILE))) {
            String why = serial ? "a serial type, whose default calls nextval()" : generated
                    ? "a generated value" : "a volatile default";
            r.report(LintRule.ADD_COLUMN_REWRITES, "Adding \"" + column + "\" with " + why + " rewrites \"" + table
                    + "\" under an ACCESS EXCLUSIVE lock, computing the value for every row: reads and writes wait",
                    "Add the column without a default (or with a constant one), set the new default in a second "
                    + "statement, and fill the existing rows in batches");
        } else if (defaultAt < 0 && a.hasOutsideGroups("not", "null")) {
            r.report(LintRule.NOT_NULL_WITHOUT_DEFAULT, "Adding NOT NULL column \"" + column + "\" without a default "
                    + "fails when \"" + table + "\" has rows (column \"" + column + "\" contains null values)",
                    "Give it a constant DEFAULT (PostgreSQL 11 and later add it without a rewrite), or add it "
                    + "nullable, fill it, and set it NOT NULL later");
        }
        if (a.hasOutsideGroups("unique") || a.hasOutsideGroups("primary", "key")) {
            r.report(LintRule.CONSTRAINT_BUILDS_INDEX, "Adding \"" + column + "\" with a unique or primary key "
                    + "constraint builds its index on \"" + table + "\" under an ACCESS EXCLUSIVE lock: reads and "
                    + "writes wait until it is built", "Add the column without the constraint, build the unique index "
                    + "with CREATE UNIQUE INDEX CONCURRENTLY (in a revision of its own, '-- Transactional: false'), "
                    + "then add the constraint USING INDEX");
        }
    }

    private static void maintenance(Cursor c, RevisionLint r) {
        String what = null;
        if (c.accept("vacuum")) {
            // VACUUM FULL t, VACUUM (FULL, ANALYZE) t
            what = c.hasAnywhere("full") ? "VACUUM FULL rewrites the table under an ACCESS EXCLUSIVE lock" : null;
        } else if (c.accept("cluster")) {
            what = "CLUSTER rewrites the table under an ACCESS EXCLUSIVE lock";
        } else if (c.accept("reindex")) {
            c.skipGroup();
            if (c.accept("index") || c.accept("table") || c.accept("schema") || c.accept("database")
                    || c.accept("system")) {
                if (c.accept("concurrently")) {
                    if (r.transactional()) {
                        concurrentlyInTransaction(r, "REINDEX", "rebuild without blocking writes");
                    }
                    return;
                }
                what = "REINDEX without CONCURRENTLY blocks writes to the table (and reads that use the index) "
                        + "until it is done";
            }
        } else if (c.acceptAll("refresh", "materialized", "view")) {
            if (!c.accept("concurrently")) {
                what = "REFRESH MATERIALIZED VIEW without CONCURRENTLY blocks reads of the view until it is done";
            }
        }
        if (what != null) {
            r.report(LintRule.BLOCKING_MAINTENANCE, what, "Run it outside the deployment, at a quiet time, or use "
                    + "the CONCURRENTLY form where there is one (REINDEX, REFRESH MATERIALIZED VIEW with a unique "
                    + "index); if blocking is intended here, mark the statement '-- lint: ignore "
                    + LintRule.BLOCKING_MAINTENANCE.id() + "'");
        }
    }
}
