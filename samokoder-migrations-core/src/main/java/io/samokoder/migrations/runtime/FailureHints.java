package io.samokoder.migrations.runtime;

import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.plan.Step;
import io.samokoder.migrations.script.Placeholders;
import io.samokoder.migrations.script.RevisionScript;
import io.samokoder.migrations.script.SqlStatement;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a failed step's report adds when the error has a likely cause in the script itself, and the
 * fix: statements pasted from a dump or a tool that do not run as a migration (pg_dump's search path
 * and {@code COPY ... FROM stdin}, psql's backslash commands, the mysql client's {@code DELIMITER} in a
 * Java revision's text), a statement that cannot run in a transaction, and a first revision that meets a
 * schema made before (a baseline to stamp rather than run).
 */
final class FailureHints {

    /** SQLSTATE 25001, active SQL transaction: the statement refuses to run inside one. */
    private static final String ACTIVE_TRANSACTION = "25001";

    /** SQLSTATE of a table that exists already: PostgreSQL's 42P07, MariaDB's and H2's 42S01. */
    private static final List<String> DUPLICATE_TABLE = List.of("42P07", "42S01");

    private static final Pattern COPY_FROM_STDIN = Pattern.compile("^copy\\b.*\\bfrom\\s+stdin\\b",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static final Pattern DELIMITER = Pattern.compile("^delimiter\\b", Pattern.CASE_INSENSITIVE);

    private FailureHints() {
    }

    /** The hint for this failure, starting with a space, or the empty string when there is none. */
    static String of(StepFailure failure, RevisionScript script, Dialect dialect) {
        if (failure.statementNumber == 0 && dialect.isUndefinedTable(failure.error)) {
            // The run found or made the engine's tables under the lock; they went missing after the script.
            return " The engine's own table was not found after the revision's statements ran: most likely the"
                    + " revision changed which schema the session looks in (SET search_path or"
                    + " set_config('search_path', ...), as pg_dump's output begins with; SET SCHEMA; USE), or dropped"
                    + " or renamed the table; if so, remove those statements from the script.";
        }
        if (failure.statementNumber <= 0 || script == null) {
            return "";
        }
        String sql = statement(failure.step, script, dialect, failure.statementNumber);
        if (sql != null && COPY_FROM_STDIN.matcher(sql).find()) {
            return " COPY ... FROM stdin reads the lines after it from psql, which a migration cannot do: write"
                    + " the rows as INSERT statements (pg_dump --inserts or --column-inserts writes them so).";
        }
        if (sql != null && DELIMITER.matcher(sql).find()) {
            // A script's DELIMITER lines are read as the mysql client reads them; a Java revision's text is sent as is.
            return " DELIMITER is a command of the mysql client, not SQL, and a Java revision's statements are sent"
                    + " as they are: leave it out (a routine's, trigger's or event's BEGIN ... END body needs none).";
        }
        if (sql != null && sql.startsWith("\\")) {
            return " A line that starts with a backslash is a command of psql (\\connect, \\i, \\copy, ...),"
                    + " not SQL: remove it from the script.";
        }
        if (ACTIVE_TRANSACTION.equals(failure.error.getSQLState()) && script.transactional(dialect)
                && dialect.transactionalDdl()) {
            // PostgreSQL's "cannot run inside a transaction block": CREATE INDEX CONCURRENTLY, VACUUM, ...
            return " The statement cannot run inside a transaction: declare the revision non-transactional"
                    + " ('-- Transactional: false' in a script's header, @Revision(transactional = false) in Java);"
                    + " it then runs in autocommit, each statement committed as it completes.";
        }
        if (failure.step.kind() == Step.Kind.UPGRADE && failure.step.rowsBefore().isEmpty()
                && DUPLICATE_TABLE.contains(failure.error.getSQLState())) {
            // Most often a baseline run on a database whose schema another tool or a person made.
            return " The table exists already while the version table records no revision: where the schema was"
                    + " made by another tool or by hand (Flyway's flyway_schema_history or Liquibase's"
                    + " databasechangelog table shows it), record the baseline instead of running it, with stamp "
                    + failure.step.revision() + " (README, 'Coming from Alembic, Flyway or Liquibase').";
        }
        return "";
    }

    /** The text of statement {@code number} of the step, or {@code null} when it is not known. */
    private static String statement(Step step, RevisionScript script, Dialect dialect, int number) {
        // A revision that reads the database decides its statements as it runs: they are not known here.
        if (CodeRunner.live(script)) {
            return null;
        }
        // As written: the hint looks at keywords, and a placeholder's value is not shown.
        List<SqlStatement> statements = StatementSender.statements(step, script, dialect, Placeholders.OFF);
        return number <= statements.size() ? statements.get(number - 1).sql() : null;
    }
}
