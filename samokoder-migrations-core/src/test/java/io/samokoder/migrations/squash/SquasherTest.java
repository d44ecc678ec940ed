package io.samokoder.migrations.squash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.dialect.Dialects;
import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.JavaRevisions;
import io.samokoder.migrations.java.Revision;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.NamingConvention;
import io.samokoder.migrations.ops.Operations;
import io.samokoder.migrations.ops.Type;
import io.samokoder.migrations.script.Durations;
import io.samokoder.migrations.script.Phase;
import io.samokoder.migrations.script.RevisionScript;
import io.samokoder.migrations.script.ScriptFormatException;
import io.samokoder.migrations.script.ScriptLoader;
import io.samokoder.migrations.script.Squash;
import io.samokoder.migrations.script.SqlStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The squashed script's text, what it replaces and what stops a squash; no database. */
class SquasherTest {

    private static final Dialect POSTGRESQL = Dialects.forName("postgresql").orElseThrow();
    private static final Dialect MARIADB = Dialects.forName("mariadb").orElseThrow();
    private static final String DATE = "2026-12-07 02:00:00.000000";

    private static RevisionScript sql(String id, String revises, String headerLines, String upgrade,
            String downgrade) {
        return ScriptLoader.parse("filesystem:/m/" + id + "_x.sql", "-- make " + id + "\n--\n-- Revision ID: " + id
                + "\n-- Revises: " + revises + "\n" + headerLines + "\n-- migrate:upgrade\n" + upgrade
                + (downgrade == null ? "" : "\n-- migrate:downgrade\n" + downgrade) + "\n");
    }

    private static List<RevisionScript> chain() {
        return List.of(
                sql("a1", "", "", "CREATE TABLE t (id int);", "DROP TABLE t;"),
                sql("b2", "a1", "", "ALTER TABLE t ADD COLUMN v text; -- the value\nINSERT INTO t VALUES (1, 'x;y');",
                        "ALTER TABLE t DROP COLUMN v;"),
                sql("c3", "b2", "-- Branch Labels: core", "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$"
                        + " LANGUAGE sql", "DROP FUNCTION f();"),
                sql("d4", "c3", "", "CREATE TABLE u (id int);", "DROP TABLE u;"));
    }

    private static List<String> statements(List<SqlStatement> statements) {
        return statements.stream().map(s -> s.sql().strip()).toList();
    }

    @Test
    void aRevisionAndEverythingBelowItBecomeOneScriptWithItsId() {
        List<RevisionScript> scripts = chain();
        SquashedScript squash = Squasher.of(scripts, POSTGRESQL).squash("c3", "baseline", DATE);

        assertThat(squash.revision()).isEqualTo("c3");
        assertThat(squash.replaced()).extracting(RevisionScript::id).containsExactly("a1", "b2", "c3");
        assertThat(squash.last()).isSameAs(scripts.get(2));
        assertThat(squash.notes()).isEmpty();
        assertThat(squash.text()).startsWith("""
                -- baseline
                --
                -- Revision ID: c3
                -- Revises:
                -- Create Date: 2026-12-07 02:00:00.000000
                -- Branch Labels: core
                -- Squashes: a1, b2
                -- Squashed Checksum: %s

                -- migrate:upgrade

                -- a1: make a1
                CREATE TABLE t (id int);

                -- b2: make b2
                ALTER TABLE t ADD COLUMN v text; -- the value
                INSERT INTO t VALUES (1, 'x;y');

                """.formatted(scripts.get(2).checksum()));

        RevisionScript read = ScriptLoader.parse("filesystem:/m/c3_x.sql", squash.text());
        assertThat(read.downRevisions()).isEmpty();
        assertThat(read.branchLabels()).containsExactly("core");
        assertThat(read.transactional()).isTrue();
        assertThat(read.squash()).contains(new Squash(List.of("a1", "b2"), List.of(scripts.get(2).checksum())));
        assertThat(statements(read.upgradeStatements())).containsExactly("CREATE TABLE t (id int)",
                "ALTER TABLE t ADD COLUMN v text", "INSERT INTO t VALUES (1, 'x;y')",
                "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql");
        assertThat(statements(read.downgradeStatements())).containsExactly("DROP FUNCTION f()",
                "ALTER TABLE t DROP COLUMN v", "DROP TABLE t");
        // The revision after the squash builds on it as before.
        assertThat(Squasher.of(replace(scripts, squash, read), POSTGRESQL).squash("d4", null, DATE).text())
                .startsWith("-- Squash of 2 revisions\n").contains("-- Squashes: a1, b2, c3\n",
                        "-- Squashed Checksum: " + scripts.get(3).checksum() + "\n");
    }

