package io.samokoder.migrations.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.dialect.Dialects;
import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.JavaRevisionException;
import io.samokoder.migrations.java.JavaRevisions;
import io.samokoder.migrations.java.Revision;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.Index;
import io.samokoder.migrations.ops.NamingConvention;
import io.samokoder.migrations.ops.Operations;
import io.samokoder.migrations.ops.Type;
import io.samokoder.migrations.script.RevisionScript;
import io.samokoder.migrations.script.ScriptFormatException;
import io.samokoder.migrations.script.ScriptLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules on statements as written; no database (the linter never connects). */
class LinterTest {

    private static final Dialect POSTGRESQL = Dialects.forName("postgresql").orElseThrow();
    private static final Dialect MARIADB = Dialects.forName("mariadb").orElseThrow();
    private static final Dialect H2 = Dialects.forName("h2").orElseThrow();

    private static RevisionScript script(String header, String upgrade) {
        return ScriptLoader.parse("db/migrations/a1_test.sql", "-- test\n--\n-- Revision ID: a1\n" + header
                + "\n-- migrate:upgrade\n" + upgrade + "\n-- migrate:downgrade\n");
    }

    private static List<String> rules(Dialect dialect, String upgrade) {
        return rules(dialect, script("", upgrade));
    }

    private static List<String> rules(Dialect dialect, RevisionScript script) {
        return Linter.forDialect(dialect).lint(List.of(script)).findings().stream().map(f -> f.rule().id()).toList();
    }

    /** The findings of the phase rule where the map uses phases: a contract revision c9 beside the linted one. */
    private static List<String> phaseRules(Dialect dialect, RevisionScript script) {
        RevisionScript contract = ScriptLoader.parse("db/migrations/c9_drop.sql", "-- drop\n--\n-- Revision ID: c9\n"
                + "-- Phase: contract\n\n-- migrate:upgrade\nALTER TABLE accounts DROP COLUMN login;\n");
        return Linter.forDialect(dialect).withPhasesOf(List.of(script, contract)).lint(List.of(script, contract))
                .findings().stream().filter(f -> f.rule() == LintRule.DROP_IN_EXPAND)
                .map(f -> f.revision() + " " + f.rule().id() + " " + f.sql()).toList();
    }

    @Test
    void whereRevisionsUsePhasesOnlyAContractRevisionDropsOrRenames() {
        String drops = "ALTER TABLE accounts DROP COLUMN login, ADD COLUMN email text;\n"
                + "ALTER TABLE accounts RENAME COLUMN name TO full_name;\nDROP TABLE IF EXISTS sessions;\n"
                + "ALTER TABLE orders RENAME TO purchases;\nALTER TABLE orders DROP CONSTRAINT orders_pk;\n"
                + "ALTER TABLE orders ALTER COLUMN note DROP NOT NULL;\nCREATE TABLE tmp (id int);\nDROP TABLE tmp;";
        assertThat(phaseRules(POSTGRESQL, script("", drops))).containsExactly(
                "a1 drop-in-expand ALTER TABLE accounts DROP COLUMN login, ADD COLUMN email text",
                "a1 drop-in-expand ALTER TABLE accounts RENAME COLUMN name TO full_name",
                "a1 drop-in-expand DROP TABLE IF EXISTS sessions",
                "a1 drop-in-expand ALTER TABLE orders RENAME TO purchases");
        assertThat(phaseRules(MARIADB, script("", "ALTER TABLE accounts DROP login;\n"
                + "ALTER TABLE accounts CHANGE name full_name varchar(50);\n"
                + "ALTER TABLE accounts CHANGE note note text;\nRENAME TABLE orders TO purchases;\n"
                + "ALTER TABLE accounts DROP INDEX ix_login;"))).containsExactly(
                "a1 drop-in-expand ALTER TABLE accounts DROP login",
                "a1 drop-in-expand ALTER TABLE accounts CHANGE name full_name varchar(50)",
                "a1 drop-in-expand RENAME TABLE orders TO purchases");
        // The contract revision itself, a revision marked to ignore the rule, and a map without phases: nothing.
        assertThat(phaseRules(POSTGRESQL, script("-- Phase: contract", drops))).isEmpty();
        assertThat(phaseRules(POSTGRESQL, script("", "-- lint: ignore drop-in-expand\nDROP TABLE sessions;")))
                .isEmpty();
        assertThat(rules(POSTGRESQL, drops)).isEmpty();
        LintFinding finding = Linter.forDialect(POSTGRESQL).withPhasesOf(List.of(script("-- Phase: contract", "")))
                .lint(List.of(script("", "DROP TABLE sessions;"))).findings().get(0);
        assertThat(finding.problem()).isEqualTo("Drops table \"sessions\" in a revision that is not a contract"
                + " revision: the previous build, which runs beside the new one during a rolling deploy, may still"
                + " read it");
        assertThat(finding.advice()).startsWith("Move it to a revision with '-- Phase: contract'");
    }

