package io.samokoder.migrations.cli;

import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.cli.command.AutogenerateSettings;
import io.samokoder.migrations.schema.ModelSource;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The in-app command mode: one command line of the {@code samokoder} CLI run against an
 * application's own engine, e.g. from
 * {@code java -jar app.jar --samokoder.migrations.command="downgrade -1"}. Every command and its
 * options work as on the command line; the options that configure the engine ({@code --url},
 * {@code --user}, {@code --password}, {@code --config}, {@code --locations}, {@code --schema},
 * {@code --version-table}, {@code --log-table}, {@code --java-packages}, {@code --classpath}) are
 * refused with a usage error, since the application's configuration decides them. {@code revision}
 * and {@code merge} write to the engine's first {@code filesystem:} location, or to
 * {@code --version-path}. Given the application's model, {@code revision --autogenerate} and
 * {@code check} compare it with the database.
 */
public final class CommandMode {

    private CommandMode() {
    }

    /**
     * Runs one command.
     *
     * @param migrations the application's engine
     * @param commandLine the command and its options, split into words at blanks; single or double
     *     quotes keep blanks in a word ({@code revision -m "add users"}), a backslash escapes as in a shell
     * @param out where the command's result goes
     * @param err where progress lines, usage errors and {@code FAILED: <message>} go
     * @return the exit status: 0; 2 for a usage error (usage printed to {@code err}); 255 when the
     *     command failed
     */
    public static int run(Migrations migrations, String commandLine, PrintStream out, PrintStream err) {
        return run(migrations, null, AutogenerateSettings.DEFAULTS, commandLine, out, err);
    }

    /**
     * Runs one command with the application's model, which {@code revision --autogenerate} and {@code check}
     * compare with the database; see {@link #run(Migrations, String, PrintStream, PrintStream)}.
     *
     * @param model the application's model, or {@code null} for none
     */
    public static int run(Migrations migrations, ModelSource model, String commandLine, PrintStream out,
            PrintStream err) {
        return run(migrations, model, AutogenerateSettings.DEFAULTS, commandLine, out, err);
    }

    /**
     * Runs one command with the application's model and its settings of the comparison
     * ({@code samokoder.migrations.autogenerate.*}); see {@link #run(Migrations, String, PrintStream, PrintStream)}.
     *
     * @param model the application's model, or {@code null} for none
     * @param autogenerate what the comparison leaves out or compares
     */
    public static int run(Migrations migrations, ModelSource model, AutogenerateSettings autogenerate,
            String commandLine, PrintStream out, PrintStream err) {
        Objects.requireNonNull(migrations, "migrations");
        Objects.requireNonNull(commandLine, "commandLine");
        Objects.requireNonNull(autogenerate, "autogenerate");
        return SamokoderCli.run(words(commandLine), out, err, Map.of(), migrations, model, autogenerate);
    }

    /**
     * Whether the command line compares the application's model with the database: {@code check} and
     * {@code revision --autogenerate}, the only ones that build the model.
     */
    public static boolean comparesModel(String commandLine) {
        List<String> words = List.of(words(commandLine));
        if (words.contains("-h") || words.contains("--help")) {
            return false;
        }
        String command = words.stream().filter(w -> !w.startsWith("-")).findFirst().orElse("");
        return command.equals("check") || command.equals("revision") && words.contains("--autogenerate");
    }

    /**
     * Splits a command line into words as a shell does, without expansions: blanks separate words; single or
     * double quotes group blanks into a word and may stand inside one ({@code --message="add users"}); outside
     * quotes and in double quotes a backslash escapes the next character ({@code add\ users} is one word). A
     * quote left open runs to the end.
     */
    static String[] words(String commandLine) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < commandLine.length(); i++) {
            char c = commandLine.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < commandLine.length()) {
                    word.append(commandLine.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < commandLine.length()) {
                word.append(commandLine.charAt(++i));
                inWord = true;
            } else if (c <= ' ') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words.toArray(new String[0]);
    }
}
