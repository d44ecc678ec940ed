package io.samokoder.migrations.cli.command;

import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.script.RevisionScript;
import io.samokoder.migrations.script.ScriptLocations;
import io.samokoder.migrations.squash.SquashedScript;
import io.samokoder.migrations.squash.Squasher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code squash REV [-m MSG]}: replaces a revision and every revision it needs with one script that keeps the
 * revision's id ({@link Squasher}): the revision's file is rewritten and the other scripts' files are removed. Java
 * revisions are written as the SQL their operations render; their classes are left for the user to delete. Reads no
 * database: databases at the revision or beyond need nothing; a database between the squashed revisions is told, at
 * its next run, to upgrade with the build before the squash.
 *
 * @param revision the revision to squash up to
 * @param message the squash's message, or {@code null} for "Squash of N revisions"
 * @param dryRun print the script and the files it would replace, and write nothing
 */
public record SquashCommand(String revision, String message, boolean dryRun) implements MigrationCommand {

    /** A squash that writes its files. */
    public SquashCommand(String revision, String message) {
        this(revision, message, false);
    }

    @Override
    public void run(Workspace workspace, Output output) {
        Migrations engine = workspace.engine();
        LocalDateTime created = LocalDateTime.now().truncatedTo(ChronoUnit.MICROS);
        SquashedScript squash = Squasher.of(engine.scripts(), engine.offlineDialect())
                .squash(this.revision, this.message, ScriptWriter.CREATE_DATE.format(created));
        List<Path> removed = new ArrayList<>();
        for (RevisionScript script : squash.replaced()) {
            if (script.code().isEmpty()) {
                removed.add(file(script));
            }
        }
        Path target = squash.last().code().isEmpty() ? removed.remove(removed.size() - 1)
                : javaTip(workspace, squash, removed, created);
        if (this.dryRun) {
            output.progress("Would write " + target + " and remove " + removed.size() + " files:");
            for (Path file : removed) {
                output.progress("  " + file);
            }
            squash.notes().forEach(output::progress);
            output.text(squash.text());
            return;
        }
        output.progress("Squashing " + squash.replaced().size() + " revisions into " + squash.revision());
        Path written = write(target, squash.text());
        output.text("Generating " + target + " ...");
        for (Path file : removed) {
            delete(file);
        }
        move(written, target);
        output.line("  done");
        for (Path file : removed) {
            output.line("Removing " + file + " ...  done");
        }
        for (String note : squash.notes()) {
            output.progress(note);
        }
    }

    /** The file of an SQL script, which the squash rewrites or removes. */
    private static Path file(RevisionScript script) {
        String source = script.description();
        if (!source.startsWith(ScriptLocations.FILESYSTEM_PREFIX)) {
            throw new CommandFailedException("squash rewrites script files, and revision " + script.id() + " comes"
                    + " from " + source + ", which is not a file: run squash where the scripts are files, with the"
                    + " samokoder command line or the Maven plugin (their default location is"
                    + " filesystem:src/main/resources/db/migrations)");
        }
        return Path.of(source.substring(ScriptLocations.FILESYSTEM_PREFIX.length()));
    }

    /** Where the squash of a Java revision goes: beside the squashed SQL scripts, else in the first location. */
    private static Path javaTip(Workspace workspace, SquashedScript squash, List<Path> removed, LocalDateTime created) {
        Path directory;
        if (!removed.isEmpty()) {
            directory = removed.get(removed.size() - 1).toAbsolutePath().getParent();
        } else if (!workspace.versionLocations().isEmpty()) {
            directory = workspace.versionLocations().get(0);
        } else {
            throw new CommandFailedException("No script directory on the file system to write the squash to: give a"
                    + " filesystem: location in --locations");
        }
        String message = squash.last().message();
        Path file = directory.resolve(FileNames.fileName(workspace.fileTemplate(), squash.revision(), message,
                created));
        if (Files.exists(file)) {
            throw new CommandFailedException("File " + file + " already exists; move it away and squash again");
        }
        return file;
    }

    /** Writes the text beside the target first, so that a failure leaves every script as it was. */
    private static Path write(Path target, String text) {
        try {
            Path directory = target.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ".squash-", ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            return temporary;
        } catch (IOException e) {
            throw new CommandFailedException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new CommandFailedException("Cannot remove " + file + ": " + e.getMessage() + "; the squash is in "
                    + "place only in part: restore the scripts from version control and squash again", e);
        }
    }

    private static void move(Path written, Path target) {
        try {
            Files.move(written, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CommandFailedException("Cannot write " + target + ": " + e.getMessage() + "; the squash is in"
                    + " place only in part: restore the scripts from version control and squash again", e);
        }
    }
}
