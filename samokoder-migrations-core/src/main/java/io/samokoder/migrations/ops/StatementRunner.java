package io.samokoder.migrations.ops;

import java.sql.SQLException;

/** Runs one rendered SQL statement; {@link LiveOperations} hands it each statement in call order. */
@FunctionalInterface
public interface StatementRunner {

    /** Runs the statement (no trailing semicolon). */
    void run(String sql) throws SQLException;
}
