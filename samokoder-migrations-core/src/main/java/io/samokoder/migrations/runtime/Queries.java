package io.samokoder.migrations.runtime;

import io.samokoder.migrations.Command;
import io.samokoder.migrations.DriftProblem;
import io.samokoder.migrations.LogEntry;
import io.samokoder.migrations.MigrationPlan;
import io.samokoder.migrations.MigrationStatus;
import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.PartialAttempt;
import io.samokoder.migrations.PartialRevisionException;
import io.samokoder.migrations.PlannedStep;
import io.samokoder.migrations.RevisionInfo;
import io.samokoder.migrations.ValidationResult;
import io.samokoder.migrations.graph.RevisionException;
import io.samokoder.migrations.plan.Plan;
import io.samokoder.migrations.plan.Step;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The read-only commands: current, history, show, status, validate and the dry run. None takes the
 * lock or writes; each reads the version rows and (all but current) the log once, without the lock.
 */
final class Queries {

    private final MigrationsConfig config;
    private final Catalog catalog;
    private final Binding binding;
    private final Reports reports;

    Queries(MigrationsConfig config, Catalog catalog, Binding binding) {
        this.config = config;
        this.catalog = catalog;
        this.binding = binding;
        this.reports = new Reports(catalog);
    }

    /** The version rows; the log is not read. */
    List<String> current() {
        DataSource dataSource = Jdbc.require(this.config.dataSource(), "reading the version table");
        return Jdbc.autocommit(dataSource, "reading the version table", c -> {
            Binding.Bound bound = this.binding.on(c);
            return DbState.readRows(c, bound.versions(), bound.tables());
        });
    }

    /**
     * The version rows when the fast start's query shows them at the heads verified for these scripts, with the
     * log unchanged since; {@code null} otherwise, also when the fast start is off or the query fails.
     */
    List<String> verifiedHeads() {
        return FastStart.verifiedRows(this.config, this.binding, this.catalog, "heads");
    }

    List<RevisionInfo> history(String range) {
        return this.reports.history(readStateUnlocked(), range);
    }

    RevisionInfo show(String revision) {
        return this.reports.show(revision, this::readStateUnlocked);
    }

    MigrationStatus status(String target) {
        StateRead read = readStateAndPartial("status", false);
        DbState state = read.state();
        List<String> from = NewerRevisions.planFrom(this.catalog, tables(), state.rows(), state.log(),
                this.config.allowNewerRevisions());
        return this.reports.status(state, from, target, Plans.pending(this.catalog.planner(), from, target),
                read.partial());
    }

    ValidationResult validate(String target) {
        List<String> verified = FastStart.verifiedRows(this.config, this.binding, this.catalog, target);
        if (verified != null) {
            return new ValidationResult(verified, List.of(), List.of());
        }
        StateRead read = readStateAndPartial("validate", false);
        DbState state = read.state();
        List<String> rows = state.rows();
        if (this.config.allowNewerRevisions()) {
            // Rows of a newer build, traced to the loaded ones beneath them, are checked and planned from those;
            // untraced ones are reported as drift, as without the setting.
            List<String> traced = NewerRevisions.traced(this.catalog.graph(), rows, state.log());
            rows = traced == null ? rows : traced;
        }
        List<DriftProblem> drift = Drift.check(this.catalog, rows, state.log(), tables().versionTableName());
        boolean unknown = NewerRevisions.firstUnknown(this.catalog.graph(), rows) != null;
        List<String> pending = unknown ? List.of() : Plans.pending(this.catalog.planner(), rows, target);
        return new ValidationResult(state.rows(), pending, drift, read.partial());
    }

    /**
     * The state, the revisions left part-way (on a database without transactional DDL), and, where asked and the
     * dialect has one, the session's SQL mode, on one connection.
     */
    private record StateRead(DbState state, List<PartialAttempt> partial, String sqlMode) {
    }

    private StateRead readStateAndPartial(String what, boolean sqlMode) {
        Jdbc.require(this.config.dataSource(), what);
        return Jdbc.autocommit(this.config.dataSource(), "reading the version table", c -> {
            Binding.Bound bound = this.binding.on(c);
            DbState found = DbState.read(c, bound.versions(), bound.log(), bound.tables());
            String modeQuery = sqlMode ? bound.dialect().session().sqlModeQuery() : null;
            return new StateRead(found, bound.dialect().transactionalDdl() || !found.mayHoldLog() ? List.of()
                    : new PartialAttempts(bound.tables(), false).listUnlocked(c),
                    modeQuery == null ? null : Jdbc.queryString(c, modeQuery));
        });
    }

