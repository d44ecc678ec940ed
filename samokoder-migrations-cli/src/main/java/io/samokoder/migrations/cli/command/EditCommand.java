package io.samokoder.migrations.cli.command;

import io.samokoder.migrations.graph.Revision;
import io.samokoder.migrations.script.ScriptLocations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code edit REV}: opens the script of each revision the spec names in the user's editor ({@link Editor}), one
 * after the other, as Alembic's {@code edit} does. {@code edit current} reads the version rows (creating the
 * version table when there are none, as Alembic's). A Java revision opens its source under {@code src/main/java}
 * of the working directory or of the module its script locations are in. Refused in the application's command
 * mode, which has no terminal to edit in.
 *
 * @param revision the spec: an id, a prefix, a label, {@code heads}, {@code current}, ...
 * @param environment the variables the editor is found by ({@code EDITOR}, {@code VISUAL}, {@code PATH})
 */
public record EditCommand(String revision, Map<String, String> environment) implements MigrationCommand {

    /** Copies the map. */
    public EditCommand {
        environment = Map.copyOf(environment);
    }

    @Override
    public void run(Workspace workspace, Output output) {
        if (workspace.hints() == Hints.COMMAND_MODE) {
            throw new CommandFailedException("'edit' opens script files in an editor, which the application's command"
                    + " mode has no terminal for: run it with the samokoder command line");
        }
        Revisions revisions;
        List<String> ids;
        if ("current".equals(this.revision)) {
            List<String> rows = EnsureVersionCommand.rowsCreatingTheTable(workspace, "edit current");
            if (rows.isEmpty()) {
                throw new CommandFailedException("No current revisions");
            }
            revisions = workspace.revisions();
            ids = revisions.ids(revisions.planner().resolve(String.join(" ", rows)));
        } else {
            revisions = workspace.revisions();
            List<Revision> found = revisions.planner().resolve(this.revision);
            if (found.isEmpty()) {
                throw new CommandFailedException("No revision files indicated by symbol '" + this.revision + "'");
            }
            ids = revisions.ids(found);
        }
        List<Path> files = new ArrayList<>(ids.size());
        for (String id : ids) {
            files.add(file(workspace, revisions.revision(id)));
        }
        Editor editor = Editor.find(this.environment);
        for (Path file : files) {
            editor.open(file);
        }
    }

    private static Path file(Workspace workspace, Revision revision) {
        String source = revision.source();
        if (source.startsWith(ScriptLocations.FILESYSTEM_PREFIX)) {
            return Path.of(source.substring(ScriptLocations.FILESYSTEM_PREFIX.length()));
        }
        if (source.startsWith("java:")) {
            String name = source.substring("java:".length());
            int nested = name.indexOf('$');
            String relative = (nested < 0 ? name : name.substring(0, nested)).replace('.', '/') + ".java";
            List<Path> roots = new ArrayList<>(List.of(Path.of("src", "main", "java")));
            for (Path location : workspace.versionLocations()) {
                Path module = moduleOf(location.toAbsolutePath().normalize());
                if (module != null) {
                    roots.add(module.resolve("src").resolve("main").resolve("java"));
                }
            }
            for (Path root : roots) {
                Path file = root.resolve(relative);
                if (Files.isRegularFile(file)) {
                    return file;
                }
            }
            throw new CommandFailedException("Revision " + revision.id() + " is the Java class " + name + ", whose"
                    + " source " + relative + " is under none of " + roots + "; open it in your IDE");
        }
        throw new CommandFailedException("Revision " + revision.id() + " comes from " + source + ", which is not a"
                + " file to edit; give the scripts' directory as a location, e.g. --locations"
                + " filesystem:src/main/resources/db/migrations");
    }

    /** The module directory of a location below its {@code src/main/resources}, or {@code null}. */
    private static Path moduleOf(Path location) {
        for (Path p = location; p != null && p.getParent() != null; p = p.getParent()) {
            if (p.getFileName().toString().equals("resources") && p.getParent().getFileName() != null
                    && p.getParent().getFileName().toString().equals("main") && p.getParent().getParent() != null
                    && p.getParent().getParent().getFileName().toString().equals("src")) {
                return p.getParent().getParent().getParent();
            }
        }
        return null;
    }
}
