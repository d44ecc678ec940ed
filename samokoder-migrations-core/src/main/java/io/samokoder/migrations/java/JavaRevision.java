package io.samokoder.migrations.java;

import io.samokoder.migrations.ops.Operations;

/**
 * A revision written in Java: a class annotated with {@link Revision} whose {@link #upgrade} and
 * {@link #downgrade} call the operations API, as an Alembic script calls {@code op.*}. Java and SQL
 * revisions mix freely in one graph.
 *
 * <p>A revision that does not override {@link #downgrade} is irreversible, as an SQL script without
 * a downgrade part is. Instances are created once per configuration and must not keep state between
 * calls: {@code upgrade} and {@code downgrade} are called once to record the operations (for the
 * checksum, the offline script and the statements sent), and again against the database only when
 * the revision reads it (see {@link Revision#version()}).
 */
public interface JavaRevision {

    /**
     * Moves the database up to this revision.
     *
     * @param op the operations to call
     * @throws Exception when something fails; the run stops and reports it
     */
    void upgrade(Operations op) throws Exception;

    /**
     * Moves the database back down from this revision. Not overriding it makes the revision
     * irreversible: a downgrade through it is refused before anything runs.
     *
     * @param op the operations to call
     * @throws Exception when something fails; the run stops and reports it
     */
    default void downgrade(Operations op) throws Exception {
        throw Irreversible.SIGNAL;
    }
}
