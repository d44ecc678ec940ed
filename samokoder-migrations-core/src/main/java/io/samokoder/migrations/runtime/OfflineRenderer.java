package io.samokoder.migrations.runtime;

import io.samokoder.migrations.Command;
import io.samokoder.migrations.IrreversibleRevisionException;
import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.OfflineScript;
import io.samokoder.migrations.PlannedStep;
import io.samokoder.migrations.TransactionMode;
import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.graph.RevisionException;
import io.samokoder.migrations.plan.Plan;
import io.samokoder.migrations.plan.Planner;
import io.samokoder.migrations.plan.RowChange;
import io.samokoder.migrations.plan.Step;
import io.samokoder.migrations.script.Placeholders;
import io.samokoder.migrations.script.RevisionScript;
import io.samokoder.migrations.script.SqlStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Renders a plan as a SQL script without any connection, following Alembic's offline mode: the start
 * of a {@code start:end} range gives the starting rows; before a step taken while no row is tracked,
 * the version table is created; each step is introduced by {@code -- Running upgrade a -> b} and
 * followed by its version-table statements with literal values. Transactional revisions are wrapped
 * in {@code BEGIN;}/{@code COMMIT;} (one pair per revision, or one around everything in
 * {@link TransactionMode#SINGLE}); non-transactional ones run outside any transaction, as does
 * everything on a database without transactional DDL (MariaDB, MySQL: no {@code BEGIN}/{@code COMMIT},
 * as Alembic writes for MySQL). Names are quoted only where the database needs it, as SQLAlchemy
 * writes them. The text is Alembic's, except that
 * a script with its own {@code Lock Timeout}/{@code Statement Timeout} header gets them set first.
 * The log table is not written offline. An upgrade that ends at the heads ends with every repeatable script
 * ({@link Repeatables}).
 */
final class OfflineRenderer {

    private final MigrationsConfig config;
    private final Dialect dialect;
    private final Placeholders placeholders;
    private final Tables tables;
    private final Catalog catalog;
    private final VersionStore versions;

    OfflineRenderer(MigrationsConfig config, Tables tables, Catalog catalog) {
        this.config = config;
        this.dialect = tables.dialect();
        // No connection: the built-in placeholders of the connection have no value unless given one.
        this.placeholders = config.placeholders().withBuiltIns(new BuiltInValues(null, this.dialect,
                config.schema(), config.versionTable()));
        this.tables = tables;
        this.catalog = catalog;
        this.versions = new VersionStore(tables);
    }

    OfflineScript render(Command command, String range) {
        String spec = range == null ? "" : range.trim();
        Planner planner = this.catalog.planner();
        Plan plan;
        switch (command) {
            case UPGRADE -> {
                int colon = spec.indexOf(':');
                List<String> rows = colon < 0 ? List.of() : start(planner, spec.substring(0, colon));
                plan = planner.upgrade(rows, colon < 0 ? spec : spec.substring(colon + 1));
            }
            case DOWNGRADE -> {
                int colon = spec.indexOf(':');
                if (colon < 0) {
                    throw new RevisionException("downgrade with --sql requires <fromrev>:<torev>");
                }
                plan = planner.downgrade(start(planner, spec.substring(0, colon)), spec.substring(colon + 1));
                for (Step step : plan.steps()) {
                    RevisionScript script = this.catalog.script(step.revision());
                    if (step.kind() == Step.Kind.DOWNGRADE && script != null && !script.reversible()) {
                        throw new IrreversibleRevisionException(step.revision(), script.description());
                    }
                }
            }
            case STAMP -> {
                Set<String> starts = new LinkedHashSet<>();
                List<String> destinations = new ArrayList<>();
                for (String part : Plans.splitTargets(spec)) {
                    int colon = part.indexOf(':');
                    starts.add(colon < 0 ? "" : part.substring(0, colon));
                    destinations.add(colon < 0 ? part : part.substring(colon + 1));
                }
                if (starts.size() > 1) {
                    throw new RevisionException(
                            "Stamp operation with --sql only supports a single starting revision at a time");
                }
                List<String> rows = starts.isEmpty() ? List.of() : start(planner, starts.iterator().next());
                plan = planner.stamp(rows, destinations, false);
            }
            default -> throw new IllegalArgumentException(String.valueOf(command));
        }
        List<PlannedStep> steps = new ArrayList<>(plan.steps().size());
        for (Step step : plan.steps()) {
            steps.add(Plans.plannedStep(step, step.kind() == Step.Kind.STAMP || step.revision() == null ? null
                    : this.catalog.script(step.revision())));
        }
        boolean atHeads = command == Command.UPGRADE
                && FastStart.key(plan.rowsAfter()).equals(FastStart.key(this.catalog.graph().heads()));
        // Split before anything is written, so that one that cannot become statements fails the whole script.
        List<Repeatables.Prepared> repeatables = atHeads
                ? Repeatables.prepare(this.catalog.repeatables(), this.dialect, this.placeholders) : List.of();
        return new OfflineScript(command, range, render(plan) + renderRepeatables(repeatables), plan.rowsBefore(),
                steps, plan.rowsAfter());
    }

    /**
     * The rows a range starts from: the one revision its start names, as Alembic resolves it (spec §7),
     * so that a start naming several revisions ({@code heads} of a branched graph) fails as there.
     */
    private static List<String> start(Planner planner, String start) {
        String s = start.trim();
        if (s.isEmpty() || s.equals("base")) {
            return List.of();
        }
        return planner.resolveOne(s).map(revision -> List.of(revision.id())).orElse(List.of());
    }

    private String render(Plan plan) {
        StringBuilder out = new StringBuilder();
        boolean transactionalDdl = this.dialect.transactionalDdl();
        boolean single = this.config.transactionMode() == TransactionMode.SINGLE && transactionalDdl;
        boolean inTransaction = false;
        if (single) {
            statement(out, this.dialect.ddl().offlineBegin());
            inTransaction = true;
        }
        for (Step step : plan.steps()) {
            RevisionScript script = step.kind() == Step.Kind.STAMP || step.revision() == null ? null
                    : this.catalog.script(step.revision());
            boolean transactional = transactionalDdl && (script == null || script.transactional(this.dialect));
            if (!transactional && inTransaction) {
                statement(out, this.dialect.ddl().offlineCommit());
                inTransaction = false;
            } else if (transactional && !inTransaction) {
                statement(out, this.dialect.ddl().offlineBegin());
                inTransaction = true;
            }
            if (step.rowsBefore().isEmpty()) {
                statement(out, this.dialect.ddl().offlineCreateVersionTable(this.tables.schema(),
                        this.tables.versionTable()));
            }
            out.append("-- ").append(step.describe()).append("\n\n");
            if (script != null) {
                // Only a script's own timeout headers are written: the rest is Alembic's text.
                boolean timeouts = script.lockTimeout().isPresent() || script.statementTimeout().isPresent();
                if (timeouts) {
                    Duration lockTimeout = script.lockTimeout().orElse(this.config.lockTimeout());
                    Duration statementTimeout = script.statementTimeout().orElse(this.config.statementTimeout());
                    for (String set : this.dialect.ddl().offlineTimeouts(lockTimeout, statementTimeout,
                            transactional)) {
                        statement(out, set);
                    }
                }
                List<SqlStatement> statements = script.offlineStatements(step.kind() != Step.Kind.DOWNGRADE,
                        this.dialect);
                if (script.placeholders()) {
                    statements = this.placeholders.apply(statements, script.description());
                }
                for (SqlStatement statement : statements) {
                    if (inTransaction) {
                        script.refuseTransactionControl(statement);
                    }
                    statement(out, statement.sql());
                }
                if (timeouts && !transactional) {
                    for (String reset : this.dialect.ddl().offlineResetTimeouts()) {
                        statement(out, reset);
                    }
                }
            }
            for (RowChange change : step.rowChanges()) {
                statement(out, this.versions.render(change));
            }
            if (inTransaction && !single) {
                statement(out, this.dialect.ddl().offlineCommit());
                inTransaction = false;
            }
        }
        if (inTransaction) {
            statement(out, this.dialect.ddl().offlineCommit());
        }
        return out.toString();
    }

    /**
     * Every repeatable script, after the steps (which of them a database has applied is not known offline), each
     * in a transaction of its own where DDL is transactional, introduced by {@code -- Running repeatable <file>}.
     */
    private String renderRepeatables(List<Repeatables.Prepared> repeatables) {
        StringBuilder out = new StringBuilder();
        boolean transactional = this.dialect.transactionalDdl();
        for (Repeatables.Prepared repeatable : repeatables) {
            if (transactional) {
                statement(out, this.dialect.ddl().offlineBegin());
            }
            out.append("-- Running repeatable ").append(repeatable.script().name()).append("\n\n");
            for (SqlStatement statement : repeatable.statements()) {
                statement(out, statement.sql());
            }
            if (transactional) {
                statement(out, this.dialect.ddl().offlineCommit());
            }
        }
        return out.toString();
    }

    /** Appends a statement with its terminator (nothing for an empty one); a last line ending in a comment gets the terminator below it. */
    private static void statement(StringBuilder out, String sql) {
        String text = sql.strip();
        if (text.isEmpty()) {
            return;
        }
        out.append(SqlStatement.terminated(text, false)).append('\n');
    }
}
