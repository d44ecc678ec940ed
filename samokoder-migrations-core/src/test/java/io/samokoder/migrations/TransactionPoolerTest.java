package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Behind a pooler in transaction mode ({@link TransactionPooler}, one server session for every client, as
 * PgBouncer with {@code pool_mode = transaction} and a pool of one), an instance whose attempt at the lock
 * reaches the session that holds it is refused instead of taking the re-entrant lock a second time. Its own
 * embedded PostgreSQL, which the pooler reaches without a password.
 */
class TransactionPoolerTest {

    private static long count(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void anInstanceThatReachesTheHoldersSessionIsRefusedAndTheHolderMigrates(@TempDir Path dir) throws Exception {
        Rev.writeAll(dir, Rev.of("r1", "").up("CREATE TABLE accounts (id int);\nINSERT INTO accounts VALUES (1);\n"
                + "SELECT pg_sleep(1.5);").down("DROP TABLE accounts;"));
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start();
                TransactionPooler pooler = new TransactionPooler("127.0.0.1", server.getPort(), "postgres", "postgres",
                        1)) {
            DataSource direct = server.getPostgresDatabase();
            PGSimpleDataSource pooled = new PGSimpleDataSource();
            pooled.setURL("jdbc:postgresql://127.0.0.1:" + pooler.port() + "/postgres?prepareThreshold=0");
            pooled.setUser("postgres");

            CompletableFuture<MigrationResult> first = CompletableFuture.supplyAsync(
                    () -> new Migrations(Db.config(pooled, dir).build()).upgrade("heads"));
            long held = 0;
            for (int i = 0; i < 1000 && held == 0; i++) {
                held = count(direct, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'");
                Thread.sleep(5);
            }
            assertThat(held).as("the first instance's lock").isEqualTo(1);

            SharedSessionException refused = catchThrowableOfType(SharedSessionException.class,
                    () -> new Migrations(Db.config(pooled, dir).build()).upgrade("heads"));

            assertThat(refused).as("the second instance, whose attempt reached the holder's session").isNotNull();
            assertThat(refused.getMessage()).contains("holds the migration lock (advisory lock ")
                    .contains("pool_mode = transaction");
            assertThat(first.get(60, TimeUnit.SECONDS).steps()).extracting(StepResult::revision)
                    .containsExactly("r1");
            assertThat(count(direct, "SELECT count(*) FROM accounts")).isEqualTo(1);
            assertThat(count(direct, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"))
                    .as("the lock, released by the first instance through the same server session").isZero();
        }
    }
}
