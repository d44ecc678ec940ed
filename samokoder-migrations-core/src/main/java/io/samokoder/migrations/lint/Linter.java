package io.samokoder.migrations.lint;

import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.java.JavaRevisions;
import io.samokoder.migrations.script.Phase;
import io.samokoder.migrations.script.RevisionScript;
import io.samokoder.migrations.script.ScriptFormatException;
import io.samokoder.migrations.script.SqlStatement;
import io.samokoder.migrations.script.SqlTokens;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the statements of revisions that lock a table in use for as long as the table takes to scan, rewrite,
 * copy or index, or that fail on a table with rows, and, where the revisions use expand/contract phases, that drop
 * or rename what the previous build reads outside a contract revision ({@link LintRule}). It reads the upgrade
 * statements as they are sent to the database ({@link RevisionScript#offlineStatements}: SQL scripts as written,
 * Java revisions' operations as rendered), one revision at a time, without a connection. PostgreSQL, MariaDB and MySQL have
 * rules; H2, an embedded and test database, has none. A statement is left alone when a comment directly above it
 * or inside it says {@code lint: ignore} (every rule) or {@code lint: ignore <rule>, <rule>}; a Java revision's
 * statements, when its class says {@link LintIgnore}.
 */
public final class Linter {

    /** One database's rules over a statement's tokens. */
    @FunctionalInterface
    private interface Rules {
        void check(Cursor statement, RevisionLint revision);
    }

    private final Dialect dialect;
    private final Set<LintRule> ignored;
    /** The database's rules; {@code null} when it has none. */
    private final Rules rules;
    /** Whether the revisions use expand/contract phases, which adds {@link LintRule#DROP_IN_EXPAND}. */
    private final boolean phases;

    private Linter(Dialect dialect, Set<LintRule> ignored, boolean phases) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.ignored = ignored;
        this.rules = dialect.mysqlLexicalRules() ? MySqlRules::check
                : "postgresql".equals(dialect.name()) ? PostgresRules::check : null;
        this.phases = phases;
    }

    /** A linter with the rules of this database. */
    public static Linter forDialect(Dialect dialect) {
        return new Linter(dialect, EnumSet.noneOf(LintRule.class), false);
    }

    /** This linter without these rules. */
    public Linter ignoring(Collection<LintRule> rules) {
        Set<LintRule> all = EnumSet.noneOf(LintRule.class);
        all.addAll(this.ignored);
        all.addAll(rules);
        return new Linter(this.dialect, all, this.phases);
    }

    /**
     * This linter with {@link LintRule#DROP_IN_EXPAND} where the revisions use expand/contract phases: where one of
     * them is {@code Phase: contract}.
     *
     * @param revisions every revision of the map, not only those to lint (the contract ones may be older)
     */
    public Linter withPhasesOf(Collection<RevisionScript> revisions) {
        boolean used = false;
        for (RevisionScript revision : revisions) {
            used |= revision.phase() == Phase.CONTRACT;
        }
        return new Linter(this.dialect, this.ignored, used);
    }

    /** Whether the database has rules (H2 has none). */
    public boolean hasRules() {
        return this.rules != null;
    }

    /**
     * Lints the revisions' upgrade statements, each revision on its own.
     *
     * @param scripts the revisions, in the order they would run
     * @return the findings, in the revisions' order, and the revisions that could not be read without the database
     * @throws ScriptFormatException when a script cannot be split, or a {@code lint:} marker names no rule
     * @throws io.samokoder.migrations.java.JavaRevisionException when a {@link LintIgnore} names no rule
     * @throws io.samokoder.migrations.MigrationException when a Java revision uses what the database cannot hold
     */
    public LintReport lint(List<RevisionScript> scripts) {
        List<LintFinding> findings = new ArrayList<>();
        Map<String, String> notLinted = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>(scripts.size());
        for (RevisionScript script : scripts) {
            ids.add(script.id());
            if (!hasRules()) {
                continue;
            }
            if (script.code().isPresent() && script.code().get().readsDatabase()) {
                notLinted.put(script.id(), script.description() + " reads the database while it runs (inspection or "
                        + "connection()), so what it will run is known only then");
                continue;
            }
            findings.addAll(lint(script, script.offlineStatements(true, this.dialect)));
        }
        return new LintReport(this.dialect.name(), ids, findings, notLinted);
    }

    private List<LintFinding> lint(RevisionScript script, List<SqlStatement> statements) {
        RevisionLint revision = new RevisionLint(script, script.transactional(this.dialect), this.ignored);
        boolean mysql = this.dialect.mysqlLexicalRules();
        boolean expand = this.phases && script.phase() != Phase.CONTRACT;
        String[] lines = script.text().isEmpty() ? new String[0] : script.text().split("\n", -1);
        Suppressions javaMarkers = JavaRevisions.revisionOf(script).map(JavaRevisions::declaringClass)
                .map(type -> Suppressions.of(type.getAnnotation(LintIgnore.class), type.getName()))
                .orElse(Suppressions.NONE);
        for (SqlStatement statement : statements) {
            SqlTokens tokens;
            try {
                tokens = SqlTokens.of(statement.sql(), mysql);
            } catch (ScriptFormatException e) {
                // Split in another SQL mode (offline, as the splitter does): the quotes do not close in the default
                // one, and no rule reads past them.
                continue;
            }
            revision.statement(statement, javaMarkers != Suppressions.NONE ? javaMarkers
                    : Suppressions.of(lines, statement.line(), tokens.comments(), script.description()));
            this.rules.check(new Cursor(tokens.tokens()), revision);
            if (expand) {
                PhaseRules.check(new Cursor(tokens.tokens()), revision);
            }
        }
        return revision.findings();
    }
}
