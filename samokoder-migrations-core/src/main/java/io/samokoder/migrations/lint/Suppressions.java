package io.samokoder.migrations.lint;

import io.samokoder.migrations.java.JavaRevisionException;
import io.samokoder.migrations.script.ScriptFormatException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rules a statement's {@code lint: ignore} markers silence: comments directly above the statement, or inside
 * it, reading {@code lint: ignore} (every rule) or {@code lint: ignore <rule>, <rule>}.
 */
final class Suppressions {

    static final Suppressions NONE = new Suppressions(EnumSet.noneOf(LintRule.class), false);

    private static final String MARKER = "lint:";

    private final Set<LintRule> rules;
    private final boolean all;

    private Suppressions(Set<LintRule> rules, boolean all) {
        this.rules = rules;
        this.all = all;
    }

    boolean silences(LintRule rule) {
        return this.all || this.rules.contains(rule);
    }

    /**
     * The markers of a statement.
     *
     * @param lines    the script's lines, none for code
     * @param line     the line the statement starts on (1-based; 0 for code)
     * @param comments the comments inside the statement
     * @param file     the script, for errors
     * @throws ScriptFormatException when a marker names a rule there is none of
     */
    static Suppressions of(String[] lines, int line, List<String> comments, String file) {
        Set<LintRule> rules = EnumSet.noneOf(LintRule.class);
        boolean all = false;
        for (String comment : comments) {
            all |= read(comment, rules, file, line);
        }
        for (int i = Math.min(line - 2, lines.length - 1); i >= 0; i--) {
            String above = lines[i].strip();
            if (!above.startsWith("--") && !above.startsWith("#")) {
                break;
            }
            String comment = above.substring(above.startsWith("#") ? 1 : 2).strip();
            if (comment.startsWith("migrate:")) {
                // The part's marker: the header above it is no statement's.
                break;
            }
            all |= read(comment, rules, file, i + 1);
        }
        return all || !rules.isEmpty() ? new Suppressions(rules, all) : NONE;
    }

    /**
     * What a Java revision's {@link LintIgnore} silences, for each of its statements.
     *
     * @throws JavaRevisionException when it names a rule there is none of
     */
    static Suppressions of(LintIgnore annotation, String className) {
        if (annotation == null) {
            return NONE;
        }
        Set<LintRule> rules = EnumSet.noneOf(LintRule.class);
        for (String id : annotation.value()) {
            rules.add(LintRule.forId(id).orElseThrow(() -> new JavaRevisionException(className, "@LintIgnore names no"
                    + " lint rule '" + id + "'; the rules are: " + LintRule.ids(), null)));
        }
        return new Suppressions(rules, annotation.value().length == 0);
    }

    /** Reads one comment's marker into {@code rules}; true when it silences every rule. */
    private static boolean read(String comment, Set<LintRule> rules, String file, int line) {
        if (!comment.toLowerCase(Locale.ROOT).startsWith(MARKER)) {
            return false;
        }
        String rest = comment.substring(MARKER.length()).strip();
        if (!rest.toLowerCase(Locale.ROOT).startsWith("ignore")) {
            throw new ScriptFormatException(file, line, "'" + comment + "' is not a lint marker; write '-- lint: "
                    + "ignore' (every rule) or '-- lint: ignore <rule>, <rule>' (rules: " + LintRule.ids() + ")");
        }
        String ids = rest.substring("ignore".length()).strip();
        if (ids.isEmpty()) {
            return true;
        }
        for (String id : ids.split("[,\\s]+")) {
            if (id.isEmpty()) {
                continue;
            }
            rules.add(LintRule.forId(id).orElseThrow(() -> new ScriptFormatException(file, line, "'" + comment
                    + "' names no lint rule '" + id + "'; the rules are: " + LintRule.ids())));
        }
        return false;
    }
}
