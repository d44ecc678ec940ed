package io.samokoder.migrations.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.MigrationException;
import io.samokoder.migrations.graph.Revision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class ScriptHeaderTest {

    static final String FULL = """
            -- Add users table
            --
            -- Revision ID: 3f2a9c1b7d4e
            -- Revises: 1c9d2e4f6a8b
            -- Create Date: 2026-11-24 12:00:00
            -- Branch Labels: users
            -- Depends On: 9e8d7c6b5a4f
            -- Transactional: true
            -- Lock Timeout: 5s
            -- Statement Timeout: 10min

            -- migrate:upgrade
            CREATE TABLE users (id uuid PRIMARY KEY, email varchar(255) NOT NULL);
            CREATE UNIQUE INDEX ix_users_email ON users (email);

            -- migrate:downgrade
            DROP INDEX ix_users_email;
            DROP TABLE users;
            """;

    private static RevisionScript parse(String text) {
        return ScriptLoader.parse("db/x.sql", text);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertFormatError(String text, int line) {
        return assertThatThrownBy(() -> parse(text))
                .isInstanceOfSatisfying(ScriptFormatException.class, e -> {
                    assertThat(e.file()).isEqualTo("db/x.sql");
                    assertThat(e.line()).isEqualTo(line);
                })
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("db/x.sql:" + line + ": ");
    }

    private static String script(String header) {
        return header + "\n-- migrate:upgrade\nSELECT 1;\n";
    }

    @Test
    void parsesTheDocumentedExample() {
        RevisionScript script = parse(FULL);
        assertThat(script.id()).isEqualTo("3f2a9c1b7d4e");
        assertThat(script.message()).isEqualTo("Add users table");
        assertThat(script.description()).isEqualTo("db/x.sql");
        assertThat(script.createDate()).contains("2026-11-24 12:00:00");
        assertThat(script.transactional()).isTrue();
        assertThat(script.lockTimeout()).contains(Duration.ofSeconds(5));
        assertThat(script.statementTimeout()).contains(Duration.ofMinutes(10));
        assertThat(script.reversible()).isTrue();
        assertThat(script.revision()).isEqualTo(new Revision("3f2a9c1b7d4e", List.of("1c9d2e4f6a8b"), Set.of("users"),
                List.of("9e8d7c6b5a4f"), "Add users table", "db/x.sql"));
        assertThat(script.upgradeStatements()).containsExactly(
                new SqlStatement("CREATE TABLE users (id uuid PRIMARY KEY, email varchar(255) NOT NULL)", 1, 13),
                new SqlStatement("CREATE UNIQUE INDEX ix_users_email ON users (email)", 2, 14));
        assertThat(script.downgradeStatements()).containsExactly(
                new SqlStatement("DROP INDEX ix_users_email", 1, 17),
                new SqlStatement("DROP TABLE users", 2, 18));
    }

    @Test
    void minimalRootScriptHasDefaults() {
        RevisionScript script = parse("-- init\n-- Revision ID: a1\n-- Revises:\n\n-- migrate:upgrade\nSELECT 1;\n");
        assertThat(script.downRevisions()).isEmpty();
        assertThat(script.branchLabels()).isEmpty();
        assertThat(script.dependsOn()).isEmpty();
        assertThat(script.createDate()).isEmpty();
        assertThat(script.transactional()).isTrue();
        assertThat(script.lockTimeout()).isEmpty();
        assertThat(script.statementTimeout()).isEmpty();
        assertThat(script.reversible()).isFalse();
        assertThat(script.downgradeStatements()).isEmpty();
    }

    @Test
    void phaseIsExpandUnlessContractIsDeclared() {
        assertThat(parse(script("-- m\n-- Revision ID: r1")).phase()).isEqualTo(Phase.EXPAND);
        assertThat(parse(script("-- m\n-- Revision ID: r1\n-- Phase: Expand")).phase()).isEqualTo(Phase.EXPAND);
        RevisionScript contract = parse(script("-- m\n-- Revision ID: r1\n-- Phase: contract\n-- Deferred: true"));
        assertThat(contract.phase()).isEqualTo(Phase.CONTRACT);
        assertThat(contract.deferred()).isTrue();
        assertFormatError(script("-- m\n-- Revision ID: r1\n-- Phase: migrate"), 3)
                .hasMessageContaining("Invalid Phase 'migrate'; use expand or contract (a data migration between"
                        + " them is a revision with 'Deferred: true')");
    }

    @Test
    void mergeAndListsAreCommaSeparated() {
        RevisionScript script = parse(script(
                "-- merge\n-- Revision ID: m1\n-- Revises: a1, b2 ,c3\n-- Branch Labels: x, y\n-- Depends On: d4,e5"));
        assertThat(script.downRevisions()).containsExactly("a1", "b2", "c3");
        assertThat(script.branchLabels()).containsExactlyInAnyOrder("x", "y");
        assertThat(script.dependsOn()).containsExactly("d4", "e5");
    }

    @Test
    void keysIgnoreCaseAndExtraBlanks() {
        RevisionScript script = parse(script(
                "-- msg\n--REVISION id:  r1  \n--   revises :p0\n-- transactional: FALSE\n-- lock  timeout: 500ms"));
        assertThat(script.id()).isEqualTo("r1");
        assertThat(script.downRevisions()).containsExactly("p0");
        assertThat(script.transactional()).isFalse();
        assertThat(script.lockTimeout()).contains(Duration.ofMillis(500));
    }

    @Test
    void tabsBetweenKeyWordsCountAsOneBlank() {
        RevisionScript script = parse(script("-- msg\n-- Revision\t ID: r1\n-- Statement \t\tTimeout :2min"));
        assertThat(script.id()).isEqualTo("r1");
        assertThat(script.statementTimeout()).contains(Duration.ofMinutes(2));
    }

    @Test
    void nonAsciiLookalikeOfAKeyIsUnknown() {
        // U+0130 lower-cases to "i" plus a combining dot: not the key "Revision ID".
        assertFormatError(script("-- m\n-- Revision ID: r1\n-- Rev\u0130sion ID: r2"), 3)
                .hasMessageContaining("Unknown header key 'Rev\u0130sion ID'");
    }

    @Test
    void valueMayContainColons() {
        assertThat(parse(script("-- m\n-- Revision ID: r1\n"
                + "-- Create Date: 2026-01-02 03:04:05.123+00:00")).createDate())
                .contains("2026-01-02 03:04:05.123+00:00");
    }

    @Test
    void messageIsEmptyWhenTheHeaderStartsWithAKey() {
        RevisionScript script = parse(script("-- Revision ID: r1\n-- Revises: r0"));
        assertThat(script.message()).isEmpty();
        assertThat(script.downRevisions()).containsExactly("r0");
    }

    @Test
    void messageMayContainAColon() {
        assertThat(parse(script("-- Fix: users email\n-- Revision ID: r1")).message()).isEqualTo("Fix: users email");
    }

    @Test
    void leadingBlankLinesAndBlankHeaderLinesAreAllowed() {
        RevisionScript script = parse(script("\n\n--\n-- The message\n--\n-- Revision ID: r1\n--"));
        assertThat(script.message()).isEqualTo("The message");
        assertThat(script.id()).isEqualTo("r1");
    }

    @Test
    void commentsAfterTheHeaderAreNotHeaderLines() {
        RevisionScript script = parse("-- m\n-- Revision ID: r1\n\n-- Note: not a key\n-- migrate:upgrade\nSELECT 1;");
        assertThat(script.id()).isEqualTo("r1");
    }

    @Test
    void durationForms() {
        assertThat(parse(script("-- m\n-- Revision ID: r1\n-- Lock Timeout: 2min\n-- Statement Timeout: 1h")))
                .satisfies(s -> {
                    assertThat(s.lockTimeout()).contains(Duration.ofMinutes(2));
                    assertThat(s.statementTimeout()).contains(Duration.ofHours(1));
                });
        assertThat(parse(script("-- m\n-- Revision ID: r1\n-- Lock Timeout: 0\n-- Statement Timeout: 30 S")))
                .satisfies(s -> {
                    assertThat(s.lockTimeout()).contains(Duration.ZERO);
                    assertThat(s.statementTimeout()).contains(Duration.ofSeconds(30));
                });
    }

    @Test
    void markersAreCaseInsensitiveAndWhitespaceTolerant() {
        RevisionScript script = parse("-- m\n-- Revision ID: r1\n  --MIGRATE : Upgrade  \nSELECT 1;\n"
                + "\t--  migrate:DOWNGRADE\t\nSELECT 2;");
        assertThat(script.upgradeStatements()).containsExactly(new SqlStatement("SELECT 1", 1, 4));
        assertThat(script.downgradeStatements()).containsExactly(new SqlStatement("SELECT 2", 1, 6));
    }

    @Test
    void markerDirectlyAfterTheHeaderEndsIt() {
        RevisionScript script = parse("-- m\n-- Revision ID: r1\n-- migrate:upgrade\nSELECT 1;");
        assertThat(script.upgradeStatements()).hasSize(1);
    }

    @Test
    void emptyDowngradeIsReversibleWithNoStatements() {
        RevisionScript script = parse(script("-- m\n-- Revision ID: r1") + "-- migrate:downgrade\n");
        assertThat(script.reversible()).isTrue();
        assertThat(script.downgradeStatements()).isEmpty();
    }

    @Test
    void markerOnTheLastLineWithoutNewline() {
        RevisionScript script = parse("-- m\n-- Revision ID: r1\n-- migrate:upgrade\nSELECT 1;\n-- migrate:downgrade");
        assertThat(script.reversible()).isTrue();
        assertThat(script.downgradeStatements()).isEmpty();
    }

    @Test
    void commentsBetweenHeaderAndMarkerAreAllowed() {
        RevisionScript script = parse("-- m\n-- Revision ID: r1\n\n/* licence\n */\n-- note\n"
                + "-- migrate:upgrade\nSELECT 1;");
        assertThat(script.upgradeStatements()).containsExactly(new SqlStatement("SELECT 1", 1, 8));
    }

    @Test
    void sqlBeforeTheUpgradeMarkerIsAnError() {
        assertFormatError("-- m\n-- Revision ID: r1\n\nSELECT 0;\n-- migrate:upgrade\nSELECT 1;", 4)
                .hasMessageContaining("SQL before '-- migrate:upgrade'");
    }

    @Test
    void missingRevisionId() {
        assertFormatError(script("-- m\n-- Revises: a1"), 1)
                .hasMessageContaining("Missing 'Revision ID'").hasMessageContaining("-- Revision ID: <id>");
    }

    @Test
    void blankLineInsideTheHeaderIsExplained() {
        assertFormatError(script("-- m\n\n-- Revision ID: r1"), 1)
                .hasMessageContaining("Missing 'Revision ID'")
                .hasMessageContaining("ends before line 2; do not separate its lines with blank lines");
    }

    @Test
    void missingHeaderEntirely() {
        assertFormatError("CREATE TABLE t (id int);\n", 1).hasMessageContaining("Missing 'Revision ID'")
                .hasMessageNotContaining("Flyway").hasMessageNotContaining("Liquibase");
    }

    @Test
    void anotherToolsMigrationIsToldWhereToReadHowToBringItOver() {
        String advice = ": a revision carries its own id and parent in this header; README's 'Coming from Alembic,"
                + " Flyway or Liquibase' tells how to start from a baseline revision of the schema as it is and stamp"
                + " it where the schema exists)";
        for (String flyway : List.of("classpath:db/migration/V1__init.sql", "filesystem:/app/V2_1__add_users.sql",
                "V20240101.1200__x.sql", "U3__undo.sql")) {
            assertThatThrownBy(() -> ScriptLoader.parse(flyway, "CREATE TABLE t (id int);\n"))
                    .isInstanceOf(ScriptFormatException.class)
                    .hasMessageEndingWith("'-- Revises: <parent id>' (its name is a Flyway migration's" + advice);
        }
        assertThatThrownBy(() -> ScriptLoader.parse("classpath:db/migrations/R__views.sql",
                "CREATE VIEW v AS SELECT 1;"))
                .isInstanceOf(ScriptFormatException.class)
                .hasMessageEndingWith("'-- Revises: <parent id>' (its name is a Flyway repeatable migration's: move it,"
                        + " as it is, to a location of repeatable scripts, by default db/repeatable beside"
                        + " db/migrations; README, 'Repeatable scripts')");
        assertThatThrownBy(() -> ScriptLoader.parse("db/changes.sql", "--liquibase formatted sql\n"
                + "--changeset ann:1\nCREATE TABLE t (id int);\n"))
                .hasMessageStartingWith("db/changes.sql:2: Unknown header key 'changeset ann'")
                .hasMessageEndingWith("(it is a Liquibase formatted-SQL changelog" + advice);
        for (String plain : List.of("db/V1_init.sql", "db/v1__init.sql", "db/V__x.sql", "db/Va__x.sql")) {
            assertThatThrownBy(() -> ScriptLoader.parse(plain, "CREATE TABLE t (id int);\n"))
                    .hasMessageEndingWith("'-- Revises: <parent id>'");
        }
    }

    @Test
    void emptyRevisionId() {
        assertFormatError(script("-- m\n-- Revision ID:"), 2).hasMessageContaining("'Revision ID' is empty");
    }

    @Test
    void unknownKey() {
        assertFormatError(script("-- m\n-- Revision ID: r1\n-- Author: me"), 3)
                .hasMessageContaining("Unknown header key 'Author'")
                .hasMessageContaining("known keys are Revision ID, Revises");
    }

    @Test
    void headerLineWithoutColon() {
        assertFormatError(script("-- m\n-- Revision ID: r1\n-- some free text"), 3)
                .hasMessageContaining("is not 'Key: value'");
    }

    @Test
    void duplicateKeyNamesBothLines() {
        assertFormatError(script("-- m\n-- Revision ID: r1\n-- Revises: a\n-- revises: b"), 4)
                .hasMessageContaining("Duplicate header key 'Revises' (first on line 3)");
    }

    @Test
    void missingUpgradeMarker() {
        assertFormatError("-- m\n-- Revision ID: r1\n\nSELECT 1;\n", 3)
                .hasMessageContaining("Missing '-- migrate:upgrade' marker");
    }

    @Test
    void upgradeMarkerTwice() {
        assertFormatError(script("-- m\n-- Revision ID: r1") + "-- migrate:upgrade\n", 5)
                .hasMessageContaining("Second '-- migrate:upgrade' marker (the first is on line 3)");
    }

    @Test
    void downgradeMarkerTwice() {
        assertFormatError(script("-- m\n-- Revision ID: r1") + "-- migrate:downgrade\n\n-- migrate:downgrade\n", 7)
                .hasMessageContaining("Second '-- migrate:downgrade' marker (the first is on line 5)");
    }

    @Test
    void downgradeBeforeUpgrade() {
        assertFormatError("-- m\n-- Revision ID: r1\n-- migrate:downgrade\nSELECT 1;\n-- migrate:upgrade\n", 3)
                .hasMessageContaining("before '-- migrate:upgrade'");
    }

    @Test
    void badBoolean() {
        assertFormatError(script("-- m\n-- Revision ID: r1\n-- Transactional: yes"), 3)
                .hasMessageContaining("Invalid Transactional 'yes'; use true or false");
    }

    @Test
    void badDurations() {
        for (String bad : List.of("5", "5 sec", "-1s", "1.5s", "s", "100d", "99999h")) {
            assertFormatError(script("-- m\n-- Revision ID: r1\n-- Statement Timeout: " + bad), 3)
                    .hasMessageContaining("Invalid Statement Timeout '" + bad + "'")
                    .hasMessageContaining("500ms, 5s, 2min or 1h");
        }
    }

    @Test
    void forbiddenCharactersInRevisionIdAreSortedAndListed() {
        assertFormatError(script("-- m\n-- Revision ID: a+b-c@d"), 2)
                .hasMessageContaining("Character(s) '+, -, @' not allowed in revision identifier 'a+b-c@d'");
        assertFormatError(script("-- m\n-- Revision ID: x:y"), 2)
                .hasMessageContaining("Character(s) ':' not allowed in revision identifier 'x:y'");
    }

    @Test
    void forbiddenCharactersInRevises() {
        assertFormatError(script("-- m\n-- Revision ID: r1\n-- Revises: ok, bad-id"), 3)
                .hasMessageContaining("Character(s) '-' not allowed in revision identifier 'bad-id'");
    }

    @Test
    void revisionIdWithBlanksIsRejected() {
        assertFormatError(script("-- m\n-- Revision ID: a b"), 2)
                .hasMessageContaining("not a single revision identifier");
    }

    @Test
    void statementsAreNotSplitUntilAsked() {
        RevisionScript script = parse(script("-- m\n-- Revision ID: r1") + "SELECT 'unterminated;\n");
        assertThat(script.id()).isEqualTo("r1");
        assertThatThrownBy(script::upgradeStatements).isInstanceOf(ScriptFormatException.class)
                .hasMessageStartingWith("db/x.sql:5: Unterminated string literal");
    }

    @Test
    void statementsAreCached() {
        RevisionScript script = parse(FULL);
        assertThat(script.upgradeStatements()).isSameAs(script.upgradeStatements());
        assertThat(script.downgradeStatements()).isSameAs(script.downgradeStatements());
    }

    @Test
    void lazyValuesAreSafeToComputeFromManyThreads() throws Exception {
        RevisionScript script = parse(FULL);
        String expected = parse(FULL).checksum();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> script.checksum() + script.upgradeStatements().size()
                        + script.downgradeStatements().size()));
            }
            for (Future<String> result : results) {
                assertThat(result.get()).isEqualTo(expected + "22");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void parseAcceptsCarriageReturnsAndBom() {
        RevisionScript script = parse("\uFEFF" + FULL.replace("\n", "\r\n"));
        assertThat(script.id()).isEqualTo("3f2a9c1b7d4e");
        assertThat(script.downgradeStatements()).extracting(SqlStatement::line).containsExactly(17, 18);
        assertThat(parse(FULL.replace("\n", "\r")).upgradeStatements()).extracting(SqlStatement::line)
                .containsExactly(13, 14);
    }
}
