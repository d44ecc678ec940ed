package io.samokoder.migrations.runtime;

import io.samokoder.migrations.IrreversibleRevisionException;
import io.samokoder.migrations.MigrationException;
import io.samokoder.migrations.UnknownAppliedRevisionException;
import io.samokoder.migrations.graph.RevisionGraph;
import io.samokoder.migrations.plan.Plan;
import io.samokoder.migrations.plan.Step;
import io.samokoder.migrations.script.RevisionScript;
import java.util.List;

/** Checks made before a plan runs: every row is known, downgrades are reversible, SINGLE mode is possible. */
final class PlanChecks {

    private PlanChecks() {
    }

    /** Every version row names a known revision; otherwise Alembic's "Can't locate revision ...". */
    static void knownRows(Catalog catalog, Tables tables, List<String> rows) {
        RevisionGraph graph = catalog.graph();
        for (String row : rows) {
            if (!graph.contains(row)) {
                throw new UnknownAppliedRevisionException(row, tables.versionTableName());
            }
        }
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

    /** Every script of the plan may run inside the one transaction of {@code TransactionMode.SINGLE}. */
    static void transactional(Catalog catalog, Plan plan) {
        for (Step step : plan.steps()) {
            RevisionScript script = step.kind() == Step.Kind.STAMP || step.revision() == null ? null
                    : catalog.script(step.revision());
            if (script != null && !script.transactional()) {
                throw new MigrationException("Revision " + step.revision() + " (" + script.description()
                        + ") is 'Transactional: false', so it cannot run inside the single transaction of"
                        + " TransactionMode.SINGLE; nothing was run. Use TransactionMode.PER_REVISION for this run.");
            }
        }
    }
}
