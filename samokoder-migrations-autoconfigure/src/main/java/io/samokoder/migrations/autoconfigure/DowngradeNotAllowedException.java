package io.samokoder.migrations.autoconfigure;

import io.samokoder.migrations.MigrationException;
import io.samokoder.migrations.MigrationPlan;
import io.samokoder.migrations.PlannedStep;
import java.util.List;

/**
 * The configured target is below the database's current revision, and downgrades at start-up are
 * not allowed ({@code samokoder.migrations.allow-downgrade=false}).
 */
public class DowngradeNotAllowedException extends MigrationException {

    private static final long serialVersionUID = 1L;

    private final String target;
    private final List<String> current;
    private final List<String> revisions;

    DowngradeNotAllowedException(String target, MigrationPlan downgrade) {
        super("samokoder.migrations.target=" + target + " is below the current revision(s) "
                + downgrade.rowsBefore() + ": reaching it would downgrade " + downgrade.steps().size()
                + " revision(s) " + downgrade.steps().stream().map(PlannedStep::revision).toList()
                + " and may drop data, and downgrades at start-up are off (samokoder.migrations.allow-downgrade=false)");
        this.target = target;
        this.current = List.copyOf(downgrade.rowsBefore());
        this.revisions = downgrade.steps().stream().map(PlannedStep::revision).toList();
    }

    /** The configured target. */
    public String target() {
        return this.target;
    }

    /** The version rows when start-up refused. */
    public List<String> current() {
        return this.current;
    }

    /** The revisions a downgrade would have undone, in order. */
    public List<String> revisions() {
        return this.revisions;
    }
}
