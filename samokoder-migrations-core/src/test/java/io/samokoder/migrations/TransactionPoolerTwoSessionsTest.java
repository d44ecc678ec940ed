package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.samokoder.migrations.dialect.postgresql.PostgresDialect;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Behind a pooler in transaction mode with two server sessions taken in turn ({@link TransactionPooler}, as
 * PgBouncer with {@code pool_mode = transaction} and {@code server_round_robin = 1}), the run that took the lock
 * finds, with its settings query, that its statements reach another server session, and is refused before its
 * first revision. Its own embedded PostgreSQL, which the pooler reaches without a password.
 */
class TransactionPoolerTwoSessionsTest {

    /**
     * On a new database, the lock's attempt and the settings query at the start of the run reach different
     * sessions (three transactions apart: the tables' look-up and their creation come between). The run is refused
     * with {@link SharedSessionException}, whose message names both sessions, says why and what to do; no revision
     * ran, and only the engine's own tables, created empty under the lock, are left. The release reaches the other
     * session too, so the lock stays with the session the pooler keeps, and a WARN names it; once the pooler ends
     * its sessions, a run on a direct connection migrates.
     */
    @Test
    void aRunWhoseSettingsQueryReachesAnotherSessionThanTheLocksIsRefusedBeforeItsFirstRevision(@TempDir Path dir)
            throws Exception {
        Rev.writeAll(dir, Rev.of("r1", "").up("CREATE TABLE accounts (id int);").down("DROP TABLE accounts;"));
        long key = PostgresDialect.INSTANCE.lockKey("public", "alembic_version");
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
            DataSource direct = server.getPostgresDatabase();
            try (TransactionPooler pooler = new TransactionPooler("127.0.0.1", server.getPort(), "postgres",
                    "postgres", 2); LoggedWarnings warnings = new LoggedWarnings()) {
                PGSimpleDataSource pooled = new PGSimpleDataSource();
                pooled.setURL("jdbc:postgresql://127.0.0.1:" + pooler.port() + "/postgres?prepareThreshold=0");
                pooled.setUser("postgres");

                SharedSessionException refused = catchThrowableOfType(SharedSessionException.class,
                        () -> new Migrations(Db.config(pooled, dir).build()).upgrade("heads"));

                assertThat(refused).as("the run, whose settings query reached the other session").isNotNull();
                List<String> holders = Db.strings(direct, "SELECT pid FROM pg_locks WHERE locktype = 'advisory'");
                assertThat(holders).as("the lock, left with one of the pooler's sessions").hasSize(1);
                int lockSession = Integer.parseInt(holders.get(0));
                List<Integer> sessions = pooler.serverPids();
                assertThat(sessions).contains(lockSession);
                int runSession = sessions.get(1 - sessions.indexOf(lockSession));
                assertThat(refused.lockName()).isEqualTo("advisory lock " + key + " for public.alembic_version");
                assertThat(refused.getMessage())
                        .startsWith("This run's statements reach another database session (" + runSession
                                + ") than the one that took the migration lock (advisory lock " + key
                                + " for public.alembic_version, session " + lockSession + ")")
                        .contains("pool_mode = transaction").contains("No revision was run")
                        .contains("the lock stays held by the session that took it")
                        .endsWith("Migrate through a connection of the database's own or a session-mode pool:"
                                + " samokoder.migrations.url (or the builder's dataSource, the command line's --url).");
                assertThat(Db.strings(direct, "SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = 'public' ORDER BY table_name"))
                        .as("no revision's table; the engine's own, created before the settings query")
                        .containsExactly("alembic_version", "samokoder_migrations_log");
                assertThat(Db.count(direct, "SELECT count(*) FROM alembic_version")).isZero();
                assertThat(Db.count(direct, "SELECT count(*) FROM samokoder_migrations_log")).isZero();
                assertThat(warnings.messages()).as("the release, which reached the other session").singleElement()
                        .asString().contains("was no longer held by this run's session when the run ended")
                        .contains("it is held by pid " + lockSession);
            }
            MigrationResult migrated = new Migrations(Db.config(direct, dir).lockWaitTimeout(Duration.ofSeconds(30))
                    .build()).upgrade("heads");
            assertThat(migrated.steps()).extracting(StepResult::revision).containsExactly("r1");
        }
    }
}
