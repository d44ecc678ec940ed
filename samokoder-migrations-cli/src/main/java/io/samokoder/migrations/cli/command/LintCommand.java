package io.samokoder.migrations.cli.command;

import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.graph.Revision;
import io.samokoder.migrations.lint.LintFinding;
import io.samokoder.migrations.lint.LintReport;
import io.samokoder.migrations.lint.LintRule;
import io.samokoder.migrations.lint.Linter;
import io.samokoder.migrations.script.RevisionScript;
import io.samokoder.migrations.script.ScriptLocations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code lint [-r RANGE] [--ignore RULE]...}: looks at the upgrade statements of revisions for what locks a table
 * in use for as long as the table takes to scan, rewrite, copy or index, or fails on a table with rows
 * ({@link Linter}), and fails (exit 255) when it finds any. Without a range it takes the revisions pending on the
 * database (read, never changed); with one, the revisions of that range as {@code history -r} selects them, with
 * no connection unless the range says {@code current}.
 *
 * @param range  {@code start:end}, {@code start:} or {@code :end}, or {@code null} for the pending revisions
 * @param ignore rule ids to leave out
 */
public record LintCommand(String range, List<String> ignore) implements MigrationCommand {

    /** The start of the success line. */
    public static final String CLEAN = "No locking operations found in ";

    /** Copies the list. */
    public LintCommand {
        ignore = List.copyOf(ignore);
    }

    @Override
    public void run(Workspace workspace, Output output) {
        Set<LintRule> ignored = new LinkedHashSet<>();
        for (String id : this.ignore) {
            ignored.add(LintRule.forId(id).orElseThrow(() -> new CommandFailedException(
                    "No lint rule '" + id + "'; the rules are: " + LintRule.ids())));
        }
        if (this.range == null && workspace.databaseDescription() == null) {
            throw new CommandFailedException("'lint' without a range lints the revisions pending on the database,"
                    + " and none is configured: " + workspace.hints().configureDatabase() + "; or give a range,"
                    + " which needs none: 'lint -r :' for every revision, 'lint -r <revision>:' for that one and"
                    + " those after it");
        }
        boolean online = this.range == null || this.range.contains("current");
        Migrations engine = online ? workspace.database("lint") : workspace.engine();
        Linter linter = Linter.forDialect(online ? engine.dialect() : engine.offlineDialect()).ignoring(ignored)
                .withPhasesOf(engine.scripts());
        LintReport report = linter.lint(scripts(workspace.revisions(), engine, online));
        String problem = report.findings().isEmpty() ? null : problem(report);
        if (output.json()) {
            output.json(json(report, linter.hasRules(), problem));
        } else {
            for (LintFinding finding : report.findings()) {
                output.line(text(finding));
            }
        }
        if (!linter.hasRules()) {
            output.progress("There are no lint rules for " + report.database() + "; nothing was looked at");
        }
        report.notLinted().forEach((id, why) -> output.progress("Not linted: " + id + ": " + why));
        if (problem != null) {
            throw new CommandFailedException(problem);
        }
        if (!output.json()) {
            int n = report.revisions().size();
            output.line(CLEAN + n + (n == 1 ? " revision." : " revisions."));
        }
    }

    /** The revisions to look at, in the order they would run; {@code online}: the range reads the version rows. */
    private List<RevisionScript> scripts(Revisions revisions, Migrations engine, boolean online) {
        List<String> ids = new ArrayList<>();
        if (this.range == null) {
            ids.addAll(engine.status("heads").pending());
        } else {
            List<String> rows = online ? engine.current() : List.of();
            List<Revision> selected = revisions.planner().history(this.range, rows);
            for (int i = selected.size() - 1; i >= 0; i--) {
                ids.add(selected.get(i).id());
            }
        }
        List<RevisionScript> scripts = new ArrayList<>(ids.size());
        for (String id : ids) {
            scripts.add(revisions.script(id));
        }
        return scripts;
    }

    private static String text(LintFinding finding) {
        String sql = finding.sql().strip();
        int newline = sql.indexOf('\n');
        String first = newline < 0 ? sql : sql.substring(0, newline).stripTrailing() + " ...";
        String file = finding.file().startsWith(ScriptLocations.FILESYSTEM_PREFIX)
                ? finding.file().substring(ScriptLocations.FILESYSTEM_PREFIX.length()) : finding.file();
        String location = finding.line() > 0 ? file + ":" + finding.line()
                : file + " (statement " + finding.statement() + ")";
        return location + ": " + finding.rule().id() + " (revision " + finding.revision() + ")\n"
                + "    " + first + "\n"
                + "    " + finding.problem() + ".\n"
                + "    " + finding.advice() + ".\n";
    }

    private static String problem(LintReport report) {
        Set<String> revisions = new LinkedHashSet<>();
        for (LintFinding finding : report.findings()) {
            revisions.add(finding.revision());
        }
        int n = report.findings().size();
        return n + (n == 1 ? " statement" : " statements") + " in " + String.join(", ", revisions)
                + " would lock a table in use or fail on one with rows; change them as advised, or mark a statement"
                + " that is meant so with '-- lint: ignore <rule>' above it";
    }

    private static Map<String, Object> json(LintReport report, boolean hasRules, String problem) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ok", problem == null);
        json.put("database", report.database());
        json.put("rules", hasRules);
        json.put("revisions", report.revisions());
        List<Map<String, Object>> findings = new ArrayList<>();
        for (LintFinding finding : report.findings()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("revision", finding.revision());
            f.put("file", finding.file());
            f.put("line", finding.line());
            f.put("statement", finding.statement());
            f.put("rule", finding.rule().id());
            f.put("sql", finding.sql());
            f.put("problem", finding.problem());
            f.put("advice", finding.advice());
            findings.add(f);
        }
        json.put("findings", findings);
        json.put("notLinted", report.notLinted());
        json.put("problem", problem);
        return json;
    }
}
