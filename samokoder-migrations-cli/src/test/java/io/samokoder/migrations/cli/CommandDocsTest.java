package io.samokoder.migrations.cli;

import static io.samokoder.migrations.testsupport.ProjectDocuments.section;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samokoder.migrations.testsupport.ProjectDocuments;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The commands as README.md and docs/cli.md describe them, against the command line itself: every command
 * is in README's table and has a section in docs/cli.md, which names each of its own options (those that
 * several commands share may be told once, before the sections or among the settings); every option that
 * sits before the command is in docs/cli.md's settings; neither document names a command that does not
 * exist.
 */
class CommandDocsTest {

    private static final Pattern COMMAND = Pattern.compile("`([a-z_]+)");

    private final CommandLine commandLine = SamokoderCli.commandLine();

    @Test
    void readmeCommandsTableHasARowForEachCommandAndNoOther() throws IOException {
        List<String> rows = table(section(ProjectDocuments.read("README.md"), "## Commands"));
        List<String> named = new ArrayList<>();
        for (String row : rows) {
            Matcher commands = COMMAND.matcher(row.split("\\|")[1]);
            while (commands.find()) {
                named.add(commands.group(1));
            }
        }
        assertEquals(new TreeSet<>(commands()), new TreeSet<>(named), "commands in README.md's Commands table");
    }

    @Test
    void docsCliHasASectionForEachCommandNamingEachOfItsOptions() throws IOException {
        String commandsPart = section(ProjectDocuments.read("docs/cli.md"), "## Commands");
        Map<String, String> sections = commandSections(commandsPart);
        assertEquals(new TreeSet<>(commands()), sections.keySet(), "commands of docs/cli.md's sections");
        // What several commands share (--format, --exclude-table) may be told once, before the sections.
        String shared = commandsPart.substring(0, commandsPart.indexOf("\n### "))
                + section(ProjectDocuments.read("docs/cli.md"), "## Settings");
        Set<String> settings = new HashSet<>();
        this.commandLine.getCommandSpec().options().forEach(option -> settings.add(option.longestName()));
        Map<String, List<String>> missing = new TreeMap<>();
        for (String command : commands()) {
            for (OptionSpec option : this.commandLine.getSubcommands().get(command).getCommandSpec().options()) {
                if (!option.hidden() && !option.usageHelp() && !settings.contains(option.longestName())
                        && Arrays.stream(option.names()).noneMatch(
                                name -> mentions(sections.get(command), name) || mentions(shared, name))) {
                    missing.computeIfAbsent(command, c -> new ArrayList<>()).add(option.longestName());
                }
            }
        }
        assertEquals(Map.of(), missing, "options that docs/cli.md's section of their command does not name");
    }

    @Test
    void docsCliSettingsNameEachOptionGivenBeforeTheCommand() throws IOException {
        String settings = section(ProjectDocuments.read("docs/cli.md"), "## Settings");
        List<String> missing = new ArrayList<>();
        for (OptionSpec option : this.commandLine.getCommandSpec().options()) {
            if (!option.hidden() && !option.usageHelp() && !option.versionHelp()
                    && Arrays.stream(option.names()).noneMatch(name -> mentions(settings, name))) {
                missing.add(option.longestName());
            }
        }
        assertEquals(List.of(), missing, "options that docs/cli.md's Settings do not name");
    }

    /** The commands by their names, not their aliases ({@code ensure-version}), {@code help} left out. */
    private List<String> commands() {
        return this.commandLine.getSubcommands().entrySet().stream()
            .filter(command -> command.getKey().equals(command.getValue().getCommandName()))
            .map(Map.Entry::getKey)
            .filter(name -> !name.equals("help"))
            .toList();
    }

    /** Whether the text names the option on its own: {@code -v} is not found inside {@code --verbose}. */
    private static boolean mentions(String text, String option) {
        return Pattern.compile("(?<![\\w-])" + Pattern.quote(option) + "(?![\\w-])").matcher(text).find();
    }

    /**
     * Per command, the text of the {@code ###} sections whose heading names it; headings written one after
     * the other share the text below the last.
     */
    private static Map<String, String> commandSections(String text) {
        Map<String, String> sections = new TreeMap<>();
        List<String> headings = new ArrayList<>();
        for (String part : text.split("\n(?=### )")) {
            if (!part.startsWith("### ")) {
                continue;
            }
            int lineEnd = part.indexOf('\n');
            headings.add(lineEnd < 0 ? part : part.substring(0, lineEnd));
            if (lineEnd < 0 || part.substring(lineEnd).isBlank()) {
                continue;
            }
            for (String heading : headings) {
                Matcher commands = Pattern.compile("(?:^### |, )`([a-z_]+)").matcher(heading);
                while (commands.find()) {
                    sections.merge(commands.group(1), heading + part, (x, y) -> x + "\n" + y);
                }
            }
            headings.clear();
        }
        return sections;
    }

    /** The rows of the section's first table, header and rule left out. */
    private static List<String> table(String section) {
        List<String> rows = section.lines().filter(line -> line.startsWith("|")).toList();
        assertTrue(rows.size() > 2, "a table with rows");
        return rows.subList(2, rows.size());
    }
}