    @Test
    void anIndexOnATableInUseIsBuiltConcurrently() {
        RevisionScript script = script("", "SELECT 1;\n\nCREATE INDEX ix_a ON public.accounts (email);");
        LintReport report = Linter.forDialect(POSTGRESQL).lint(List.of(script));
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(LintRule.INDEX_WITHOUT_CONCURRENTLY);
            assertThat(f.revision()).isEqualTo("a1");
            assertThat(f.location()).isEqualTo("db/migrations/a1_test.sql:8");
            assertThat(f.statement()).isEqualTo(2);
            assertThat(f.sql()).isEqualTo("CREATE INDEX ix_a ON public.accounts (email)");
            assertThat(f.problem()).contains("\"accounts\"", "SHARE lock");
            assertThat(f.advice()).contains("CREATE INDEX CONCURRENTLY", "Transactional: false");
        });
        assertThat(report.database()).isEqualTo("postgresql");
        assertThat(report.revisions()).containsExactly("a1");
        assertThat(rules(POSTGRESQL, "CREATE UNIQUE INDEX IF NOT EXISTS ON accounts (lower(email))"))
                .containsExactly("index-without-concurrently");
    }

    @Test
    void concurrentlyNeedsARevisionOutsideATransaction() {
        String sql = "CREATE INDEX CONCURRENTLY ix_a ON accounts (email);\nDROP INDEX CONCURRENTLY ix_b;\n"
                + "REINDEX INDEX CONCURRENTLY ix_c;";
        assertThat(rules(POSTGRESQL, sql)).containsExactly("concurrently-in-transaction",
                "concurrently-in-transaction", "concurrently-in-transaction");
        assertThat(rules(POSTGRESQL, script("-- Transactional: false", sql))).isEmpty();
    }

    @Test
    void aTableCreatedInTheSameRevisionIsLeftAlone() {
        String sql = """
                CREATE TABLE IF NOT EXISTS "Orders" (id bigint PRIMARY KEY, account_id bigint NOT NULL);
                CREATE INDEX ix_orders_account ON "Orders" (account_id);
                ALTER TABLE "Orders" ADD CONSTRAINT fk_orders FOREIGN KEY (account_id) REFERENCES accounts (id),
                    ADD COLUMN total numeric NOT NULL, ALTER COLUMN account_id SET NOT NULL;
                DROP INDEX ix_orders_account;
                CREATE UNLOGGED TABLE app.scratch (v text);
                ALTER TABLE scratch ALTER COLUMN v TYPE varchar(10);""";
        assertThat(rules(POSTGRESQL, sql)).isEmpty();
        // Not the same table: the quoted name keeps its case.
        assertThat(rules(POSTGRESQL, "CREATE TABLE \"Orders\" (id int);\nCREATE INDEX ix ON orders (id);"))
                .containsExactly("index-without-concurrently");
    }

    @Test
    void alterTableActionsAreEachLookedAt() {
        String sql = """
                ALTER TABLE accounts
                    ADD CONSTRAINT fk_owner FOREIGN KEY (owner_id) REFERENCES users (id),
                    ADD CONSTRAINT fk_plan FOREIGN KEY (plan_id) REFERENCES plans (id) NOT VALID,
                    ADD CHECK (balance >= 0),
                    ADD CONSTRAINT ck_name CHECK (name <> '') NOT VALID,
                    ALTER COLUMN email SET NOT NULL,
                    ALTER email SET DATA TYPE varchar(320),
                    ALTER COLUMN name TYPE text USING name::text,
                    ALTER COLUMN name SET DEFAULT 'x',
                    ADD COLUMN tier int NOT NULL,
                    ADD COLUMN level int NOT NULL DEFAULT 0,
                    ADD COLUMN code uuid DEFAULT gen_random_uuid(),
                    ADD COLUMN created timestamptz NOT NULL DEFAULT now(),
                    ADD seq bigserial,
                    ADD COLUMN total numeric GENERATED ALWAYS AS (balance * 2) STORED,
                    ADD COLUMN checked int CHECK (checked IS NOT NULL),
                    ADD COLUMN code text UNIQUE,
                    ADD COLUMN ident bigint NOT NULL PRIMARY KEY,
                    ADD UNIQUE (email),
                    ADD CONSTRAINT pk PRIMARY KEY USING INDEX ix_pk,
                    ADD CONSTRAINT uq UNIQUE (name) USING INDEX TABLESPACE fast,
                    VALIDATE CONSTRAINT fk_plan""";
        assertThat(rules(POSTGRESQL, sql)).containsExactly("constraint-without-not-valid",
                "constraint-without-not-valid", "set-not-null", "column-type-change", "column-type-change",
                "not-null-without-default", "add-column-rewrites", "add-column-rewrites", "add-column-rewrites",
                "constraint-builds-index", "not-null-without-default", "constraint-builds-index",
                "constraint-builds-index", "constraint-builds-index");
    }

    @Test
    void theAdviceNamesTheJavaFormToo() {
        LintReport report = Linter.forDialect(POSTGRESQL).lint(List.of(script("",
                "ALTER TABLE a ADD FOREIGN KEY (b) REFERENCES b (id);\nALTER TABLE a ADD CHECK (c > 0);")));
        assertThat(report.findings()).extracting(LintFinding::advice).satisfiesExactly(
                fk -> assertThat(fk).startsWith("Add it NOT VALID").endsWith("ForeignKey's notValid(), then"
                        + " op.validateConstraint)"),
                check -> assertThat(check).startsWith("Add it NOT VALID").endsWith("Check's notValid(), then"
                        + " op.validateConstraint)"));
    }

    @Test
    void dropIndexAndMaintenance() {
        String sql = """
                DROP INDEX IF EXISTS ix_old;
                CREATE INDEX ix_new ON t (a);
                DROP INDEX ix_new;
                VACUUM FULL t;
                VACUUM (FULL, ANALYZE) t;
                VACUUM ANALYZE t;
                CLUSTER t USING ix_t;
                REINDEX TABLE t;
                REFRESH MATERIALIZED VIEW totals;
                REFRESH MATERIALIZED VIEW CONCURRENTLY totals""";
        assertThat(rules(POSTGRESQL, sql)).containsExactly("drop-index-without-concurrently",
                "index-without-concurrently", "blocking-maintenance", "blocking-maintenance", "blocking-maintenance",
                "blocking-maintenance", "blocking-maintenance");
    }

    @Test
    void stringsCommentsAndOtherStatementsAreNotRead() {
        String sql = """
                INSERT INTO notes (body) VALUES ('CREATE INDEX ix ON t (a)');
                COMMENT ON TABLE t IS 'ALTER TABLE t ALTER COLUMN a SET NOT NULL';
                /* CREATE INDEX ix ON t (a) */ SELECT 1;
                DO $$ BEGIN EXECUTE 'CREATE INDEX ix ON t (a)'; END $$;
                CREATE INDEX CONCURRENTLY ix ON t (a)""";
        assertThat(rules(POSTGRESQL, script("-- Transactional: false", sql))).isEmpty();
    }

    @Test
    void markersSilenceARuleOrEvery() {
        String sql = """
                -- the table is small
                -- lint: ignore index-without-concurrently
                CREATE INDEX ix_a ON accounts (email);
                -- lint: ignore
                ALTER TABLE accounts ALTER COLUMN email SET NOT NULL, ADD CHECK (a > 0);
                ALTER TABLE accounts -- lint: ignore set-not-null
                    ALTER COLUMN name SET NOT NULL;
                -- lint: ignore set-not-null, column-type-change

                CREATE INDEX ix_b ON accounts (name);""";
        // The last marker stands above a blank line: it is not the index's.
        assertThat(rules(POSTGRESQL, sql)).containsExactly("index-without-concurrently");
        assertThat(Linter.forDialect(POSTGRESQL).ignoring(List.of(LintRule.INDEX_WITHOUT_CONCURRENTLY))
                .lint(List.of(script("", sql))).findings()).isEmpty();
    }

    @Test
    void aMarkerThatNamesNoRuleFailsNamingTheFileAndLine() {
        RevisionScript script = script("",
                "SELECT 1;\n-- lint: ignore index-without-concurent\nCREATE INDEX ix ON t (a);");
        assertThatThrownBy(() -> Linter.forDialect(POSTGRESQL).lint(List.of(script)))
                .isInstanceOf(ScriptFormatException.class)
                .hasMessageContaining("db/migrations/a1_test.sql")
                .hasMessageContaining("a1_test.sql:7:")
                .hasMessageContaining("names no lint rule 'index-without-concurent'")
                .hasMessageContaining("index-without-concurrently");
        RevisionScript typo = script("", "-- lint: ignre\nCREATE INDEX ix ON t (a);");
        assertThatThrownBy(() -> Linter.forDialect(POSTGRESQL).lint(List.of(typo)))
                .isInstanceOf(ScriptFormatException.class).hasMessageContaining("is not a lint marker");
    }

    @Revision(id = "b2", revises = "a1")
    static class AddIndex implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            op.createTable("fresh", Column.of("id", Type.BIGINT).primaryKey());
            op.createIndex("ix_fresh", "fresh", "id");
            op.createIndex("ix_accounts_email", "accounts", "email");
        }
    }

    @Revision(id = "d4", revises = "c3")
    static class AddIndexConcurrently implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            // Runs outside a transaction by itself: nothing to report.
            op.createIndex(Index.on("accounts", "name").concurrently());
        }
    }

    @Revision(id = "e5", revises = "d4")
    @LintIgnore("index-without-concurrently")
    static class SmallTableIndex implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            op.createIndex("ix_flags_name", "flags", "name");
            op.alterColumn("flags", "name", c -> c.nullable(false));
        }
    }

    @Revision(id = "f6", revises = "e5")
    @LintIgnore
    static class IgnoresAll extends SmallTableIndex {
    }

    @Revision(id = "f7", revises = "e5")
    @LintIgnore({"set-not-null", "no-such-rule"})
    static class NamesNoRule extends SmallTableIndex {
    }

    @Revision(id = "c3", revises = "b2", version = "1")
    static class Inspects implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            if (!op.hasColumn("accounts", "email")) {
                op.addColumn("accounts", Column.of("email", Type.TEXT));
            }
        }
    }

    @Test
    void javaRevisionsAreLintedAsRendered() {
        RevisionScript java = JavaRevisions.load(new AddIndex(), NamingConvention.DEFAULT);
        RevisionScript inspects = JavaRevisions.load(new Inspects(), NamingConvention.DEFAULT);
        RevisionScript concurrently = JavaRevisions.load(new AddIndexConcurrently(), NamingConvention.DEFAULT);
        LintReport report = Linter.forDialect(POSTGRESQL).lint(List.of(java, inspects, concurrently));
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(LintRule.INDEX_WITHOUT_CONCURRENTLY);
            assertThat(f.line()).isZero();
            assertThat(f.statement()).isEqualTo(3);
            assertThat(f.location()).isEqualTo(java.description() + " (statement 3)");
        });
        assertThat(report.revisions()).containsExactly("b2", "c3", "d4");
        assertThat(report.notLinted()).containsOnlyKeys("c3");
        assertThat(report.notLinted().get("c3")).contains(inspects.description(), "reads the database");
    }

    @Test
    void aJavaRevisionsLintIgnoreSilencesItsRules() {
        assertThat(rules(POSTGRESQL, JavaRevisions.load(new SmallTableIndex(), NamingConvention.DEFAULT)))
                .containsExactly("set-not-null");
        assertThat(rules(POSTGRESQL, JavaRevisions.load(new IgnoresAll(), NamingConvention.DEFAULT))).isEmpty();
        RevisionScript namesNoRule = JavaRevisions.load(new NamesNoRule(), NamingConvention.DEFAULT);
        assertThatThrownBy(() -> rules(POSTGRESQL, namesNoRule)).isInstanceOf(JavaRevisionException.class)
                .hasMessageContaining(NamesNoRule.class.getName())
                .hasMessageContaining("@LintIgnore names no lint rule 'no-such-rule'");
    }

    @Test
    void mariaDbCopiesForAForeignKeyAndSomeColumnChanges() {
        String sql = """
                CREATE INDEX ix_a ON accounts (email);
                ALTER TABLE accounts MODIFY COLUMN email varchar(320) NOT NULL;
                ALTER TABLE accounts CHANGE name full_name varchar(100), ALGORITHM=INPLACE, LOCK=NONE;
                ALTER TABLE `accounts` CONVERT TO CHARACTER SET utf8mb4;
                ALTER TABLE accounts ADD CONSTRAINT fk_owner FOREIGN KEY (owner_id) REFERENCES users (id);
                ALTER TABLE accounts ADD COLUMN note text # a comment's 'quote
                ;
                CREATE TABLE `orders` (id bigint PRIMARY KEY, account_id bigint);
                ALTER TABLE orders ADD FOREIGN KEY (account_id) REFERENCES accounts (id), MODIFY account_id int;
                SET foreign_key_checks = 0;
                ALTER TABLE accounts ADD FOREIGN KEY (plan_id) REFERENCES plans (id);
                SET foreign_key_checks = 1;
                ALTER TABLE accounts ADD FOREIGN KEY (team_id) REFERENCES teams (id);
                CREATE FULLTEXT INDEX ft_bio ON accounts (bio);
                ALTER TABLE accounts ADD SPATIAL INDEX sp_place (place), ADD INDEX ix_name (name);
                CREATE FULLTEXT INDEX ft_orders ON orders (note)""";
        assertThat(rules(MARIADB, sql)).containsExactly("alter-may-copy-table", "alter-may-copy-table",
                "foreign-key-copies-table", "foreign-key-copies-table", "index-blocks-writes", "index-blocks-writes");
    }

    @Test
    void h2HasNoRules() {
        assertThat(Linter.forDialect(H2).hasRules()).isFalse();
        assertThat(Linter.forDialect(POSTGRESQL).hasRules()).isTrue();
        assertThat(rules(H2, "CREATE INDEX ix_a ON accounts (email)")).isEmpty();
    }

    @Test
    void rulesAreFoundByTheirIds() {
        for (LintRule rule : LintRule.values()) {
            assertThat(LintRule.forId(rule.id().toUpperCase(java.util.Locale.ROOT))).contains(rule);
        }
        assertThat(LintRule.forId("no-such-rule")).isEmpty();
    }
}
