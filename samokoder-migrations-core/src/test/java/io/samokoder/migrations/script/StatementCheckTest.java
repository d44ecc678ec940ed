package io.samokoder.migrations.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.dialect.Dialects;
import org.junit.jupiter.api.Test;

/**
 * {@link RevisionScript#checkStatements} and {@link RevisionScript#refuseTransactionControl}: what a run checks
 * in every script of its plan before the first step.
 */
class StatementCheckTest {

    private static final Dialect POSTGRESQL = Dialects.forName("postgresql").orElseThrow();


    private static RevisionScript script(String upgrade, String downgrade) {
        return ScriptLoader.parse("db/a1.sql", "-- m\n-- Revision ID: a1\n-- Revises:\n\n-- migrate:upgrade\n" + upgrade
                + (downgrade == null ? "" : "\n-- migrate:downgrade\n" + downgrade));
    }

    private static String keyword(String sql) {
        return TransactionControl.keyword(sql, 0, sql.length());
    }

    @Test
    void transactionControlIsToldByItsFirstKeywords() {
        assertThat(keyword("BEGIN")).isEqualTo("BEGIN");
        assertThat(keyword("begin transaction isolation level serializable")).isEqualTo("BEGIN");
        assertThat(keyword("START TRANSACTION")).isEqualTo("START");
        assertThat(keyword("Commit")).isEqualTo("COMMIT");
        assertThat(keyword("COMMIT AND CHAIN")).isEqualTo("COMMIT");
        assertThat(keyword("END")).isEqualTo("END");
        assertThat(keyword("ROLLBACK")).isEqualTo("ROLLBACK");
        assertThat(keyword("rollback work")).isEqualTo("ROLLBACK");
        assertThat(keyword("ABORT")).isEqualTo("ABORT");

        assertThat(keyword("ROLLBACK TO SAVEPOINT s")).as("within the transaction").isNull();
        assertThat(keyword("rollback work to s")).isNull();
        assertThat(keyword("ROLLBACK TRANSACTION TO SAVEPOINT s")).isNull();
        assertThat(keyword("rollback\n  transaction\tto s")).isNull();
        assertThat(keyword("ROLLBACK TOMORROW")).as("a word that starts with TO is not TO").isEqualTo("ROLLBACK");
        assertThat(keyword("START TRANSACTIONS")).isNull();
        assertThat(keyword("SAVEPOINT s")).isNull();
        assertThat(keyword("START SLAVE")).isNull();
        assertThat(keyword("BEGIN NOT ATOMIC SELECT 1; END")).as("MariaDB's block").isNull();
        assertThat(keyword("ENDPOINT")).isNull();
        assertThat(keyword("CREATE TABLE commit (id int)")).isNull();
        assertThat(keyword("")).isNull();
        assertThat(TransactionControl.keyword("x; COMMIT; y", 3, 9)).as("a range of a text").isEqualTo("COMMIT");
    }

    @Test
    void transactionControlIsToldAfterBlanksAndComments() {
        // A Java revision's op.execute text is sent as written, so it may begin with them (a split part never does).
        assertThat(keyword("\n  COMMIT")).isEqualTo("COMMIT");
        assertThat(keyword("/* done */ COMMIT")).isEqualTo("COMMIT");
        assertThat(keyword("-- done\ncommit")).isEqualTo("COMMIT");
        assertThat(keyword("/* outer /* nested */ still a comment */ BEGIN")).as("PostgreSQL nests comments")
                .isEqualTo("BEGIN");
        assertThat(keyword("ROLLBACK /* back to */ TO SAVEPOINT s")).isNull();
        assertThat(keyword("rollback -- the work\n work to s")).isNull();
        assertThat(keyword("-- COMMIT\nSELECT 1")).isNull();
        assertThat(keyword("/* unterminated COMMIT")).isNull();
    }

    @Test
    void aStatementThatCommitsAfterACommentIsRefused() {
        RevisionScript script = script("SELECT 1;", null);

        ScriptFormatException e = catchThrowableOfType(ScriptFormatException.class,
                () -> script.refuseTransactionControl(new SqlStatement("/* finish the load */\nCOMMIT", 2, 0)));

        assertThat(e.getMessage()).contains("statement 2 is COMMIT");
    }

    @Test
    void aPartThatDoesNotSplitFailsAsTheSplitWouldAndKeepsNothing() {
        RevisionScript script = script("CREATE TABLE t (id int);\nINSERT INTO t VALUES ('open);\n", "DROP TABLE t;");

        ScriptFormatException e = catchThrowableOfType(ScriptFormatException.class,
                () -> script.checkStatements(true, false, POSTGRESQL));

        assertThat(e.getMessage()).startsWith("db/a1.sql:7: Unterminated string literal");
        assertThatCode(() -> script.checkStatements(false, true, POSTGRESQL)).as("the downgrade part is fine")
                .doesNotThrowAnyException();
    }

    @Test
    void inATransactionOfTheEnginesAStatementThatWouldEndItIsRefusedWithItsNumberAndLine() {
        RevisionScript script = script("CREATE TABLE s (id int);\nSAVEPOINT p;\nROLLBACK TO SAVEPOINT p;\n"
                + "/* pasted */ COMMIT;\nCREATE TABLE t (id int);", "BEGIN;\nDROP TABLE t;\nEND;");

        ScriptFormatException up = catchThrowableOfType(ScriptFormatException.class,
                () -> script.checkStatements(true, true, POSTGRESQL));
        ScriptFormatException down = catchThrowableOfType(ScriptFormatException.class,
                () -> script.checkStatements(false, true, POSTGRESQL));

        assertThat(up.line()).isEqualTo(9);
        assertThat(up.getMessage()).startsWith("db/a1.sql:9: statement 4 is COMMIT, but the revision runs in a"
                + " transaction of the engine's");
        assertThat(down.getMessage()).startsWith("db/a1.sql:12: statement 1 is BEGIN");
        assertThatCode(() -> script.checkStatements(true, false, POSTGRESQL)).as("in autocommit, it may commit")
                .doesNotThrowAnyException();
    }

    @Test
    void statementsSplitBeforeAreCheckedAsTheyAre() {
        RevisionScript script = script("CREATE TABLE s (id int);\nCOMMIT;", null);
        assertThat(script.upgradeStatements()).hasSize(2);

        ScriptFormatException e = catchThrowableOfType(ScriptFormatException.class,
                () -> script.checkStatements(true, true, POSTGRESQL));

        assertThat(e.getMessage()).startsWith("db/a1.sql:7: statement 2 is COMMIT");
        assertThatCode(() -> script.checkStatements(false, true, POSTGRESQL)).as("irreversible: no downgrade part")
                .doesNotThrowAnyException();
        assertThatCode(() -> script.refuseTransactionControl(new SqlStatement("ROLLBACK TO s", 1, 1)))
                .doesNotThrowAnyException();
    }
}
