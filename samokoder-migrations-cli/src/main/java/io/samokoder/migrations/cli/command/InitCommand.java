package io.samokoder.migrations.cli.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * {@code init [DIR]}: creates the scripts directory (default: the first file-system location) with
 * the template {@code script.sql.template} that {@code revision} and {@code merge} fill. Fails, as
 * Alembic does, when the directory exists and is not empty.
 *
 * @param directory the directory, or {@code null} for the configured one
 */
public record InitCommand(Path directory) implements MigrationCommand {

    /** Where scripts go when nothing else is configured (the CLI's default location). */
    public static final Path DEFAULT_DIRECTORY = Path.of("src/main/resources/db/migrations");

    @Override
    public void run(Workspace workspace, Output output) {
        Path dir = this.directory != null ? this.directory
                : workspace.versionLocations().isEmpty() ? DEFAULT_DIRECTORY : workspace.versionLocations().get(0);
        try {
            if (Files.exists(dir)) {
                if (!Files.isDirectory(dir)) {
                    throw new CommandFailedException(dir + " exists and is not a directory");
                }
                try (Stream<Path> entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        throw new CommandFailedException("Directory " + dir + " already exists and is not empty");
                    }
                }
            } else {
                output.text("Creating directory " + dir.toAbsolutePath() + " ...");
                Files.createDirectories(dir);
                output.line("  done");
            }
            Path template = dir.resolve(ScriptTemplate.FILE_NAME);
            output.text("Generating " + template.toAbsolutePath() + " ...");
            Files.writeString(template, ScriptTemplate.DEFAULT, StandardCharsets.UTF_8);
            output.line("  done");
        } catch (IOException e) {
            throw new CommandFailedException("Cannot create " + dir + ": " + e.getMessage(), e);
        }
    }
}
