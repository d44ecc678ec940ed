package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transactional revision's statements go to the server as one batch; these are the cases where
 * the batch fails, where a statement must not be batched, and what the failure then says.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class BatchedStatementsTest {

    @Test
    void aFailureInTheMiddleOfABatchNamesItsStatementInOneTransaction(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "batch_single");
        Rev.writeAll(dir, Rev.of("a1", "").up("CREATE TABLE first (id int);\nINSERT INTO first VALUES (1);")
                        .down("DROP TABLE first;"),
                Rev.of("b2", "a1").header("Lock Timeout", "2500ms")
                        .up("CREATE TABLE second (id int);\nINSERT INTO second VALUES (1);\n"
                                + "INSERT INTO missing_table VALUES (1);\nCREATE TABLE third (id int);")
                        .down("DROP TABLE second;"));
        List<String> events = new ArrayList<>();
        Migrations migrations = new Migrations(Db.config(ds, dir).transactionMode(TransactionMode.SINGLE)
                .listener(recorder(events)).build());

        MigrationExecutionException e = catchThrowableOfType(MigrationExecutionException.class,
                () -> migrations.upgrade("heads"));

        assertThat(e.revision()).isEqualTo("b2");
        assertThat(e.statementNumber()).isEqualTo(3);
        assertThat(e.line()).isEqualTo(11);
        assertThat(e.sqlState()).isEqualTo("42P01");
        assertThat(e.getMessage()).contains("Revision b2 failed at statement 3").contains("b2.sql, line 11")
                .contains("missing_table").contains("nothing was applied");
        assertThat(events).containsExactly("start a1", "start b2", "fail b2");
        assertThat(migrations.current()).isEmpty();
        assertThat(Db.tableExists(ds, "batch_single", "first")).isFalse();
        assertThat(Db.tableExists(ds, "batch_single", "second")).isFalse();
        assertThat(Db.strings(ds, "SELECT revision || ':' || outcome FROM samokoder_migrations_log"))
                .containsExactly("b2:failed");
    }

    @Test
    void aFailedStatementIsNamedFromTheDriversErrorAndNothingRunsTwice(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "batch_once");
        Rev.writeAll(dir, Rev.of("a1", "").up("CREATE SEQUENCE tries;").down("DROP SEQUENCE tries;"),
                Rev.of("b2", "a1").up("CREATE TABLE second (id int);\n"
                        + "DO $$BEGIN IF nextval('tries') = 1 THEN RAISE EXCEPTION 'first try'; END IF; END$$;\n"
                        + "CREATE TABLE third (id int);").down("DROP TABLE third;\nDROP TABLE second;"));
        Migrations migrations = new Migrations(Db.config(ds, dir).build());

        MigrationExecutionException e = catchThrowableOfType(MigrationExecutionException.class,
                () -> migrations.upgrade("heads"));

        assertThat(e.revision()).isEqualTo("b2");
        assertThat(e.statementNumber()).isEqualTo(2);
        assertThat(e.getMessage()).contains("first try");
        assertThat(Db.count(ds, "SELECT last_value FROM tries")).as("the DO block ran once").isEqualTo(1);
        assertThat(Db.tableExists(ds, "batch_once", "second")).isFalse();
        assertThat(Db.strings(ds, "SELECT revision || ':' || outcome FROM samokoder_migrations_log ORDER BY id"))
                .containsExactly("a1:success", "b2:failed");
    }

    @Test
    void identicalStatementsAreToldApartByRunningThemOneByOne(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "batch_same");
        Rev.writeAll(dir, Rev.of("a1", "").up("CREATE TABLE once (id int PRIMARY KEY);\n"
                + "INSERT INTO once VALUES (1);\nINSERT INTO once VALUES (1);").down("DROP TABLE once;"));
        Migrations migrations = new Migrations(Db.config(ds, dir).build());

        MigrationExecutionException e = catchThrowableOfType(MigrationExecutionException.class,
                () -> migrations.upgrade("heads"));

        assertThat(e.statementNumber()).isEqualTo(3);
        assertThat(e.line()).isEqualTo(10);
        assertThat(e.sqlState()).isEqualTo("23505");
        assertThat(Db.tableExists(ds, "batch_same", "once")).isFalse();
    }

    @Test
    void aFailureThatDoesNotRecurWhenRunOneByOneLetsTheRevisionThrough(TestDatabase db, @TempDir Path dir) {
        // Two identical statements make the driver's error ambiguous, so the revision runs again one by one.
        DataSource ds = Db.schema(db, "batch_transient");
        String flaky = "DO $$BEGIN IF nextval('tries') = 1 THEN RAISE EXCEPTION 'first try'; END IF; END$$;";
        Rev.writeAll(dir, Rev.of("a1", "").up("CREATE SEQUENCE tries;").down("DROP SEQUENCE tries;"),
                Rev.of("b2", "a1").up("CREATE TABLE second (id int);\n" + flaky + "\n" + flaky + "\n"
                        + "CREATE TABLE third (id int);").down("DROP TABLE third;\nDROP TABLE second;"));
        Migrations migrations = new Migrations(Db.config(ds, dir).build());

        MigrationResult result = migrations.upgrade("heads");

        assertThat(result.steps()).extracting(StepResult::revision).containsExactly("a1", "b2");
        assertThat(result.steps().get(1).attempts()).isEqualTo(1);
        assertThat(Db.count(ds, "SELECT last_value FROM tries")).as("the DO blocks ran three times").isEqualTo(3);
        assertThat(Db.tableExists(ds, "batch_transient", "third")).isTrue();
        assertThat(Db.strings(ds, "SELECT revision || ':' || outcome FROM samokoder_migrations_log ORDER BY id"))
                .containsExactly("a1:success", "b2:success");
    }

    @Test
    void mysqlsExecutableCommentsAreCommentsToPostgresql(TestDatabase db, @TempDir Path dir) {
        // A statement of nothing but /*!...*/ is sent as MariaDB needs it; PostgreSQL reads an empty statement.
        DataSource ds = Db.schema(db, "batch_mysql_comments");
        Rev.writeAll(dir, Rev.of("a1", "").up("/*!40101 SET NAMES utf8mb4 */;\nCREATE TABLE a (id int);\n"
                + "/*!40000 ALTER TABLE a DISABLE KEYS */;\nINSERT INTO a VALUES (1);\nINSERT INTO a VALUES (2);")
                .down("DROP TABLE a;"));

        MigrationResult result = new Migrations(Db.config(ds, dir).build()).upgrade("heads");

        assertThat(result.steps()).hasSize(1);
        assertThat(Db.strings(ds, "SELECT count(*) FROM a")).containsExactly("2");
    }

    @Test
    void statementsThatReturnRowsRunToTheEnd(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "batch_rows");
        Rev.writeAll(dir, Rev.of("a1", "").up("CREATE TABLE calls (n int);\n"
                + "CREATE FUNCTION record_call(n int) RETURNS int LANGUAGE sql"
                + " AS 'INSERT INTO calls VALUES (n) RETURNING n';\n"
                + "SELECT record_call(g) FROM generate_series(1, 5) g;\n"
                + "/* a comment */ WITH s AS (SELECT g FROM generate_series(6, 7) g) SELECT record_call(g) FROM s;\n"
                + "INSERT INTO calls SELECT 10 + g FROM generate_series(1, 3) g RETURNING n;\n"
                + "UPDATE calls SET n = n WHERE n > 10 RETURNING n;\n"
                + "INSERT INTO calls VALUES (100);").down("DROP TABLE calls;\nDROP FUNCTION record_call(int);"));

        new Migrations(Db.config(ds, dir).build()).upgrade("heads");

        assertThat(Db.strings(ds, "SELECT string_agg(n::text, ',' ORDER BY n) FROM calls"))
                .containsExactly("1,2,3,4,5,6,7,11,12,13,100");
    }

    @Test
    void aLockTimeoutInABatchIsRetriedAndNamesItsStatement(TestDatabase db, @TempDir Path dir)
            throws Exception {
        DataSource ds = Db.schema(db, "batch_lock");
        Rev.writeAll(dir, Rev.of("a1", "").up("CREATE TABLE accounts (id int);").down("DROP TABLE accounts;"),
                Rev.of("b2", "a1").up("CREATE TABLE notes (id int);\nALTER TABLE accounts ADD COLUMN note text;")
                        .down("ALTER TABLE accounts DROP COLUMN note;\nDROP TABLE notes;"));
        Migrations migrations = new Migrations(Db.config(ds, dir).lockTimeout(Duration.ofMillis(200))
                .lockRetries(1).build());
        migrations.upgrade("a1");

        try (Connection holder = ds.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement()) {
                st.execute("LOCK TABLE accounts IN ACCESS SHARE MODE");
            }
            MigrationExecutionException e = catchThrowableOfType(MigrationExecutionException.class,
                    () -> migrations.upgrade("heads"));
            holder.rollback();

            assertThat(e.sqlState()).isEqualTo("55P03");
            assertThat(e.statementNumber()).isEqualTo(2);
            assertThat(e.line()).isEqualTo(9);
            assertThat(e.getMessage()).contains("lock_timeout (200ms) 2 times").contains("unchanged at [a1]");
        }
        assertThat(Db.tableExists(ds, "batch_lock", "notes")).isFalse();
        assertThat(Db.strings(ds, "SELECT revision || ':' || outcome FROM samokoder_migrations_log ORDER BY id"))
                .containsExactly("a1:success", "b2:failed");
    }

    private static MigrationListener recorder(List<String> events) {
        return new MigrationListener() {
            @Override
            public void stepStarting(PlannedStep step) {
                events.add("start " + step.revision());
            }

            @Override
            public void stepFailed(PlannedStep step, MigrationException error) {
                events.add("fail " + step.revision());
            }
        };
    }
}
