package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.samokoder.migrations.script.ScriptFormatException;
import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(PostgresDatabaseExtension.class)
class StatementFailureTest {

    private static Path scripts(Path dir) {
        return Rev.writeAll(dir,
                Rev.of("a1", "").message("Create first").up("CREATE TABLE first (id int);").down("DROP TABLE first;"),
                Rev.of("b2", "a1").message("Three statements, the second fails")
                        .up("CREATE TABLE second (id int);\nINSERT INTO missing_table VALUES (1);\nCREATE TABLE third (id int);")
                        .down("DROP TABLE second;"),
                Rev.of("c3", "b2").up("CREATE TABLE fourth (id int);").down("DROP TABLE fourth;"));
    }

    /** The failure of an upgrade to the heads with the scripts of {@code dir}. */
    private static MigrationExecutionException upgradeFails(DataSource ds, Path dir) {
        return catchThrowableOfType(MigrationExecutionException.class,
                () -> new Migrations(Db.config(ds, dir).build()).upgrade("heads"));
    }

    @Test
    void perRevisionRollsBackTheFailingRevisionOnly(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "per_revision");
        Migrations migrations = new Migrations(Db.config(ds, scripts(dir)).build());

        MigrationExecutionException e = catchThrowableOfType(MigrationExecutionException.class,
                () -> migrations.upgrade("heads"));

