package io.samokoder.migrations.autoconfigure;

import io.samokoder.migrations.MigrationResult;
import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.Target;
import io.samokoder.migrations.ValidationResult;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/** The start-up strategies behind {@code samokoder.migrations.mode}. */
final class ModeStrategies {

    private static final Log logger = LogFactory.getLog(ModeStrategies.class);

    private ModeStrategies() {
    }

    static MigrationsStrategy forMode(MigrationsProperties.Mode mode, String target, boolean allowDowngrade,
            MigrationsProperties.Deferred deferred) {
        boolean leaveDeferred = "heads".equals(target) && deferred != MigrationsProperties.Deferred.AT_START;
        return switch (mode) {
            case UPGRADE -> leaveDeferred ? Migrations::upgradeUndeferred
                    : (migrations) -> upgrade(migrations, target, allowDowngrade);
            case VALIDATE -> (migrations) -> {
                validate(migrations, target);
                return null;
            };
            case NONE -> (migrations) -> null;
        };
    }

    /**
     * Moves to the target in one engine call, decided under the lock: upgrades; a target below the
     * current revision downgrades only when allowed, and otherwise fails before anything runs.
     */
    static MigrationResult upgrade(Migrations migrations, String target, boolean allowDowngrade) {
        try {
            return migrations.moveTo(Target.parse(target), allowDowngrade);
        }
        catch (io.samokoder.migrations.DowngradeNotAllowedException ex) {
            throw new DowngradeNotAllowedException(ex);
        }
    }

    /**
     * The version rows that no loaded script declares; with {@code allow-newer-revisions}, a newer build's that the
     * engine traced and allowed (otherwise the engine reports them as drift or fails on them).
     */
    static List<String> unknownRows(Migrations migrations, List<String> rows) {
        return rows.stream().filter((row) -> !migrations.graph().contains(row)).toList();
    }

    static void validate(Migrations migrations, String target) {
        ValidationResult result = migrations.validate(target);
        List<String> newer = unknownRows(migrations, result.current()).stream()
            .filter((row) -> result.drift().stream().noneMatch((problem) -> row.equals(problem.revision())))
            .toList();
        if (!newer.isEmpty()) {
            // Allowed (allow-newer-revisions) and traced in the log; otherwise they are drift, logged below.
            logger.warn("Validate mode: the version table holds " + newer + ", which no loaded script declares: a"
                    + " newer build migrated the database (samokoder.migrations.allow-newer-revisions); validated as"
                    + " at this build's revisions beneath them");
        }
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
        result.partial().forEach((attempt) -> logger.warn("Validate mode: " + attempt.explanation()));
    }
}
