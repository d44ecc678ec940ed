package io.samokoder.migrations.runtime;

import io.samokoder.migrations.Command;
import io.samokoder.migrations.MigrationPlan;
import io.samokoder.migrations.MigrationResult;
import io.samokoder.migrations.MigrationStatus;
import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.RevisionInfo;
import io.samokoder.migrations.ValidationResult;
import io.samokoder.migrations.graph.RevisionGraph;
import io.samokoder.migrations.script.RevisionScript;
import java.util.List;

/**
 * The bridge from the public facade {@link io.samokoder.migrations.Migrations} to the runtime. Not
 * an API: its methods may change without notice; call {@code Migrations} instead.
 */
public final class Engine {

    private final MigrationsConfig config;
    private final Catalog catalog;

    /** Creates the engine; loads nothing. */
    public Engine(MigrationsConfig config) {
        this.config = config;
        this.catalog = new Catalog(config);
    }

    /** The configuration. */
    public MigrationsConfig config() {
        return this.config;
    }

    /** Runs upgrade, downgrade or stamp. */
    public MigrationResult run(Command command, String target, List<String> stampTargets, boolean purge) {
        throw new IllegalStateException("The planner is being merged; runs are not available in this build");
    }

    /** The version rows; the table is not created. */
    public List<String> current() {
        VersionStore store = new VersionStore(Tables.of(this.config));
        return Jdbc.autocommit(Jdbc.require(this.config.dataSource(), "reading the version table"),
                "reading the version table", c -> {
                    try {
                        return store.readRows(c);
                    } catch (java.sql.SQLException e) {
                        if (this.config.dialect().isUndefinedTable(e)) {
                            return List.<String>of();
                        }
                        throw e;
                    }
                });
    }

    /** History of a range. */
    public List<RevisionInfo> history(String range) {
        throw new IllegalStateException("The planner is being merged; history is not available in this build");
    }

    /** One revision. */
    public RevisionInfo show(String revision) {
        throw new IllegalStateException("The planner is being merged; show is not available in this build");
    }

    /** Status against a target. */
    public MigrationStatus status(String target) {
        throw new IllegalStateException("The planner is being merged; status is not available in this build");
    }

    /** Validation against a target. */
    public ValidationResult validate(String target) {
        throw new IllegalStateException("The planner is being merged; validate is not available in this build");
    }

    /** Dry run. */
    public MigrationPlan plan(Command command, String target) {
        throw new IllegalStateException("The planner is being merged; plan is not available in this build");
    }

    /** Offline SQL. */
    public String sql(Command command, String range) {
        throw new IllegalStateException("The planner is being merged; sql is not available in this build");
    }

    /** The revision map. */
    public RevisionGraph graph() {
        return this.catalog.graph();
    }

    /** The scripts in load order. */
    public List<RevisionScript> scripts() {
        return this.catalog.scripts();
    }
}
