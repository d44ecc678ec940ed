package io.samokoder.migrations.runtime;

import io.samokoder.migrations.MigrationException;
import io.samokoder.migrations.plan.RowChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The version table: one row per applied head, exactly Alembic's {@code alembic_version}. Row
 * changes come from the plan; each UPDATE and DELETE must touch exactly one row.
 */
final class VersionStore {

    /** How a step's bookkeeping round trip ({@link #applyAndLog}) ends. */
    enum Ending {
        /** Without a commit: the caller commits. */
        NONE,
        /** With the transaction's commit. */
        COMMIT,
        /**
         * With a commit that does not wait for the disk, where the dialect has one
         * ({@link io.samokoder.migrations.dialect.SessionSql#commitWithoutWaitSql}); else as {@link #COMMIT}.
         */
        COMMIT_WITHOUT_WAIT
    }

    private final Tables tables;

    VersionStore(Tables tables) {
        this.tables = tables;
    }

    /** The rows in row order; throws the driver's error when the table is missing. */
    List<String> readRows(Connection connection) throws SQLException {
        List<String> rows = new ArrayList<>();
        String sql = this.tables.dialect().store().selectVersions(this.tables.qualifiedVersion());
        try (Statement st = connection.createStatement();
                ResultSet rs = this.tables.dialect().store().queryOwnTables(st, sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    void create(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(createSql());
        }
    }

    /** The statement that creates the table if it is missing. */
    String createSql() {
        return this.tables.dialect().ddl().createVersionTable(this.tables.schema(), this.tables.versionTable());
    }

    /** Applies one row change; UPDATE and DELETE must match exactly one row. */
    void apply(Connection connection, RowChange change) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql(change))) {
            bind(ps, 1, change);
            check(change, ps.executeUpdate(), "");
        }
    }

    /** {@link #apply(Connection, RowChange)} with the run's prepared statement of that kind of change. */
    void apply(RunStatements statements, RowChange change) throws SQLException {
        String key = change instanceof RowChange.Insert ? "version-insert"
                : change instanceof RowChange.Update ? "version-update" : "version-delete";
        PreparedStatement ps = statements.get(key);
        if (ps == null) {
            ps = statements.prepare(key, sql(change));
        }
        bind(ps, 1, change);
        check(change, ps.executeUpdate(), "");
    }

    /**
     * Whether {@link #applyAndLog} may take these changes: the dialect's store combines changes and
     * log row ({@link io.samokoder.migrations.dialect.StoreSql#combinesChangesAndLog}) and
     * {@link #combinable} says so.
     */
    boolean combines(List<RowChange> changes) {
        return this.tables.dialect().store().combinesChangesAndLog() && combinable(changes);
    }

    /**
     * Whether these changes may go in one statement: no revision is touched twice (its
     * sub-statements all see the table as it was before the statement).
     */
    static boolean combinable(List<RowChange> changes) {
        if (changes.size() == 1) {
            return !(changes.get(0) instanceof RowChange.Update u) || !u.from().equals(u.to());
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (RowChange change : changes) {
            List<String> ids = change instanceof RowChange.Update u ? List.of(u.from(), u.to())
                    : List.of(change instanceof RowChange.Insert i ? i.revision()
                            : ((RowChange.Delete) change).revision());
            for (String id : ids) {
                if (!seen.add(id)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Applies a step's row changes and writes its log row as one statement, followed by the commit
     * that {@code ending} asks for, all in one round trip (the statement is the dialect's
     * {@link io.samokoder.migrations.dialect.StoreSql#changesAndLog}). When an UPDATE or DELETE
     * matches no row (the version column is the primary key, so it matches one or none), the
     * statement fails on the log row's NOT NULL start time, the commit does not run, and this method
     * throws the same {@link MigrationException} as {@link #apply}; the caller rolls back. Only for
     * changes that {@link #combines}.
     */
    void applyAndLog(Connection connection, List<RowChange> changes, LogStore log, LogStore.Row row, Ending ending)
            throws SQLException {
        try (RunStatements statements = new RunStatements(connection)) {
            applyAndLog(statements, changes, log, row, ending);
        }
    }

    /**
     * {@link #applyAndLog(Connection, List, LogStore, LogStore.Row, Ending)} with the run's
     * prepared statement for changes of this shape (their kinds in order, and the ending):
     * the statement's text depends on nothing else, so it is built and prepared once per run.
     */
    void applyAndLog(RunStatements statements, List<RowChange> changes, LogStore log, LogStore.Row row,
            Ending ending) throws SQLException {
        boolean mustMatch = false;
        StringBuilder shape = new StringBuilder(changes.size() + 32).append("changes-and-log:");
        for (RowChange change : changes) {
            mustMatch |= !(change instanceof RowChange.Insert);
            shape.append(change instanceof RowChange.Insert ? 'I' : change instanceof RowChange.Update ? 'U' : 'D');
        }
        shape.append(ending == Ending.NONE ? "" : ending == Ending.COMMIT ? "+commit" : "+commit-no-wait");
        String key = shape.toString();
        PreparedStatement ps = statements.get(key);
        if (ps == null) {
            ps = statements.prepare(key, this.tables.dialect().store().changesAndLog(this.tables.qualifiedVersion(),
                    this.tables.qualifiedLog(), changes, commitSql(ending)));
        }
        try {
            int index = 1;
            for (RowChange change : changes) {
                index = bind(ps, index, change);
            }
            log.bind(ps, index, row);
            ps.execute();
        } catch (SQLException e) {
            if (mustMatch && "23502".equals(e.getSQLState())) {
                List<RowChange> checked = changes.stream().filter(c -> !(c instanceof RowChange.Insert)).toList();
                check(checked.get(0), 0,
                        checked.size() == 1 ? "" : " (or another row change of this step matched none)");
            }
            throw e;
        }
    }

    /** The statements that end the round trip as {@code ending} asks, or {@code null} for none. */
    private String commitSql(Ending ending) {
        if (ending == Ending.NONE) {
            return null;
        }
        String commit = this.tables.dialect().ddl().offlineCommit();
        String noWait = ending == Ending.COMMIT_WITHOUT_WAIT ? this.tables.dialect().session().commitWithoutWaitSql()
                : null;
        return noWait == null ? commit : noWait + ";\n" + commit;
    }

    private String sql(RowChange change) {
        var store = this.tables.dialect().store();
        String table = this.tables.qualifiedVersion();
        if (change instanceof RowChange.Insert) {
            return store.insertVersion(table);
        } else if (change instanceof RowChange.Update) {
            return store.updateVersion(table);
        }
        return store.deleteVersion(table);
    }

    private static int bind(PreparedStatement ps, int index, RowChange change) throws SQLException {
        if (change instanceof RowChange.Insert insert) {
            ps.setString(index, insert.revision());
            return index + 1;
        } else if (change instanceof RowChange.Update update) {
            ps.setString(index, update.to());
            ps.setString(index + 1, update.from());
            return index + 2;
        }
        ps.setString(index, ((RowChange.Delete) change).revision());
        return index + 1;
    }

    private void check(RowChange change, int n, String more) {
        if (change instanceof RowChange.Update update && n != 1) {
            throw new MigrationException("Online migration expected to match one row when updating '"
                    + update.from() + "' to '" + update.to() + "' in '" + this.tables.versionTableName()
                    + "'; " + n + " found" + more);
        } else if (change instanceof RowChange.Delete delete && n != 1) {
            throw new MigrationException("Online migration expected to match one row when deleting '"
                    + delete.revision() + "' in '" + this.tables.versionTableName() + "'; " + n + " found" + more);
        }
    }

    /**
     * Offline rendering of a row change, with literal values and names quoted only where needed, as Alembic writes
     * it.
     */
    String render(RowChange change) {
        var d = this.tables.dialect().ddl();
        String table = d.offlineQualify(this.tables.schema(), this.tables.versionTable());
        if (change instanceof RowChange.Insert insert) {
            return "INSERT INTO " + table + " (version_num) VALUES (" + d.literal(insert.revision()) + ")";
        } else if (change instanceof RowChange.Update update) {
            return "UPDATE " + table + " SET version_num=" + d.literal(update.to()) + " WHERE " + table
                    + ".version_num = " + d.literal(update.from());
        }
        RowChange.Delete delete = (RowChange.Delete) change;
        return "DELETE FROM " + table + " WHERE " + table + ".version_num = " + d.literal(delete.revision());
    }
}