    MigrationPlan plan(Command command, String target) {
        return plan(new RunRequest(command, target, null, false, false, false, false, false));
    }

    /** The dry run of a request: of its command and target, leaving what an upgrade to the heads leaves. */
    MigrationPlan plan(RunRequest request) {
        Command command = request.command();
        String target = request.target();
        StateRead read = readStateAndPartial("a dry run", true);
        DbState state = read.state();
        if (command != Command.STAMP && target != null && target.contains(":")) {
            throw new RevisionException("Range revision not allowed");
        }
        // As the run plans: under rows of a newer build (allow-newer-revisions), from the loaded ones beneath them.
        List<String> from = NewerRevisions.planFrom(this.catalog, tables(), state.rows(), state.log(),
                this.config.allowNewerRevisions());
        Plan plan = request.leaves()
                ? LeftRevisions.plan(this.catalog.get(), request, from)
                : Plans.plan(this.catalog.planner(), command, from, target, null, false);
        boolean newer = from != state.rows();
        if (newer) {
            // The run would refuse to run anything beneath them, or leave them alone with nothing to do.
            NewerRevisions.refuseSteps(tables(), state.rows(), from, plan);
        }
        if (command == Command.DOWNGRADE) {
            PlanChecks.reversible(this.catalog, plan);
        }
        // Split as the run would: in the session's SQL mode.
        PlanChecks.statements(this.catalog, plan, tables().dialect().forSqlMode(read.sqlMode()),
                this.config.placeholders().forChecksums());
        if (!this.config.retryPartial()) {
            // The run would refuse before anything runs: so does its dry run.
            List<PartialAttempt> repeated = PartialAttempts.repeated(read.partial(), plan);
            if (!repeated.isEmpty()) {
                throw new PartialRevisionException(repeated.get(0));
            }
        }
        List<PlannedStep> steps = new ArrayList<>(plan.steps().size());
        for (Step step : plan.steps()) {
            steps.add(Plans.plannedStep(step, step.revision() == null ? null : this.catalog.script(step.revision())));
        }
        List<String> repeatables = command == Command.UPGRADE && !newer
                && LeftRevisions.repeatablesWanted(this.catalog.get(), request, plan.rowsAfter())
                        ? pendingRepeatables() : List.of();
        if (newer) {
            // The database stays at the newer rows, as the run leaves it.
            return new MigrationPlan(command, target, state.rows(), steps, state.rows(),
                    List.of(NewerRevisions.warning(tables(), state.rows(), from)), repeatables);
        }
        return new MigrationPlan(command, target, plan.rowsBefore(), steps, plan.rowsAfter(), plan.warnings(),
                repeatables);
    }

    /** The file names of the repeatable scripts due now; see {@link Repeatables#pending}. */
    List<String> pendingRepeatables() {
        if (this.catalog.repeatables().isEmpty()) {
            return List.of();
        }
        Jdbc.require(this.config.dataSource(), "listing the repeatable scripts due");
        return Jdbc.autocommit(this.config.dataSource(), "reading the log table", c -> Repeatables.dueNames(c,
                this.binding.on(c).tables(), this.catalog.repeatables(),
                this.config.placeholders().forChecksums()));
    }

    private DbState readStateUnlocked() {
        if (this.config.dataSource() == null) {
            return new DbState(List.of(), Map.of());
        }
        // Under the lock, MigrationLock checked the product on the same connection; here it is checked first.
        return Jdbc.autocommit(this.config.dataSource(), "reading the version table", c -> {
            Binding.Bound bound = this.binding.on(c);
            return DbState.read(c, bound.versions(), bound.log(), bound.tables());
        });
    }

    /** The tables, after a read of the database state bound the dialect (or as offline scripts name them). */
    private Tables tables() {
        return this.binding.offline().tables();
    }

    /**
     * The log table's latest rows, newest first; none when it does not exist (looked up first where the dialect
     * looks tables up, so that no error is logged; else told by the failed query). Only those rows are read.
     */
    List<LogEntry> log(int limit, int offset) {
        DataSource dataSource = Jdbc.require(this.config.dataSource(), "reading the log");
        return Jdbc.autocommit(dataSource, "reading the log table", c -> {
            Binding.Bound bound = this.binding.on(c);
            Tables tables = bound.tables();
            boolean[] found = DbState.lookUp(c, tables, List.of(tables.logTable()));
            if (found != null && !found[0]) {
                return List.<LogEntry>of();
            }
            try {
                return bound.log().readRecent(c, limit, offset);
            } catch (SQLException e) {
                if (found == null && tables.dialect().isUndefinedTable(e)) {
                    return List.<LogEntry>of();
                }
                throw e;
            }
        });
    }
}
