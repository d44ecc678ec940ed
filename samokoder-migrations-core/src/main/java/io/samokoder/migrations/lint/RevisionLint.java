package io.samokoder.migrations.lint;

import io.samokoder.migrations.script.RevisionScript;
import io.samokoder.migrations.script.SqlStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The linting of one revision's upgrade statements, in order: what earlier statements of the revision created
 * (a table created in the same revision is new, so nothing waits for its locks), and the findings.
 */
final class RevisionLint {

    private final RevisionScript script;
    private final boolean transactional;
    private final Set<LintRule> ignored;
    private final Set<String> createdTables = new HashSet<>();
    private final Set<String> createdIndexes = new HashSet<>();
    private final List<LintFinding> findings = new ArrayList<>();
    private boolean foreignKeyChecksOff;
    private SqlStatement statement;
    private Suppressions suppressions;

    RevisionLint(RevisionScript script, boolean transactional, Set<LintRule> ignored) {
        this.script = script;
        this.transactional = transactional;
        this.ignored = ignored;
    }

    /** Starts on the next statement, with the rules its markers silence. */
    void statement(SqlStatement next, Suppressions markers) {
        this.statement = next;
        this.suppressions = markers;
    }

    /** Whether the revision runs in a transaction. */
    boolean transactional() {
        return this.transactional;
    }

    void createdTable(String name) {
        if (name != null) {
            this.createdTables.add(name);
        }
    }

    /** Whether an earlier statement of this revision created the table (so it is new and nobody uses it). */
    boolean isNew(String table) {
        return table != null && this.createdTables.contains(table);
    }

    void createdIndex(String name) {
        if (name != null) {
            this.createdIndexes.add(name);
        }
    }

    boolean isNewIndex(String index) {
        return index != null && this.createdIndexes.contains(index);
    }

    /** MariaDB and MySQL: an earlier statement of this revision set {@code foreign_key_checks} off. */
    void foreignKeyChecksOff(boolean off) {
        this.foreignKeyChecksOff = off;
    }

    boolean foreignKeyChecksOff() {
        return this.foreignKeyChecksOff;
    }

    /** Records a finding on the current statement, unless the rule is ignored or silenced. */
    void report(LintRule rule, String problem, String advice) {
        if (this.ignored.contains(rule) || this.suppressions.silences(rule)) {
            return;
        }
        this.findings.add(new LintFinding(this.script.id(), this.script.description(), this.statement.number(),
                this.statement.line(), rule, this.statement.sql(), problem, advice));
    }

    List<LintFinding> findings() {
        return this.findings;
    }
}
