package io.samokoder.migrations.cli.command;

import io.samokoder.migrations.ChecksumPolicy;
import io.samokoder.migrations.Migrations;

/**
 * {@code ensure_version}: creates the version table (and the log table next to it) when missing.
 * It takes the migration lock and changes no row; version rows that no script declares fail with
 * Alembic's "Can't locate revision identified by" (see {@code stamp --purge}).
 */
public record EnsureVersionCommand() implements MigrationCommand {

    @Override
    public void run(Workspace workspace, Output output) {
        Migrations engine = workspace.database("ensure_version");
        // An upgrade to base runs no step; the run creates the tables under the lock. Checksums are not
        // this command's business, so they are not compared.
        new Migrations(engine.config().toBuilder().checksumPolicy(ChecksumPolicy.OFF).fastStart(false).build())
                .upgrade("base");
    }
}
