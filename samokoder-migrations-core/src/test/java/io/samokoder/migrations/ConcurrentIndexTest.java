package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code CREATE INDEX CONCURRENTLY} in a non-transactional revision, held up by a writer while two
 * other engines wait for the migration lock: it completes, and so do the waiters (no deadlock).
 */
@ExtendWith(PostgresDatabaseExtension.class)
class ConcurrentIndexTest {

    @Test
    void concurrentIndexWithTwoWaitingEngines(TestDatabase db, @TempDir Path dir) throws Exception {
        PGSimpleDataSource ds = Db.schema(db, "cic");
        Rev.writeAll(dir,
                Rev.of("r1", "").up("CREATE TABLE items (id int, v int);\n"
                        + "INSERT INTO items SELECT g, g % 97 FROM generate_series(1, 5000) g;").down("DROP TABLE items;"),
                Rev.of("r2", "r1").nonTransactional().message("Index items concurrently")
                        .up("CREATE INDEX CONCURRENTLY ix_items_v ON items (v);")
                        .down("DROP INDEX CONCURRENTLY ix_items_v;"));
        new Migrations(Db.config(ds, dir).build()).upgrade("r1");

        try (Connection writer = ds.getConnection()) {
            writer.setAutoCommit(false);
            try (Statement st = writer.createStatement()) {
                st.execute("INSERT INTO items VALUES (0, 0)");
            }
            PGSimpleDataSource first = Db.schema(db, "cic");
            first.setApplicationName("cic-first");
            CompletableFuture<MigrationResult> building = CompletableFuture.supplyAsync(
                    () -> new Migrations(Db.config(first, dir).build()).upgrade("heads"));
            boolean waitingForWriter = false;
            for (int i = 0; i < 400 && !waitingForWriter; i++) {
                waitingForWriter = Db.count(ds, "SELECT count(*) FROM pg_stat_activity WHERE application_name ="
                        + " 'cic-first' AND query LIKE 'CREATE INDEX CONCURRENTLY%' AND wait_event_type = 'Lock'") == 1;
                Thread.sleep(25);
            }
            assertThat(waitingForWriter).as("the index build waits for the writer").isTrue();

            CompletableFuture<MigrationResult> second = CompletableFuture.supplyAsync(
                    () -> new Migrations(Db.config(Db.schema(db, "cic"), dir).build()).upgrade("heads"));
            CompletableFuture<MigrationResult> third = CompletableFuture.supplyAsync(
                    () -> new Migrations(Db.config(Db.schema(db, "cic"), dir).build()).upgrade("heads"));
            Thread.sleep(500);
            assertThat(building).isNotDone();
            assertThat(second).isNotDone();
            assertThat(third).isNotDone();
            writer.commit();

            assertThat(building.get(60, TimeUnit.SECONDS).steps()).extracting(StepResult::revision)
                    .containsExactly("r2");
            MigrationResult secondResult = second.get(60, TimeUnit.SECONDS);
            MigrationResult thirdResult = third.get(60, TimeUnit.SECONDS);
            assertThat(secondResult.steps()).isEmpty();
            assertThat(thirdResult.steps()).isEmpty();
            assertThat(secondResult.lockWait()).isPositive();
            assertThat(thirdResult.lockWait()).isPositive();
        }
        assertThat(Db.strings(ds, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'cic.ix_items_v'::regclass"))
                .containsExactly("t");
        assertThat(Db.versionRows(ds)).containsExactly("r2");
    }
}
