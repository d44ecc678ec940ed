package io.samokoder.migrations.runtime;

import io.samokoder.migrations.Command;
import io.samokoder.migrations.DowngradeNotAllowedException;
import io.samokoder.migrations.graph.RevisionException;
import io.samokoder.migrations.plan.Plan;
import io.samokoder.migrations.plan.Planner;
import io.samokoder.migrations.plan.Step;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The direction and plan of a move to a target ({@code Migrations.moveTo}), decided from the rows read
 * under the lock.
 *
 * @param command upgrade or downgrade
 * @param plan the plan to run (may be empty)
 */
record Move(Command command, Plan plan) {

    /**
     * The upgrade plan when it has steps; otherwise the downgrade plan when the target lies below the
     * rows (refused unless allowed); otherwise the empty upgrade plan. An upgrade that cannot be
     * planned fails with its own error unless a downgrade reaches the target.
     */
    static Move decide(Planner planner, List<String> rows, String target, boolean allowDowngrade) {
        Plan upgrade = null;
        RevisionException upgradeError = null;
        try {
            upgrade = planner.upgrade(rows, target);
            if (!upgrade.isEmpty()) {
                return new Move(Command.UPGRADE, upgrade);
            }
        } catch (RevisionException e) {
            upgradeError = e;
        }
        Plan downgrade = null;
        if (!rows.isEmpty() && Plans.splitTargets(target).size() == 1) {
            try {
                downgrade = planner.downgrade(rows, target);
            } catch (RevisionException e) {
                // Not a downgrade target either: the upgrade's answer stands.
            }
        }
        if (downgrade == null || downgrade.isEmpty()) {
            if (upgradeError != null) {
                throw upgradeError;
            }
            return new Move(Command.UPGRADE, upgrade);
        }
        List<String> undone = new ArrayList<>(downgrade.steps().size());
        for (Step step : downgrade.steps()) {
            undone.add(step.revision());
        }
        if (!allowDowngrade) {
            throw new DowngradeNotAllowedException(target, rows, undone);
        }
        LoggerFactory.getLogger("io.samokoder.migrations.Migrations").warn(
                "Target {} is below the current revision(s) {}: downgrading {} revision(s) {}", target, rows,
                undone.size(), undone);
        return new Move(Command.DOWNGRADE, downgrade);
    }
}
