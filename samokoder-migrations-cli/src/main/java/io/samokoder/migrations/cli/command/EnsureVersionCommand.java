package io.samokoder.migrations.cli.command;

import io.samokoder.migrations.ChecksumPolicy;
import io.samokoder.migrations.Migrations;
import java.util.List;

/**
 * {@code ensure_version}: creates the version table (and the log table next to it) when missing.
 * It takes the migration lock and changes no row; version rows that no script declares fail with
 * Alembic's "Can't locate revision identified by" (see {@code stamp --purge}).
 */
public record EnsureVersionCommand() implements MigrationCommand {

    @Override
    public void run(Workspace workspace, Output output) {
        ensure(workspace.database("ensure_version"));
    }

    /** Creates the version and log tables when missing, under the lock. */
    static void ensure(Migrations engine) {
        // An upgrade to base runs no step; the run creates the tables under the lock. Checksums are not
        // this command's business, so they are not compared.
        new Migrations(engine.config().toBuilder().checksumPolicy(ChecksumPolicy.OFF).fastStart(false).build())
                .upgrade("base");
    }

    /**
     * The version rows; when there are none, the version table is created if missing, as Alembic's commands
     * that read the database online do (spec §5: all but {@code current}).
     */
    static List<String> rowsCreatingTheTable(Workspace workspace, String command) {
        Migrations engine = workspace.database(command);
        List<String> rows = engine.current();
        if (rows.isEmpty()) {
            ensure(engine);
        }
        return rows;
    }
}
