package io.samokoder.migrations.cli.command;

/**
 * One of Alembic's commands over the engine. A command holds its options, runs once against a
 * {@link Workspace} and writes its result to an {@link Output}; a failure is an exception
 * ({@link CommandFailedException} or one of the engine's {@code MigrationException}s), shown by the
 * front-end as {@code FAILED: <message>} with exit status 255.
 */
public interface MigrationCommand {

    /** Runs the command and writes its result. */
    void run(Workspace workspace, Output output);
}