        assertThat(e.revision()).isEqualTo("b2");
        assertThat(e.file()).endsWith("b2.sql");
        assertThat(e.statementNumber()).isEqualTo(2);
        assertThat(e.line()).isEqualTo(9);
        assertThat(e.sqlState()).isEqualTo("42P01");
        assertThat(e.serverMessage()).contains("missing_table");
        assertThat(e.getMessage()).contains("Revision b2 failed at statement 2").contains("b2.sql, line 9")
                .contains("SQLSTATE 42P01").contains("rolled back").contains("unchanged at [a1]")
                .contains("Earlier steps of this run stay committed: a1");
        assertThat(migrations.current()).containsExactly("a1");
        assertThat(Db.tableExists(ds, "per_revision", "first")).isTrue();
        assertThat(Db.tableExists(ds, "per_revision", "second")).isFalse();
        assertThat(Db.strings(ds, "SELECT revision || ':' || direction || ':' || outcome FROM samokoder_migrations_log"
                + " ORDER BY id")).containsExactly("a1:up:success", "b2:up:failed");
    }

    @Test
    void aStatementThatCannotRunInATransactionIsToldHowToRunIt(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "no_tx");
        Rev.writeAll(dir, Rev.of("a1", "").up("CREATE TABLE t (id int, name text);\n"
                + "CREATE INDEX CONCURRENTLY ix_t_name ON t (name);").down("DROP TABLE t;"));

        MigrationExecutionException e = upgradeFails(ds, dir);

        assertThat(e.statementNumber()).isEqualTo(2);
        assertThat(e.sqlState()).isEqualTo("25001");
        assertThat(e.getMessage()).contains("rolled back").contains("The statement cannot run inside a transaction:"
                + " declare the revision non-transactional ('-- Transactional: false' in a script's header,"
                + " @Revision(transactional = false) in Java); it then runs in autocommit");
        assertThat(Db.tableExists(ds, "no_tx", "t")).isFalse();

        // As the message says.
        Rev.writeAll(dir, Rev.of("a1", "").nonTransactional().up("CREATE TABLE t (id int, name text);\n"
                + "CREATE INDEX CONCURRENTLY ix_t_name ON t (name);").down("DROP TABLE t;"));
        assertThat(new Migrations(Db.config(ds, dir).build()).upgrade("heads").steps()).hasSize(1);
        assertThat(Db.count(ds, "SELECT count(*) FROM pg_indexes WHERE schemaname = 'no_tx'"
                + " AND indexname = 'ix_t_name'")).isEqualTo(1);
    }

    @Test
    void aRevisionThatWouldEndTheEnginesTransactionFailsTheRunBeforeTheRevisionsBeforeIt(TestDatabase db,
            @TempDir Path dir) {
        DataSource ds = Db.schema(db, "pasted_later");
        Rev.writeAll(dir, Rev.of("a1", "").up("CREATE TABLE s (id int);").down("DROP TABLE s;"),
                Rev.of("b2", "a1").up("CREATE TABLE t (id int);\nCOMMIT;").down("DROP TABLE t;"));
        Migrations migrations = new Migrations(Db.config(ds, dir).build());

        for (Runnable run : List.<Runnable>of(() -> migrations.plan(Command.UPGRADE, "heads"),
                () -> migrations.upgrade("heads"))) {
            ScriptFormatException e = catchThrowableOfType(ScriptFormatException.class, run::run);
            assertThat(e.file()).endsWith("b2.sql");
            assertThat(e.getMessage()).contains("statement 2 is COMMIT, but the revision runs in a transaction");
        }
        assertThat(Db.tableExists(ds, "pasted_later", "s")).as("a1 did not run").isFalse();
        assertThat(Db.tableExists(ds, "pasted_later", "alembic_version")).isFalse();
    }

    @Test
    void aTransactionalRevisionMustNotEndTheEnginesTransaction(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "pasted");
        // As Alembic's --sql output writes each revision; before, t stayed committed and the run said rolled back.
        Rev.writeAll(dir, Rev.of("a1", "").up("CREATE TABLE s (id int);\nBEGIN;\nCREATE TABLE t (id int);\nCOMMIT;\n"
                + "CREATE TABLE u (id int);\nSELECT 1/0;").down("DROP TABLE u;"));

        ScriptFormatException e = catchThrowableOfType(ScriptFormatException.class,
                () -> new Migrations(Db.config(ds, dir).build()).upgrade("heads"));

        assertThat(e.file()).endsWith("a1.sql");
        assertThat(e.getMessage()).contains("statement 2 is BEGIN, but the revision runs in a transaction of the"
                + " engine's, with its version row, which it must not end").contains("Remove BEGIN, COMMIT and"
                + " ROLLBACK from the script (Alembic's --sql output has them around each revision), or declare it"
                + " '-- Transactional: false'");
        assertThat(Db.tableExists(ds, "pasted", "s")).as("never sent").isFalse();
        assertThat(Db.tableExists(ds, "pasted", "t")).isFalse();
        assertThat(Db.tableExists(ds, "pasted", "alembic_version")).isFalse();

        // Savepoints stay within the transaction.
        Rev.writeAll(dir, Rev.of("a1", "").up("CREATE TABLE s (id int);\nSAVEPOINT before_t;\n"
                + "CREATE TABLE t (id int);\nROLLBACK TO SAVEPOINT before_t;\nCREATE TABLE u (id int);")
                .down("DROP TABLE u;\nDROP TABLE s;"));
        new Migrations(Db.config(ds, dir).build()).upgrade("heads");
        assertThat(Db.tableExists(ds, "pasted", "t")).isFalse();
        assertThat(Db.tableExists(ds, "pasted", "u")).isTrue();
    }

    @Test
    void psqlsCopyFromStdinIsToldToBecomeInserts(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "copied");
        // As pg_dump writes a table's rows by default.
        Rev.writeAll(dir, Rev.of("a1", "").up("CREATE TABLE t (id int, name text);\n"
                + "COPY copied.t (id, name) FROM stdin;\n1\ta\n2\tb\n\\.\n").down("DROP TABLE t;"));

        MigrationExecutionException e = upgradeFails(ds, dir);

        assertThat(e.statementNumber()).isEqualTo(2);
        assertThat(e.getMessage()).contains("rolled back").contains("COPY ... FROM stdin reads the lines after it"
                + " from psql, which a migration cannot do: write the rows as INSERT statements (pg_dump --inserts or"
                + " --column-inserts writes them so).");
        assertThat(Db.tableExists(ds, "copied", "t")).isFalse();
    }

    @Test
    void psqlsRestrictLinesAreNoStatementsAndOtherBackslashCommandsAreToldToGo(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "restricted");
        // pg_dump 17.6, 16.10, 15.14 and later write a restrict command at the start and an unrestrict at the end.
        Rev.writeAll(dir, Rev.of("a1", "").up("\\restrict abc123\n\nCREATE TABLE t (id int);\n\n\\unrestrict abc123\n")
                .down("DROP TABLE t;"), Rev.of("b2", "a1").up("\\connect other\nCREATE TABLE u (id int);")
                .down("DROP TABLE u;"));

        MigrationExecutionException e = upgradeFails(ds, dir);

        assertThat(e.revision()).isEqualTo("b2");
        assertThat(e.statementNumber()).isEqualTo(1);
        assertThat(e.getMessage()).contains("A line that starts with a backslash is a command of psql (\\connect,"
                + " \\i, \\copy, ...), not SQL: remove it from the script.");
        assertThat(Db.tableExists(ds, "restricted", "t")).as("a1 ran").isTrue();
    }

    @Test
    void aScriptThatEmptiesTheSearchPathIsToldSo(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "dumped");
        // As pg_dump's output begins: every name after it must carry its schema, the engine's own tables' too.
        Rev.writeAll(dir, Rev.of("a1", "").up("CREATE TABLE first (id int);").down("DROP TABLE first;"),
                Rev.of("b2", "a1").message("Pasted from pg_dump")
                        .up("SELECT pg_catalog.set_config('search_path', '', false);\n"
                                + "CREATE TABLE dumped.second (id int);")
                        .down("DROP TABLE dumped.second;"));
        Migrations migrations = new Migrations(Db.config(ds, dir).build());

        MigrationExecutionException e = catchThrowableOfType(MigrationExecutionException.class,
                () -> migrations.upgrade("heads"));

        assertThat(e.revision()).isEqualTo("b2");
        assertThat(e.statementNumber()).isZero();
        assertThat(e.sqlState()).isEqualTo("42P01");
        assertThat(e.getMessage()).contains("unchanged at [a1]")
                .contains("The engine's own table was not found after the revision's statements ran")
                .contains("set_config('search_path', ...), as pg_dump's output begins with")
                .contains("remove those statements from the script.");
        assertThat(migrations.current()).containsExactly("a1");
        assertThat(Db.tableExists(ds, "dumped", "second")).isFalse();
    }

    @Test
    void singleModeAppliesNothing(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "single_mode");
        Migrations migrations = new Migrations(Db.config(ds, scripts(dir))
                .transactionMode(TransactionMode.SINGLE).build());

        assertThatThrownBy(() -> migrations.upgrade("heads")).isInstanceOf(MigrationExecutionException.class)
                .hasMessageContaining("statement 2").hasMessageContaining("nothing was applied");

        assertThat(migrations.current()).isEmpty();
        assertThat(Db.tableExists(ds, "single_mode", "first")).isFalse();
        assertThat(Db.strings(ds, "SELECT revision || ':' || outcome FROM samokoder_migrations_log"))
                .containsExactly("b2:failed");
    }

    @Test
    void singleModeCommitsEverythingTogether(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "single_ok");
        Rev.writeAll(dir, Rev.of("a1", "").up("CREATE TABLE first (id int);").down("DROP TABLE first;"),
                Rev.of("b2", "a1").up("CREATE TABLE second (id int);").down("DROP TABLE second;"));
        Migrations migrations = new Migrations(Db.config(ds, dir).transactionMode(TransactionMode.SINGLE).build());

        MigrationResult result = migrations.upgrade("heads");

        assertThat(result.steps()).extracting(StepResult::revision).containsExactly("a1", "b2");
        assertThat(migrations.current()).containsExactly("b2");
        assertThat(migrations.downgrade("base").rowsAfter()).isEmpty();
        assertThat(Db.tableExists(ds, "single_ok", "first")).isFalse();
    }

    @Test
    void nonTransactionalRevisionSaysWhatStayed(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "non_tx");
        Rev.writeAll(dir, Rev.of("a1", "").nonTransactional()
                .up("CREATE TABLE kept (id int);\nINSERT INTO missing_table VALUES (1);").down("DROP TABLE kept;"));
        Migrations migrations = new Migrations(Db.config(ds, dir).build());

        assertThatThrownBy(() -> migrations.upgrade("heads")).isInstanceOf(MigrationExecutionException.class)
                .hasMessageContaining("not transactional").hasMessageContaining("its statement 1 was committed");
        assertThat(Db.tableExists(ds, "non_tx", "kept")).isTrue();
        assertThat(migrations.current()).isEmpty();
    }

    @Test
    void singleModeRefusesNonTransactionalRevisionsBeforeRunning(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "single_non_tx");
        Rev.writeAll(dir, Rev.of("a1", "").up("CREATE TABLE first (id int);").down("DROP TABLE first;"),
                Rev.of("b2", "a1").nonTransactional().up("CREATE TABLE second (id int);").down("DROP TABLE second;"));
        Migrations migrations = new Migrations(Db.config(ds, dir).transactionMode(TransactionMode.SINGLE).build());

        assertThatThrownBy(() -> migrations.upgrade("heads")).isInstanceOf(MigrationException.class)
                .hasMessageContaining("b2").hasMessageContaining("Transactional: false")
                .hasMessageContaining("nothing was run");
        assertThat(Db.tableExists(ds, "single_non_tx", "first")).isFalse();
    }

    @Test
    void downgradeThroughAnIrreversibleRevisionFailsBeforeAnythingRuns(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "irreversible");
        Rev.writeAll(dir, Rev.of("a1", "").up("CREATE TABLE first (id int);").irreversible(),
                Rev.of("b2", "a1").up("CREATE TABLE second (id int);").down("DROP TABLE second;"));
        Migrations migrations = new Migrations(Db.config(ds, dir).build());
        migrations.upgrade("heads");

        IrreversibleRevisionException e = catchThrowableOfType(IrreversibleRevisionException.class,
                () -> migrations.downgrade("base"));

        assertThat(e.revision()).isEqualTo("a1");
        assertThat(e.getMessage()).contains("a1.sql").contains("nothing was run");
        assertThat(migrations.current()).containsExactly("b2");
        assertThat(Db.tableExists(ds, "irreversible", "second")).isTrue();
        assertThat(migrations.downgrade("a1").rowsAfter()).containsExactly("a1");
    }

    @Test
    void unknownVersionRowStopsUpgradeWithAlembicsMessageAndAHint(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "unknown_row");
        Rev.writeAll(dir, Rev.of("a1", "").up("CREATE TABLE first (id int);").down("DROP TABLE first;"));
        Migrations migrations = new Migrations(Db.config(ds, dir).build());
        migrations.upgrade("heads");
        Db.exec(ds, "UPDATE alembic_version SET version_num = 'f00dcafe'");

        assertThatThrownBy(() -> migrations.upgrade("heads")).isInstanceOf(UnknownAppliedRevisionException.class)
                .hasMessageStartingWith("Can't locate revision identified by 'f00dcafe'")
                .hasMessageContaining("deleted or renamed").hasMessageContaining("stamp");
        assertThat(migrations.validate("heads").drift()).extracting(DriftProblem::revision).containsExactly("f00dcafe");

        MigrationResult stamped = migrations.stamp(List.of("a1"), true);
        assertThat(stamped.rowsAfter()).containsExactly("a1");
        assertThat(migrations.current()).containsExactly("a1");
    }

    @Test
    void statementTimeoutFromTheConfigurationAndFromTheHeader(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "statement_timeout");
        Rev.writeAll(dir, Rev.of("a1", "").up("SELECT pg_sleep(0.3);").down("SELECT 1;"),
                Rev.of("b2", "a1").header("Statement Timeout", "100ms").up("SELECT pg_sleep(3);").down("SELECT 1;"));
        Migrations limited = new Migrations(Db.config(ds, dir).statementTimeout(java.time.Duration.ofMillis(100))
                .build());
        assertThatThrownBy(() -> limited.upgrade("a1")).isInstanceOf(MigrationExecutionException.class)
                .hasMessageContaining("SQLSTATE 57014").hasMessageContaining("statement timeout");

        Migrations unlimited = new Migrations(Db.config(ds, dir).build());
        assertThat(unlimited.upgrade("a1").rowsAfter()).containsExactly("a1");
        MigrationExecutionException e = catchThrowableOfType(MigrationExecutionException.class,
                () -> unlimited.upgrade("heads"));
        assertThat(e.revision()).isEqualTo("b2");
        assertThat(e.sqlState()).isEqualTo("57014");
        assertThat(unlimited.current()).containsExactly("a1");
    }
}
