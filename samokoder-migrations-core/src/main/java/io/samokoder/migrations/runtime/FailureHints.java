package io.samokoder.migrations.runtime;

import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.plan.Step;
import io.samokoder.migrations.script.RevisionScript;
import io.samokoder.migrations.script.SqlStatement;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a failed step's report adds when the error has a likely cause in the script itself, and the
 * fix: statements pasted from a dump or a tool that do not run as a migration (pg_dump's search path
 * and {@code COPY ... FROM stdin}, a statement that cannot run in a transaction).
 */
final class FailureHints {

    /** SQLSTATE 25001, active SQL transaction: the statement refuses to run inside one. */
    private static final String ACTIVE_TRANSACTION = "25001";

    private static final Pattern COPY_FROM_STDIN = Pattern.compile("^copy\\b.*\\bfrom\\s+stdin\\b",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

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
        if (copiesFromStdin(failure.step, script, dialect, failure.statementNumber)) {
            return " COPY ... FROM stdin reads the lines after it from psql, which a migration cannot do: write"
                    + " the rows as INSERT statements (pg_dump --inserts or --column-inserts writes them so).";
        }
        if (ACTIVE_TRANSACTION.equals(failure.error.getSQLState()) && script.transactional(dialect)
                && dialect.transactionalDdl()) {
            // PostgreSQL's "cannot run inside a transaction block": CREATE INDEX CONCURRENTLY, VACUUM, ...
            return " The statement cannot run inside a transaction: declare the revision non-transactional"
                    + " ('-- Transactional: false' in a script's header, @Revision(transactional = false) in Java);"
                    + " it then runs in autocommit, each statement committed as it completes.";
        }
        return "";
    }

    /** Whether statement {@code number} of the step is psql's {@code COPY ... FROM stdin}. */
    private static boolean copiesFromStdin(Step step, RevisionScript script, Dialect dialect, int number) {
        // A revision that reads the database decides its statements as it runs: they are not known here.
        if (CodeRunner.live(script)) {
            return false;
        }
        List<SqlStatement> statements = StatementSender.statements(step, script, dialect);
        return number <= statements.size() && COPY_FROM_STDIN.matcher(statements.get(number - 1).sql()).find();
    }
}