    private static List<RevisionScript> replace(List<RevisionScript> scripts, SquashedScript squash,
            RevisionScript read) {
        List<RevisionScript> after = new ArrayList<>();
        for (RevisionScript script : scripts) {
            if (script.id().equals(squash.revision())) {
                after.add(read);
            } else if (!squash.replaced().contains(script)) {
                after.add(script);
            }
        }
        return after;
    }

    @Test
    void theRevisionsBeforeTheSquashStillMatchTheirLog() {
        List<RevisionScript> scripts = chain();
        String before = scripts.get(2).checksum();
        RevisionScript read = ScriptLoader.parse("filesystem:/m/c3_x.sql",
                Squasher.of(scripts, POSTGRESQL).squash("c3", null, DATE).text());
        Squash squash = read.squash().orElseThrow();
        assertThat(read.checksum()).isNotEqualTo(before);
        assertThat(squash.ranBefore(before)).isTrue();
        assertThat(squash.ranBefore(before.substring(0, before.lastIndexOf(':')) + ":none")).isTrue();
        assertThat(squash.ranBefore(scripts.get(1).checksum())).isFalse();
        assertThat(squash.ranBefore(null)).isFalse();
        assertThat(squash.replacedParents("b2")).isTrue();
        assertThat(squash.replacedParents("b2,a1")).isTrue();
        assertThat(squash.replacedParents("d4")).isFalse();
    }

    @Test
    void aRevisionOutsideMayBuildOnlyOnTheLastOne() {
        List<RevisionScript> branched = new ArrayList<>(chain());
        branched.add(sql("e5", "b2", "", "SELECT 1;", null));
        assertThatThrownBy(() -> Squasher.of(branched, POSTGRESQL).squash("c3", null, DATE))
                .isInstanceOf(SquashException.class)
                .hasMessage("Cannot squash up to c3: revision e5 (filesystem:/m/e5_x.sql) revises b2, which the squash"
                        + " would replace, and would lose its parent. Merge the branches first and squash up to the"
                        + " merge, or squash up to b2");

        List<RevisionScript> depends = new ArrayList<>(chain());
        depends.add(sql("e5", "d4", "-- Depends On: a1", "SELECT 1;", null));
        assertThatThrownBy(() -> Squasher.of(depends, POSTGRESQL).squash("c3", null, DATE))
                .hasMessageContaining("revision e5 (filesystem:/m/e5_x.sql) depends on a1, which the squash would"
                        + " replace. Change its 'Depends On' to c3");

        // A branch label moves to the squash, so a dependency on it stays good.
        List<RevisionScript> label = new ArrayList<>(List.of(
                sql("a1", "", "-- Branch Labels: base_schema", "SELECT 1;", ""),
                sql("b2", "a1", "", "SELECT 2;", ""),
                sql("x9", "", "-- Depends On: base_schema", "SELECT 3;", "")));
        RevisionScript read = ScriptLoader.parse("filesystem:/m/b2_x.sql",
                Squasher.of(label, POSTGRESQL).squash("b2", null, DATE).text());
        assertThat(read.branchLabels()).containsExactly("base_schema");
    }

    @Test
    void nothingBelowOrNoRevisionIsNothingToSquash() {
        assertThatThrownBy(() -> Squasher.of(chain(), POSTGRESQL).squash("a1", null, DATE))
                .isInstanceOf(SquashException.class)
                .hasMessage("Revision a1 (filesystem:/m/a1_x.sql) has no revision below it: there is nothing to"
                        + " squash into it");
        assertThatThrownBy(() -> Squasher.of(chain(), POSTGRESQL).squash("base", null, DATE))
                .hasMessageStartingWith("'base' names no revision to squash up to");
        assertThatThrownBy(() -> Squasher.of(chain(), POSTGRESQL).squash("zz", null, DATE))
                .hasMessageContaining("Can't locate revision identified by 'zz'");
    }

