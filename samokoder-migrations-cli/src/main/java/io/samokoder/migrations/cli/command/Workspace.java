package io.samokoder.migrations.cli.command;

import io.samokoder.migrations.MigrationListener;
import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.schema.ModelSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What commands run against: the engine (created on first use, so that commands that need no
 * database never open a connection), a description of the database for messages (never with a
 * password), the script directories that {@code revision}, {@code merge} and {@code init} write to,
 * the file-name template of new scripts, and the application's model that autogenerate compares, if any.
 */
public final class Workspace {

    private final Supplier<Migrations> engineFactory;
    private final String database;
    private final List<Path> versionLocations;
    private final String fileTemplate;
    private final Boolean runFastStart;
    private final Hints hints;
    private final ModelSource modelSource;
    private final AutogenerateSettings autogenerate;
    private Migrations engine;
    private Revisions revisions;

    /**
     * @param engineFactory creates the engine on first use
     * @param database the database as shown by {@code current -v} (password masked), or {@code null}
     *     when no database is configured: then commands that need one fail saying how to configure it
     * @param versionLocations the script directories on the file system, in configured order
     * @param fileTemplate the file-name template of new scripts (Alembic's {@code file_template}
     *     tokens), or {@code null} for {@code %(rev)s_%(slug)s}
     */
    public Workspace(Supplier<Migrations> engineFactory, String database, List<Path> versionLocations,
            String fileTemplate) {
        this(engineFactory, database, versionLocations, fileTemplate, null);
    }

    /**
     * As above; for an engine configured without the fast start (which fingerprints every script
     * before reading it, useless to commands that only read the map), the setting that runs
     * ({@code upgrade}, {@code downgrade}, {@code stamp}, {@code check}) use instead.
     *
     * @param runFastStart the fast-start setting for runs, or {@code null} to keep the engine's
     */
    public Workspace(Supplier<Migrations> engineFactory, String database, List<Path> versionLocations,
            String fileTemplate, Boolean runFastStart) {
        this(engineFactory, database, versionLocations, fileTemplate, runFastStart, Hints.COMMAND_LINE, null,
                AutogenerateSettings.DEFAULTS);
    }

    private Workspace(Supplier<Migrations> engineFactory, String database, List<Path> versionLocations,
            String fileTemplate, Boolean runFastStart, Hints hints, ModelSource modelSource,
            AutogenerateSettings autogenerate) {
        this.hints = Objects.requireNonNull(hints, "hints");
        this.modelSource = modelSource;
        this.autogenerate = Objects.requireNonNull(autogenerate, "autogenerate");
        this.engineFactory = Objects.requireNonNull(engineFactory, "engineFactory");
        this.database = database;
        this.versionLocations = List.copyOf(versionLocations);
        this.fileTemplate = fileTemplate;
        this.runFastStart = runFastStart;
    }

    /** The engine, for commands that need no database (the map, offline SQL). */
    public Migrations engine() {
        if (this.engine == null) {
            this.engine = Objects.requireNonNull(this.engineFactory.get(), "engine");
        }
        return this.engine;
    }

    /**
     * The engine, for commands that use the database.
     *
     * @throws CommandFailedException when no database is configured
     */
    public Migrations database(String command) {
        if (this.database == null) {
            throw new CommandFailedException("'" + command + "' needs a database, and none is configured: "
                    + this.hints.configureDatabase());
        }
        return engine();
    }

    /**
     * An engine for a run: like {@link #database}, reporting every step to the listener (if any),
     * with the fast-start setting for runs.
     */
    Migrations runner(String command, MigrationListener listener) {
        Migrations base = database(command);
        if (listener == null && this.runFastStart == null) {
            return base;
        }
        var builder = base.config().toBuilder();
        if (listener != null) {
            builder.listener(listener);
        }
        if (this.runFastStart != null) {
            builder.fastStart(this.runFastStart);
        }
        return new Migrations(builder.build());
    }

    /**
     * This workspace for a front-end whose users type commands differently (the hints that failure
     * messages give); {@link Hints#COMMAND_LINE} by default.
     */
    public Workspace withHints(Hints hints) {
        return new Workspace(this.engineFactory, this.database, this.versionLocations, this.fileTemplate,
                this.runFastStart, hints, this.modelSource, this.autogenerate);
    }

    /**
     * This workspace with the application's model, which {@code revision --autogenerate} and {@code check}
     * compare with the database; none ({@code null}) by default, as on the command line.
     */
    public Workspace withModelSource(ModelSource model) {
        return new Workspace(this.engineFactory, this.database, this.versionLocations, this.fileTemplate,
                this.runFastStart, this.hints, model, this.autogenerate);
    }

    /** The application's model, or {@code null} when this front-end has none. */
    public ModelSource modelSource() {
        return this.modelSource;
    }

    /** This workspace with these settings of the comparison; {@link AutogenerateSettings#DEFAULTS} by default. */
    public Workspace withAutogenerate(AutogenerateSettings settings) {
        return new Workspace(this.engineFactory, this.database, this.versionLocations, this.fileTemplate,
                this.runFastStart, this.hints, this.modelSource, settings);
    }

    /** The settings of the comparison. */
    public AutogenerateSettings autogenerate() {
        return this.autogenerate;
    }

    /** How this front-end's user types the commands that failure messages suggest. */
    public Hints hints() {
        return this.hints;
    }

    /** The database as shown to users (password masked), or {@code null}. */
    public String databaseDescription() {
        return this.database;
    }

    /** The script directories on the file system. */
    public List<Path> versionLocations() {
        return this.versionLocations;
    }

    /** The file-name template of new scripts, or {@code null} for the default. */
    public String fileTemplate() {
        return this.fileTemplate;
    }

    Revisions revisions() {
        if (this.revisions == null) {
            this.revisions = new Revisions(engine());
        }
        return this.revisions;
    }
}
