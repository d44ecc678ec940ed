package io.samokoder.migrations.lint;

/**
 * MariaDB's and MySQL's rules. InnoDB changes most tables in place while writes go on, but some changes copy the
 * table ({@code ALGORITHM=COPY}), and writes wait for the whole copy. Statements on a table created earlier in the
 * same revision are left alone.
 */
final class MySqlRules {

    private MySqlRules() {
    }

    static void check(Cursor c, RevisionLint r) {
        if (c.accept("set")) {
            // SET foreign_key_checks = 0, SET SESSION foreign_key_checks = OFF, SET @@foreign_key_checks = 0
            c.accept("session");
            c.accept("local");
            if (c.hasAnywhere("foreign_key_checks")) {
                r.foreignKeyChecksOff(c.hasSymbol('0') || c.hasAnywhere("off") || c.hasAnywhere("false"));
            }
            return;
        }
        if (c.accept("create")) {
            c.accept("temporary");
            if (c.accept("table")) {
                c.acceptAll("if", "not", "exists");
                r.createdTable(c.name());
            } else if (c.accept("fulltext") || c.accept("spatial")) {
                c.accept("index");
                c.acceptAll("if", "not", "exists");
                c.name();
                if (c.accept("on")) {
                    blockingIndex(c.name(), r);
                }
            }
            return;
        }
        if (!c.accept("alter")) {
            return;
        }
        boolean online = c.accept("online");
        c.accept("ignore");
        if (!c.accept("table")) {
            return;
        }
        c.acceptAll("if", "exists");
        String table = c.name();
        if (r.isNew(table)) {
            return;
        }
        boolean algorithmGiven = online || c.hasOutsideGroups("algorithm") || c.hasOutsideGroups("lock");
        for (Cursor action : c.splitAtCommas()) {
            if (action.accept("add")) {
                if (action.peekIs("fulltext") || action.peekIs("spatial")) {
                    blockingIndex(table, r);
                    continue;
                }
                if (action.accept("constraint") && !action.peekIs("foreign")) {
                    action.name();
                }
                if (action.peekIs("foreign") && !r.foreignKeyChecksOff()) {
                    r.report(LintRule.FOREIGN_KEY_COPIES_TABLE, "Adding a foreign key to \"" + table + "\" while "
                            + "foreign_key_checks is on copies the table (ALGORITHM=COPY): writes to it wait for the "
                            + "whole copy", "Check the existing rows with a query first, then add the key after SET "
                            + "foreign_key_checks = 0 in the same revision (the server then adds it in place without "
                            + "checking them), and SET foreign_key_checks = 1 after it");
                }
            } else if (!algorithmGiven && (action.peekIs("modify") || action.peekIs("change")
                    || action.peekIs("convert"))) {
                String what = action.peekIs("convert") ? "Converting the character set of" : "Changing a column of";
                r.report(LintRule.ALTER_MAY_COPY_TABLE, what + " \"" + table + "\" copies the table when the change "
                        + "cannot be made in place (a new type, most often): writes wait for the whole copy",
                        "State what you expect, ALGORITHM=INSTANT or ALGORITHM=INPLACE, LOCK=NONE, so that the "
                        + "server refuses the statement instead of blocking writes when it cannot; for a change "
                        + "that must copy, use an online schema change tool outside the deployment");
            }
        }
    }

    private static void blockingIndex(String table, RevisionLint r) {
        if (!r.isNew(table)) {
            r.report(LintRule.INDEX_BLOCKS_WRITES, "Building a FULLTEXT or SPATIAL index on \"" + table + "\" blocks "
                    + "writes to it until the index is built (the server allows no LOCK=NONE for them)", "Build it "
                    + "outside the deployment at a quiet time, or with an online schema change tool; if the table "
                    + "is small, mark the statement '-- lint: ignore " + LintRule.INDEX_BLOCKS_WRITES.id() + "'");
        }
    }
}
