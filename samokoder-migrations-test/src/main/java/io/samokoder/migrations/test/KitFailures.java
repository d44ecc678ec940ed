package io.samokoder.migrations.test;

import io.samokoder.migrations.MigrationException;
import io.samokoder.migrations.script.RepeatableScript;
import io.samokoder.migrations.script.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/** How the kit's checks fail: an {@link AssertionError} that says what failed, where, and why. */
final class KitFailures {

    private KitFailures() {
    }

    /** Runs a step of the engine; its failure becomes an assertion error starting with {@code failure}. */
    static void run(Runnable step, String failure) {
        try {
            step.run();
        }
        catch (MigrationException ex) {
            throw new AssertionError(failure + ex.getMessage(), ex);
        }
    }

    /** Runs a data check's callback on a connection of the check's schema, in autocommit. */
    static void callback(DataSource schemaDataSource, SqlCallback work, String failure) {
        try (Connection connection = schemaDataSource.getConnection()) {
            connection.setAutoCommit(true);
            work.accept(connection);
        }
        catch (AssertionError | Exception ex) {
            throw new AssertionError(failure + ex.getMessage(), ex);
        }
    }

    /** Runs a repeatable script's statements again, in autocommit; a failure names the script and its statement. */
    static void applyAgain(DataSource schemaDataSource, RepeatableScript script, List<SqlStatement> statements) {
        try (Connection connection = schemaDataSource.getConnection(); Statement st = connection.createStatement()) {
            connection.setAutoCommit(true);
            for (SqlStatement statement : statements) {
                try {
                    st.execute(statement.sql());
                }
                catch (SQLException ex) {
                    throw new AssertionError("repeatable script " + script.description() + " fails when applied"
                            + " again, as a run does once it changed, at statement " + statement.number() + " (line "
                            + statement.line() + "): " + ex.getMessage() + "; write it to run again over what it"
                            + " made: CREATE OR REPLACE, or DROP ... IF EXISTS before CREATE", ex);
                }
            }
        }
        catch (SQLException ex) {
            throw new AssertionError("applying repeatable script " + script.description() + " again failed: "
                    + ex.getMessage(), ex);
        }
    }

    /** Fails with the problems, one per line; does nothing when there are none. */
    static void fail(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new AssertionError(String.join("\n", problems));
        }
    }
}