    @Test
    void oneIrreversibleOrNonTransactionalRevisionDecidesForTheSquash() {
        List<RevisionScript> scripts = List.of(
                sql("a1", "", "-- Lock Timeout: 2s\n-- Statement Timeout: 30s", "CREATE TABLE t (id int);",
                        "DROP TABLE t;"),
                sql("b2", "a1", "-- Transactional: false\n-- Lock Timeout: 1min",
                        "CREATE INDEX CONCURRENTLY ix_t ON t (id);", null),
                sql("c3", "b2", "-- Statement Timeout: 0\n-- Deferred: true\n-- Phase: contract", "SELECT 1;",
                        "SELECT 2;"));
        SquashedScript squash = Squasher.of(scripts, POSTGRESQL).squash("c3", null, DATE);
        RevisionScript read = ScriptLoader.parse("filesystem:/m/c3_x.sql", squash.text());
        assertThat(read.transactional()).isFalse();
        assertThat(read.reversible()).isFalse();
        assertThat(read.lockTimeout()).contains(Duration.ofMinutes(1));
        assertThat(read.statementTimeout()).contains(Duration.ZERO);
        assertThat(squash.text()).doesNotContain("migrate:downgrade");
        assertThat(read.deferred()).isFalse();
        assertThat(read.phase()).isEqualTo(Phase.EXPAND);
        assertThat(squash.notes()).containsExactly(
                "No downgrade part: b2 has none, so the squash is irreversible",
                "Transactional: false, as b2 ran outside a transaction: a failure part way leaves the statements"
                        + " before it applied",
                "Not deferred: c3 was deferred, and the squash runs with the start-up of a new database",
                "Not contract: c3 was a contract revision, which a new database gets with the rest; squash only"
                        + " once every database in use has it (a database without the squashed revision cannot go"
                        + " on with this build)");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.format(Duration.ofHours(2))).isEqualTo("2h");
    }

    @Test
    void placeholdersAreReplacedInTheSquashUnlessItsMembersHoldTextThatRunsAsWritten() {
        List<RevisionScript> replaced = List.of(sql("a1", "", "", "CREATE TABLE ${table} (id int);", "DROP TABLE t;"),
                sql("b2", "a1", "", "SELECT 1;", "SELECT 2;"));
        RevisionScript squash = ScriptLoader.parse("filesystem:/m/b2_x.sql",
                Squasher.of(replaced, POSTGRESQL).squash("b2", null, DATE).text());
        assertThat(squash.placeholders()).isTrue();
        assertThat(squash.text()).contains("CREATE TABLE ${table} (id int);");

        List<RevisionScript> asWritten = List.of(sql("a1", "", "", "CREATE TABLE t (v text);", "DROP TABLE t;"),
                sql("b2", "a1", "-- Placeholders: false", "INSERT INTO t VALUES ('Hello ${name}');", "DELETE FROM t;"));
        RevisionScript kept = ScriptLoader.parse("filesystem:/m/b2_x.sql",
                Squasher.of(asWritten, POSTGRESQL).squash("b2", null, DATE).text());
        assertThat(kept.placeholders()).isFalse();

        List<RevisionScript> both = List.of(sql("a1", "", "", "CREATE TABLE ${table} (v text);", "DROP TABLE t;"),
                sql("b2", "a1", "-- Placeholders: false", "INSERT INTO t VALUES ('Hello ${name}');", "DELETE FROM t;"),
                sql("c3", "b2", "", "SELECT 1;", "SELECT 2;"));
        assertThatThrownBy(() -> Squasher.of(both, POSTGRESQL).squash("c3", null, DATE))
                .isInstanceOf(SquashException.class)
                .hasMessage("Cannot squash up to c3: a1 use placeholders (${name}) and b2 hold ${...} text that runs as"
                        + " written ('Placeholders: false', or a Java revision), which one script cannot keep apart."
                        + " Squash up to a revision below the first of them");
    }

    @Test
    void mariaDbStatementsReadBackAsWritten() {
        List<RevisionScript> scripts = List.of(
                sql("a1", "", "", """
                        CREATE TABLE t (id int, name varchar(20)); # a comment
                        INSERT INTO t VALUES (1, 'O\\'Brien');
                        DELIMITER ;;
                        CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END;;
                        DELIMITER ;""", "DROP PROCEDURE p;\nDROP TABLE t;"),
                sql("b2", "a1", "", "ALTER TABLE t ADD COLUMN v text # trailing", "ALTER TABLE t DROP COLUMN v;"));
        SquashedScript squash = Squasher.of(scripts, MARIADB).squash("b2", null, DATE);
        RevisionScript read = ScriptLoader.parse("filesystem:/m/b2_x.sql", squash.text());
        assertThat(statements(read.upgradeStatements(MARIADB))).containsExactly(
                "CREATE TABLE t (id int, name varchar(20))", "INSERT INTO t VALUES (1, 'O\\'Brien')",
                "CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END", "ALTER TABLE t ADD COLUMN v text");
        // As written, comments and DELIMITER lines kept; the last statement, unterminated, gets its terminator.
        assertThat(squash.text()).contains("# a comment\n", "DELIMITER ;;\n",
                "ALTER TABLE t ADD COLUMN v text # trailing\n;\n");
    }

    @Revision(id = "j2", revises = "a1")
    static class AddColumn implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            op.addColumn("t", Column.of("created", Type.TIMESTAMPTZ));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropColumn("t", "created");
        }
    }

    @Revision(id = "j2", revises = "a1", version = "1")
    static class ReadsTheDatabase implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            if (!op.hasColumn("t", "created")) {
                op.addColumn("t", Column.of("created", Type.TIMESTAMPTZ));
            }
        }
    }

    @Test
    void javaRevisionsAreWrittenAsTheirOperationsRender() {
        List<RevisionScript> scripts = List.of(sql("a1", "", "", "CREATE TABLE t (id int);", "DROP TABLE t;"),
                JavaRevisions.load(new AddColumn(), NamingConvention.DEFAULT),
                sql("c3", "j2", "", "SELECT 1;", ""));
        SquashedScript squash = Squasher.of(scripts, POSTGRESQL).squash("c3", null, DATE);
        assertThat(squash.text()).containsPattern("-- j2: java:\\S+AddColumn\nALTER TABLE t ADD COLUMN created"
                + " TIMESTAMP WITH TIME ZONE;\n");
        assertThat(squash.notes()).singleElement().asString().startsWith("Java revisions written as the SQL their"
                + " operations render for postgresql; delete their classes: java:");

        List<RevisionScript> reads = List.of(scripts.get(0),
                JavaRevisions.load(new ReadsTheDatabase(), NamingConvention.DEFAULT), scripts.get(2));
        assertThatThrownBy(() -> Squasher.of(reads, POSTGRESQL).squash("c3", null, DATE))
                .isInstanceOf(SquashException.class)
                .hasMessageStartingWith("Cannot squash revision j2 (java:")
                .hasMessageEndingWith("Squash up to a revision below it, or make it one that does not read the"
                        + " database");
    }

    @Test
    void theHeaderLinesAreChecked() {
        assertThatThrownBy(() -> sql("c3", "", "-- Squashes: c3", "SELECT 1;", null))
                .isInstanceOf(ScriptFormatException.class)
                .hasMessageContaining(":5: 'Squashes' names the script's own revision c3");
        assertThatThrownBy(() -> sql("c3", "", "-- Squashed Checksum: v2:abc", "SELECT 1;", null))
                .isInstanceOf(ScriptFormatException.class)
                .hasMessageContaining("'Squashed Checksum' without 'Squashes'");
        assertThatThrownBy(() -> sql("c3", "", "-- Squashes: a1, b-2", "SELECT 1;", null))
                .isInstanceOf(ScriptFormatException.class)
                .hasMessageContaining("not allowed in revision identifier 'b-2'");
    }
}
