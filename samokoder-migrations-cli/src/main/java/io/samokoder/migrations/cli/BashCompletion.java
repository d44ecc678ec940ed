package io.samokoder.migrations.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;

/**
 * Build tool: writes the bash completion script of {@code samokoder} (picocli's {@link AutoComplete})
 * to the file named by the first argument. Run by the build; users source the file.
 */
public final class BashCompletion {

    private BashCompletion() {
    }

    /** @param args the file to write */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: BashCompletion <file>");
        }
        Path file = Path.of(args[0]);
        Files.writeString(file, AutoComplete.bash("samokoder", SamokoderCli.commandLine()), StandardCharsets.UTF_8);
    }
}
