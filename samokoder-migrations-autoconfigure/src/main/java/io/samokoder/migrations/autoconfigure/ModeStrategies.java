package io.samokoder.migrations.autoconfigure;

import io.samokoder.migrations.Command;
import io.samokoder.migrations.MigrationException;
import io.samokoder.migrations.MigrationPlan;
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
    static io.samokoder.migrations.MigrationResult upgrade(Migrations migrations, String target,
            boolean allowDowngrade) {
        try {
            migrations.plan(Command.UPGRADE, target);
        }
        catch (MigrationException upgradeError) {
            MigrationPlan downgrade;
            try {
                downgrade = migrations.plan(Command.DOWNGRADE, target);
            }
            catch (MigrationException notADowngradeEither) {
                throw upgradeError;
            }
            if (downgrade.steps().isEmpty()) {
                throw upgradeError;
            }
            if (!allowDowngrade) {
                throw new DowngradeNotAllowedException(target, downgrade);
            }
            logger.warn("Downgrading to " + target + " as samokoder.migrations.allow-downgrade=true: "
                    + downgrade.steps().size() + " revision(s) will be undone");
            return migrations.downgrade(target);
        }
        return migrations.upgrade(target);
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
