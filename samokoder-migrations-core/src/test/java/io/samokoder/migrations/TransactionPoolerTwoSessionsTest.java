package io.samokoder.migrations;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

class TransactionPoolerTwoSessionsTest {

    @Test
    void probe(@TempDir Path dir) throws Exception {
        Rev.writeAll(dir, Rev.of("r1", "").up("CREATE TABLE accounts (id int);").down("DROP TABLE accounts;"));
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start();
                TransactionPooler pooler = new TransactionPooler("127.0.0.1", server.getPort(), "postgres", "postgres",
                        2)) {
            PGSimpleDataSource pooled = new PGSimpleDataSource();
            pooled.setURL("jdbc:postgresql://127.0.0.1:" + pooler.port() + "/postgres?prepareThreshold=0");
            pooled.setUser("postgres");
            try {
                System.err.println("RESULT " + new Migrations(Db.config(pooled, dir).build()).upgrade("heads"));
            } catch (Exception e) {
                System.err.println("RESULT " + e);
            }
            System.err.println("TABLES " + Db.strings(server.getPostgresDatabase(),
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"));
            System.err.println("ROWS " + Db.strings(server.getPostgresDatabase(),
                    "SELECT (SELECT count(*) FROM alembic_version), (SELECT count(*) FROM samokoder_migrations_log)"));
            for (int i = 0; i < 2; i++) {
                System.err.println("SETTINGS " + Db.strings(pooled, "SELECT pg_backend_pid(), current_setting('lock_timeout'),"
                    + " current_setting('statement_timeout'), current_setting('tcp_keepalives_idle'),"
                    + " current_setting('tcp_user_timeout'), current_setting('client_connection_check_interval')"));
            }
            System.err.println("LOCKS " + Db.strings(server.getPostgresDatabase(),
                    "SELECT pid FROM pg_locks WHERE locktype = 'advisory'"));
        }
    }
}
