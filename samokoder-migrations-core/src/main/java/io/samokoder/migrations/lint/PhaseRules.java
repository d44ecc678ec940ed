package io.samokoder.migrations.lint;

/**
 * The expand/contract rule ({@link LintRule#DROP_IN_EXPAND}), on PostgreSQL's and MariaDB's/MySQL's statements
 * alike: a revision that is not {@code Phase: contract} and drops or renames a table or a column, which the
 * previous build reads while a rolling deploy runs both. A table created earlier in the same revision is left
 * alone.
 */
final class PhaseRules {

    private static final String ADVICE = "Move it to a revision with '-- Phase: contract' (@Revision(phase ="
            + " Phase.CONTRACT)), which an application applies only once no instance of the previous build runs;"
            + " for a rename, add the new name in this revision and drop the old one there";

    private PhaseRules() {
    }

    static void check(Cursor c, RevisionLint r) {
        if (c.accept("drop")) {
            c.accept("temporary");
            if (c.accept("table")) {
                c.acceptAll("if", "exists");
                String table = c.name();
                if (!r.isNew(table)) {
                    report(r, "Drops table \"" + table + "\"");
                }
            }
        } else if (c.acceptAll("rename", "table")) {
            String table = c.name();
            if (!r.isNew(table)) {
                report(r, "Renames table \"" + table + "\"");
            }
        } else if (c.acceptAll("alter", "table")) {
            c.acceptAll("if", "exists");
            c.accept("only");
            String table = c.name();
            if (r.isNew(table)) {
                return;
            }
            for (Cursor action : c.splitAtCommas()) {
                action(action, table, r);
            }
        }
    }

    private static void action(Cursor a, String table, RevisionLint r) {
        if (a.accept("drop")) {
            if (a.peekIs("constraint") || a.peekIs("index") || a.peekIs("key") || a.peekIs("primary")
                    || a.peekIs("foreign") || a.peekIs("check") || a.peekIs("default")) {
                return;
            }
            a.accept("column");
            a.acceptAll("if", "exists");
            report(r, "Drops column \"" + table + "\".\"" + a.name() + "\"");
        } else if (a.accept("rename")) {
            if (a.accept("constraint") || a.accept("index") || a.accept("key")) {
                return;
            }
            if (a.accept("to") || a.accept("as")) {
                report(r, "Renames table \"" + table + "\"");
            } else {
                a.accept("column");
                report(r, "Renames column \"" + table + "\".\"" + a.name() + "\"");
            }
        } else if (a.accept("change")) {
            a.accept("column");
            String column = a.name();
            String renamed = a.name();
            if (column != null && renamed != null && !column.equalsIgnoreCase(renamed)) {
                report(r, "Renames column \"" + table + "\".\"" + column + "\"");
            }
        }
    }

    private static void report(RevisionLint r, String what) {
        r.report(LintRule.DROP_IN_EXPAND, what + " in a revision that is not a contract revision: the previous"
                + " build, which runs beside the new one during a rolling deploy, may still read it", ADVICE);
    }
}
