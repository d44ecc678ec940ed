package io.samokoder.migrations.autoconfigure;

import io.samokoder.migrations.Command;
import io.samokoder.migrations.MigrationException;
import io.samokoder.migrations.MigrationPlan;
import io.samokoder.migrations.MigrationResult;
import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.ValidationResult;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/** The start-up strategies behind {@code samokoder.migrations.mode}. */
final class ModeStrategies {

    private static final Log logger = LogFactory.getLog(ModeStrategies.class);

    private ModeStrategies() {
    }

    static MigrationsStrategy forMode(MigrationsProperties.Mode mode, String target, boolean allowDowngrade) {
        return switch (mode) {
            case UPGRADE -> (migrations) -> upgrade(migrations, target, allowDowngrade);
            case VALIDATE -> (migrations) -> {
                validate(migrations, target);
                return null;
            };
            case NONE -> (migrations) -> null;
        };
    }

    /**
     * Upgrades to the target; a target below the current revision downgrades only when allowed, and
     * otherwise fails before anything runs.
     */
    static MigrationResult upgrade(Migrations migrations, String target, boolean allowDowngrade) {
        if ("heads".equals(target)) {
            // Nothing lies above every head, so there is no downgrade to detect: one run, no plans.
            return migrations.upgrade(target);
        }
        MigrationException upgradeError = null;
        try {
            if (!migrations.plan(Command.UPGRADE, target).steps().isEmpty()) {
                return migrations.upgrade(target);
            }
        }
        catch (MigrationException ex) {
            upgradeError = ex;
        }
        // Nothing to upgrade, or no upgrade path: is the target below the current revision?
        MigrationPlan downgrade = downgradePlan(migrations, target);
        if (downgrade == null || downgrade.steps().isEmpty()) {
            if (upgradeError != null) {
                throw upgradeError;
            }
            return migrations.upgrade(target);
        }
        if (!allowDowngrade) {
            throw new DowngradeNotAllowedException(target, downgrade);
        }
        logger.warn("Downgrading to " + target + " as samokoder.migrations.allow-downgrade=true: "
                + downgrade.steps().size() + " revision(s) will be undone");
        return migrations.downgrade(target);
    }

    private static MigrationPlan downgradePlan(Migrations migrations, String target) {
        try {
            return migrations.plan(Command.DOWNGRADE, target);
        }
        catch (MigrationException ex) {
            return null;
        }
    }

    static void validate(Migrations migrations, String target) {
        ValidationResult result = migrations.validate(target);
        if (result.upToDate()) {
            logger.info("Database is at " + target + " " + result.current() + "; nothing pending, no drift");
            return;
        }
        if (!result.pending().isEmpty()) {
            logger.warn("Validate mode: " + result.pending().size() + " revision(s) pending for target " + target
                    + ": " + result.pending() + " (nothing was applied)");
        }
        result.drift().forEach((problem) -> logger.warn("Validate mode: revision " + problem.revision() + " ("
                + problem.file() + ") drifted: " + problem.message()));
    }
}
