package io.samokoder.migrations.test;

import io.samokoder.migrations.MigrationException;
import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.RevisionInfo;
import io.samokoder.migrations.lint.LintFinding;
import io.samokoder.migrations.lint.LintReport;
import io.samokoder.migrations.lint.Linter;
import io.samokoder.migrations.script.RevisionScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link MigrationsKit#assertNoLockingStatements}: the linter over a range of the kit's revisions. */
final class KitLint {

    private KitLint() {
    }

    /**
     * The findings in the range as failure lines (none when it is clean), on the DataSource's database.
     *
     * @param scripts the engine's scripts by id
     */
    static List<String> problems(Migrations migrations, Map<String, RevisionScript> scripts, String range) {
        List<RevisionInfo> selected;
        try {
            selected = migrations.history(range);
        } catch (MigrationException ex) {
            throw new AssertionError("assertNoLockingStatements(\"" + range + "\"): " + ex.getMessage(), ex);
        }
        List<RevisionScript> inOrder = new ArrayList<>(selected.size());
        for (int i = selected.size() - 1; i >= 0; i--) {
            inOrder.add(scripts.get(selected.get(i).id()));
        }
        LintReport report = Linter.forDialect(migrations.dialect()).withPhasesOf(scripts.values()).lint(inOrder);
        List<String> problems = new ArrayList<>();
        for (LintFinding finding : report.findings()) {
            problems.add("revision " + finding.revision() + " (" + finding.location() + "): " + finding.rule().id()
                    + ": " + finding.problem() + ". " + finding.advice() + "; or, where it is meant so, mark the"
                    + " statement '-- lint: ignore " + finding.rule().id() + "' (a Java revision: @LintIgnore(\""
                    + finding.rule().id() + "\"))");
        }
        return problems;
    }
}
