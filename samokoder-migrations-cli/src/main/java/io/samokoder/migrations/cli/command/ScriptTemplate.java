package io.samokoder.migrations.cli.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The body of a new script: the file {@value #FILE_NAME} in the scripts directory when there is one
 * (written by {@code init}, edited by the user), else the default below. Placeholders, as in
 * Alembic's {@code script.py.mako}: {@code ${message}}, {@code ${up_revision}},
 * {@code ${down_revision}}, {@code ${create_date}}, {@code ${branch_labels}}, {@code ${depends_on}}
 * (lists comma-separated, empty when none). A {@code -- Branch Labels:} or {@code -- Depends On:}
 * header line left empty is dropped, so scripts carry only the keys they use.
 */
final class ScriptTemplate {

    /** The template's file name; not {@code *.sql}, so it is never loaded as a revision. */
    static final String FILE_NAME = "script.sql.template";

    static final String DEFAULT = """
            -- ${message}
            --
            -- Revision ID: ${up_revision}
            -- Revises: ${down_revision}
            -- Create Date: ${create_date}
            -- Branch Labels: ${branch_labels}
            -- Depends On: ${depends_on}

            -- migrate:upgrade


            -- migrate:downgrade

            """;

    private ScriptTemplate() {
    }

    /** The template text and where it came from. */
    record Source(String text, String description) {
    }

    static Source find(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return new Source(DEFAULT, "the default template");
        }
        try {
            return new Source(Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n"), file.toString());
        } catch (IOException e) {
            throw new CommandFailedException("Cannot read the script template " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Fills the placeholders.
     *
     * @throws CommandFailedException naming the template and line of an unknown or unclosed placeholder
     */
    static String render(Source source, Map<String, String> values) {
        String text = source.text();
        StringBuilder out = new StringBuilder(text.length() + 128);
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("${", i);
            if (open < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, open);
            int close = text.indexOf('}', open);
            if (close < 0) {
                throw problem(source, text, open, "'${' is not closed by '}'");
            }
            String name = text.substring(open + 2, close).strip();
            String value = values.get(name);
            if (value == null) {
                throw problem(source, text, open, "unknown placeholder '${" + name + "}'; known are " + String.join(
                        ", ", values.keySet().stream().sorted().map(k -> "${" + k + "}").toList()));
            }
            out.append(value);
            i = close + 1;
        }
        return dropEmptyOptionalKeys(out.toString());
    }

    /**
     * The script with a header key set to a value ({@code -- Phase: contract}): the key's line changed where the
     * header has one, else a line added at the header's end.
     */
    static String withHeader(String script, String key, String value) {
        Pattern keyLine = Pattern.compile("(?i)^[ \\t]*--[ \\t]*" + Pattern.quote(key) + "[ \\t]*:.*$");
        String line = "-- " + key + ": " + value;
        List<String> lines = new ArrayList<>(List.of(script.split("\n", -1)));
        int end = 0;
        while (end < lines.size() && lines.get(end).isBlank()) {
            end++;
        }
        while (end < lines.size() && lines.get(end).strip().startsWith("--")
                && !lines.get(end).toLowerCase(Locale.ROOT).contains("migrate:")) {
            if (keyLine.matcher(lines.get(end)).matches()) {
                lines.set(end, line);
                return String.join("\n", lines);
            }
            end++;
        }
        lines.add(end, line);
        return String.join("\n", lines);
    }

    private static String dropEmptyOptionalKeys(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int pos = 0;
        while (pos < text.length()) {
            int eol = text.indexOf('\n', pos);
            int end = eol < 0 ? text.length() : eol + 1;
            String line = text.substring(pos, eol < 0 ? text.length() : eol).strip();
            if (!(line.equals("-- Branch Labels:") || line.equals("-- Depends On:"))) {
                out.append(text, pos, end);
            }
            pos = end;
        }
        return out.toString();
    }

    private static CommandFailedException problem(Source source, String text, int offset, String what) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return new CommandFailedException(source.description() + ":" + line + ": " + what);
    }
}
