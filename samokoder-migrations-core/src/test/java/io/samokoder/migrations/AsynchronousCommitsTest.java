package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * On PostgreSQL each step of a run but its last commits without waiting for the disk
 * ({@code synchronous_commit} off for that transaction), and the last step's commit, or the failure's log row,
 * waits, so that what a run reports is durable when it returns; the session keeps its own setting. A deferred
 * trigger records the setting each commit runs with.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class AsynchronousCommitsTest {

    /** Whether the server's log is flushed past every position a commit recorded in {@code seen}. */
    private static final String FLUSHED = "SELECT bool_and(pg_current_wal_flush_lsn() >= lsn) FROM seen";

    private static Rev probes() {
        return Rev.of("r1", "").up("""
                CREATE TABLE seen (rev text, sync text, lsn pg_lsn);
                CREATE TABLE probe (rev text);
                CREATE FUNCTION note_commit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO seen VALUES (NEW.rev, current_setting('synchronous_commit'), pg_current_wal_insert_lsn());
                    RETURN NULL;
                END $$;
                CREATE CONSTRAINT TRIGGER at_commit AFTER INSERT ON probe DEFERRABLE INITIALLY DEFERRED
                    FOR EACH ROW EXECUTE FUNCTION note_commit();
                """).down("DROP TABLE probe; DROP FUNCTION note_commit(); DROP TABLE seen;");
    }

    private static Rev probe(String id, String parent) {
        return Rev.of(id, parent).up("INSERT INTO probe VALUES ('" + id + "');")
                .down("DELETE FROM probe WHERE rev = '" + id + "';");
    }

    @Test
    void everyStepButTheLastCommitsWithoutWaitingAndTheRunReturnsOnceTheyAreDurable(TestDatabase db,
            @TempDir Path dir) throws Exception {
        PGSimpleDataSource ds = Db.schema(db, "async_commits");
        Rev.writeAll(dir, probes(), probe("r2", "r1"), probe("r3", "r2"), probe("r4", "r3"));
        try (Connection session = ds.getConnection()) {
            try (Statement st = session.createStatement()) {
                // The application's own choice for its connection.
                st.execute("SET synchronous_commit = remote_write");
            }
            DataSource shared = Db.shared(session);

            MigrationResult result = new Migrations(Db.config(shared, dir).build()).upgrade("heads");

            assertThat(result.steps()).hasSize(4);
            assertThat(Db.strings(shared, "SELECT rev || ' ' || sync FROM seen ORDER BY rev"))
                    .containsExactly("r2 off", "r3 off", "r4 remote_write");
            assertThat(Db.first(session, FLUSHED)).as("flushed when the run returned").isEqualTo("t");
            assertThat(Db.first(session, "SELECT current_setting('synchronous_commit')")).isEqualTo("remote_write");
        }
    }

    @Test
    void aRunThatFailsReturnsOnceTheStepsBeforeTheFailureAreDurable(TestDatabase db, @TempDir Path dir)
            throws Exception {
        Rev.writeAll(dir, probes(), probe("r2", "r1"),
                Rev.of("r3", "r2").up("INSERT INTO no_such_table VALUES (1);").down("SELECT 1;"));
        try (Connection session = waiting(db, "async_failure")) {
            DataSource shared = Db.shared(session);

            assertThatThrownBy(() -> new Migrations(Db.config(shared, dir).build()).upgrade("heads"))
                    .isInstanceOf(MigrationExecutionException.class).hasMessageContaining("r3");

            assertThat(Db.versionRows(shared)).isEqualTo(List.of("r2"));
            assertThat(Db.strings(shared, "SELECT rev || ' ' || sync FROM seen")).containsExactly("r2 off");
            assertThat(Db.first(session, FLUSHED)).as("the failure's log row waited for r2's commit").isEqualTo("t");
        }
    }

    @Test
    void oneTransactionForTheRunWaitsAsTheSessionSays(TestDatabase db, @TempDir Path dir) throws Exception {
        Rev.writeAll(dir, probes(), probe("r2", "r1"), probe("r3", "r2"));
        try (Connection session = waiting(db, "async_single")) {
            DataSource shared = Db.shared(session);

            new Migrations(Db.config(shared, dir).transactionMode(TransactionMode.SINGLE).build()).upgrade("heads");

            assertThat(Db.strings(shared, "SELECT rev || ' ' || sync FROM seen ORDER BY rev"))
                    .containsExactly("r2 on", "r3 on");
        }
    }

    /** A connection whose commits wait for the disk, whatever the server's default (the embedded one's is off). */
    private static Connection waiting(TestDatabase db, String schema) throws Exception {
        Connection session = Db.schema(db, schema).getConnection();
        try (Statement st = session.createStatement()) {
            st.execute("SET synchronous_commit = on");
        }
        return session;
    }
}
