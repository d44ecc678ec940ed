package io.samokoder.migrations.script;

import io.samokoder.migrations.dialect.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What runs for a revision written as code (a Java revision) instead of an SQL file: its statements
 * rendered for a database, or, for a revision that reads the database while it runs, the code run
 * against a connection. Implementations are immutable and thread-safe.
 */
public interface RevisionCode {

    /** Whether the revision has a downgrade. */
    boolean reversible();

    /** The checksum recorded in the log and compared by validation. */
    String checksum();

    /**
     * Compares the checksum that the log recorded when the revision was applied with {@link #checksum()}.
     * The default compares them as {@link PartChecksums#compare} does; an implementation whose
     * checksum's form changed overrides it to recognise the older form.
     */
    default ChecksumChange compareChecksum(String recorded) {
        return PartChecksums.compare(recorded, checksum());
    }

    /**
     * A value that changes whenever {@link #checksum()} would and may cost less to compute. The fast
     * start's fingerprint covers it, on every start, in place of the checksum; nothing compares it
     * with the log. The default is the checksum.
     */
    default String stamp() {
        return checksum();
    }

    /**
     * Whether the revision reads the database while it runs (inspection, the raw connection): it is
     * then run by {@link #run} and has no statements to render.
     */
    boolean readsDatabase();

    /**
     * The statements of one direction for a database, as sent online and written offline.
     *
     * @throws io.samokoder.migrations.MigrationException if the revision reads the database, or an
     *         operation or type is one the database cannot hold
     */
    List<String> statements(boolean upgrade, Dialect dialect);

    /** Whether a statement of the revision cannot run inside a transaction on that database. */
    boolean requiresAutocommit(Dialect dialect);

    /**
     * Runs one direction against the database, handing each statement to {@code sink} in order.
     *
     * @throws Exception what the revision or the sink threw
     */
    void run(boolean upgrade, Connection connection, Dialect dialect, Sink sink) throws Exception;

    /** Where the statements of a running revision go. */
    @FunctionalInterface
    interface Sink {

        /** Sends one statement. */
        void send(String sql) throws SQLException;

        /**
         * Told once the revision's code has taken the connection for JDBC work of its own
         * ({@code op.connection()}), which the statements sent here do not count.
         */
        default void tookConnection() {
        }
    }
}
