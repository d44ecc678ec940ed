package io.samokoder.migrations.runtime;

import io.samokoder.migrations.ChecksumMismatchException;
import io.samokoder.migrations.ChecksumPolicy;
import io.samokoder.migrations.DriftProblem;
import io.samokoder.migrations.IrreversibleRevisionException;
import io.samokoder.migrations.MigrationConfigurationException;
import io.samokoder.migrations.MigrationException;
import io.samokoder.migrations.UnknownAppliedRevisionException;
import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.graph.RevisionGraph;
import io.samokoder.migrations.plan.Plan;
import io.samokoder.migrations.plan.Step;
import io.samokoder.migrations.script.Placeholders;
import io.samokoder.migrations.script.RevisionScript;
import io.samokoder.migrations.script.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Checks made before a plan runs: every row is known, applied scripts did not drift, downgrades are
 * reversible, SINGLE mode is possible, and the scripts to run have statements for the database.
 */
final class PlanChecks {

    private PlanChecks() {
    }

    /** Every version row names a known revision; otherwise Alembic's "Can't locate revision ...". */
    static void knownRows(Catalog catalog, Tables tables, List<String> rows) {
        RevisionGraph graph = catalog.graph();
        for (String row : rows) {
            if (!graph.contains(row)) {
                throw new UnknownAppliedRevisionException(row, tables.versionTableName(), squashedInto(catalog, row));
            }
        }
    }

    /** The squash that replaced a revision, as {@code id (source)}, or {@code null}; asked only for unknown rows. */
    static String squashedInto(Catalog catalog, String id) {
        for (RevisionScript script : catalog.scripts()) {
            if (script.squash().isPresent() && script.squash().get().revisions().contains(id)) {
                return script.id() + " (" + script.description() + ")";
            }
        }
        return null;
    }

    /** No downgrade step of the plan passes a script without a downgrade part. */
    static void reversible(Catalog catalog, Plan plan) {
        for (Step step : plan.steps()) {
            if (step.kind() == Step.Kind.DOWNGRADE) {
                RevisionScript script = catalog.script(step.revision());
                if (script != null && !script.reversible()) {
                    throw new IrreversibleRevisionException(step.revision(), script.description());
                }
            }
        }
    }

    /**
     * Refuses a single-transaction run on a database whose DDL commits by itself; checked before the
     * version and log tables are created.
     */
    static void singleTransaction(Dialect dialect) {
        if (!dialect.transactionalDdl()) {
            throw new MigrationConfigurationException("transaction-mode single (TransactionMode.SINGLE) needs"
                    + " transactional DDL, which " + dialect.name() + " does not have (each DDL statement commits by"
                    + " itself); nothing was run or created. Use per-revision (the default):"
                    + " samokoder.migrations.transaction-mode=per-revision, or TransactionMode.PER_REVISION.");
        }
    }

    /** Every script of the plan may run inside the one transaction of {@code TransactionMode.SINGLE}. */
    static void transactional(Catalog catalog, Plan plan, Dialect dialect) {
        for (Step step : plan.steps()) {
            RevisionScript script = step.kind() == Step.Kind.STAMP || step.revision() == null ? null
                    : catalog.script(step.revision());
            if (script != null && !script.transactional(dialect)) {
                throw new MigrationException("Revision " + step.revision() + " (" + script.description()
                        + ") is 'Transactional: false', so it cannot run inside the single transaction of"
                        + " transaction-mode single (TransactionMode.SINGLE); nothing was run. Use per-revision for"
                        + " this run (samokoder.migrations.transaction-mode=per-revision, or"
                        + " TransactionMode.PER_REVISION).");
            }
        }
    }

    /**
     * Every script a step of the plan runs has statements for the database: an SQL script's part splits
     * (strings, comments and dollar quotes are closed), a Java revision's operations render for the
     * dialect (a revision that reads the database has none before it runs), and a revision that runs in
     * the engine's transaction does not begin, commit or roll back one itself. So a script that would fail
     * before reaching the server fails the run before its first step, rather than at its own step after
     * the steps before it committed. Nothing is kept: the run splits and renders each script again at its
     * step, so that it does not hold every script's statements at once.
     *
     * @throws io.samokoder.migrations.MigrationException for a script that does not split, that ends the
     *     engine's transaction, or whose operations the database cannot hold
     */
    static void statements(Catalog catalog, Plan plan, Dialect dialect, Placeholders placeholders) {
        for (Step step : plan.steps()) {
            if (step.kind() != Step.Kind.UPGRADE && step.kind() != Step.Kind.DOWNGRADE || step.revision() == null) {
                continue;
            }
            RevisionScript script = catalog.script(step.revision());
            if (script == null || CodeRunner.live(script)) {
                continue;
            }
            boolean inTransaction = dialect.transactionalDdl() && script.transactional(dialect);
            if (script.code().isEmpty()) {
                script.checkStatements(step.kind() == Step.Kind.UPGRADE, inTransaction, dialect);
                if (placeholders.enabled() && script.placeholders() && script.text().contains("${")) {
                    // Every placeholder has a value before anything runs.
                    StatementSender.statements(step, script, dialect, placeholders);
                }
                continue;
            }
            for (SqlStatement statement : StatementSender.statements(step, script, dialect, Placeholders.OFF)) {
                if (inTransaction) {
                    script.refuseTransactionControl(statement);
                }
            }
        }
    }

    /**
     * Checks the applied scripts against the log under the checksum policy: whether nothing had
     * changed (a new downgrade part alone is logged at INFO and is no change); under {@code WARN} a
     * change is logged, under {@code FAIL} it throws
     * {@link ChecksumMismatchException} naming the first changed revision and the others.
     */
    static boolean drift(Catalog catalog, Tables tables, ChecksumPolicy policy, List<String> rows,
            Map<String, LogStore.Entry> entries) {
        List<String> downgradeChanges = new ArrayList<>();
        List<String> reformatted = new ArrayList<>();
        List<DriftProblem> problems = Drift.check(catalog, rows, entries, tables.versionTableName(),
                downgradeChanges, reformatted);
        for (String id : reformatted) {
            LoggerFactory.getLogger("io.samokoder.migrations.Migrations").info("Revision {} ({}) was edited since it"
                    + " was applied only in comments, blank lines, line endings or indentation; what runs is"
                    + " unchanged, so it stays applied", id, catalog.script(id).description());
        }
        for (String id : downgradeChanges) {
            RevisionScript script = catalog.script(id);
            LoggerFactory.getLogger("io.samokoder.migrations.Migrations").info("Revision {} ({}) has a new downgrade"
                    + " part since it was applied; what ran is unchanged, so it stays applied, {}", id,
                    script.description(), script.reversible() ? "and a downgrade runs the new part"
                            : "and it is now irreversible: a downgrade past it is refused");
        }
        if (problems.isEmpty()) {
            return true;
        }
        if (policy == ChecksumPolicy.WARN) {
            for (DriftProblem problem : problems) {
                LoggerFactory.getLogger("io.samokoder.migrations.Migrations")
                        .warn("{} (checksum policy WARN: continuing)", problem.message());
            }
            return false;
        }
        DriftProblem first = problems.get(0);
        StringBuilder message = new StringBuilder(first.message());
        if (problems.size() > 1) {
            message.append(" Also changed:");
            for (DriftProblem other : problems.subList(1, problems.size())) {
                message.append(' ').append(other.revision()).append(" (").append(other.file()).append(')');
            }
            message.append('.');
        }
        throw new ChecksumMismatchException(first.revision(), first.file(), message.toString());
    }
}
