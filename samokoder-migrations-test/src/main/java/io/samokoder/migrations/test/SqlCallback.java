package io.samokoder.migrations.test;

import java.sql.Connection;

/** Work on a connection to the check's schema, e.g. inserting rows or asserting on them. */
@FunctionalInterface
public interface SqlCallback {

    /**
     * Runs the work; the connection is in autocommit and its {@code search_path} is the check's schema.
     *
     * @param connection the connection, closed by the kit afterwards
     * @throws Exception any failure; assertion errors are reported with the revision and its file
     */
    void accept(Connection connection) throws Exception;
}
