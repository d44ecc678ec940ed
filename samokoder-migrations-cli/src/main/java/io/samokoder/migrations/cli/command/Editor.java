package io.samokoder.migrations.cli.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The editor {@code edit} opens files in, found as Alembic's {@code open_in_editor} finds it: {@code EDITOR}, then
 * {@code VISUAL}, each used as it is when it names an existing file, else looked up on the {@code PATH} before the
 * usual editors ({@code sensible-editor}, {@code editor}, {@code nano}, {@code vim}, {@code code}; on Windows
 * {@code code}, {@code notepad}). Unlike Alembic's, a value with arguments ({@code code --wait}) keeps them.
 */
final class Editor {

    static final String NONE_FOUND = "No suitable editor found. Please set the \"EDITOR\" or \"VISUAL\" environment"
            + " variables";

    private final List<String> command;

    private Editor(List<String> command) {
        this.command = command;
    }

    /** The editor the environment names, or the first usual one on its {@code PATH}. */
    static Editor find(Map<String, String> environment) {
        boolean windows = File.separatorChar == '\\';
        List<List<String>> candidates = new ArrayList<>();
        for (String name : windows ? List.of("code", "notepad")
                : List.of("sensible-editor", "editor", "nano", "vim", "code")) {
            candidates.add(List.of(name));
        }
        int first = 0;
        for (String variable : List.of("EDITOR", "VISUAL")) {
            String value = environment.get(variable);
            if (value == null || value.isBlank()) {
                continue;
            }
            if (Files.isRegularFile(Path.of(value))) {
                return new Editor(List.of(value));
            }
            List<String> words = Arrays.asList(value.strip().split("\\s+"));
            if (!words.get(0).contains(File.separator) || Files.isRegularFile(Path.of(words.get(0)))) {
                candidates.add(first++, words);
            }
        }
        String path = environment.getOrDefault("PATH", "");
        for (List<String> candidate : candidates) {
            String executable = executable(candidate.get(0), path, windows);
            if (executable != null) {
                List<String> command = new ArrayList<>(candidate);
                command.set(0, executable);
                return new Editor(List.copyOf(command));
            }
        }
        throw new CommandFailedException(NONE_FOUND);
    }

    private static String executable(String name, String path, boolean windows) {
        if (name.contains(File.separator)) {
            return Files.isExecutable(Path.of(name)) ? name : null;
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            for (String suffix : windows ? List.of("", ".exe", ".cmd", ".bat") : List.of("")) {
                Path file = Path.of(directory, name + suffix);
                if (Files.isRegularFile(file) && Files.isExecutable(file)) {
                    return file.toString();
                }
            }
        }
        return null;
    }

    /** Opens the file and waits until the editor exits; it has the command's terminal. */
    void open(Path file) {
        List<String> line = new ArrayList<>(this.command);
        line.add(file.toString());
        int status;
        try {
            status = new ProcessBuilder(line).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new CommandFailedException("Cannot start the editor " + this.command.get(0) + ": " + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailedException("Interrupted while the editor was open on " + file, e);
        }
        if (status != 0) {
            throw new CommandFailedException("The editor " + String.join(" ", this.command) + " exited with status "
                    + status + " on " + file);
        }
    }
}
