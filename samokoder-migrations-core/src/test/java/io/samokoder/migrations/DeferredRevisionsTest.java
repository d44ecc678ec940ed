package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deferred revisions on real PostgreSQL: a start-up's upgrade leaves them, {@code upgrade heads} runs them, a start
 * while another instance runs them does not wait for its lock, and a revision that builds on one must be deferred.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class DeferredRevisionsTest {

    private static final Rev A = Rev.of("a1", "").up("CREATE TABLE orders (id int, customer int);")
            .down("DROP TABLE orders;");
    private static final Rev B = Rev.of("b2", "a1").header("Deferred", "true").nonTransactional()
            .up("CREATE INDEX CONCURRENTLY ix_orders_customer ON orders (customer);")
            .down("DROP INDEX CONCURRENTLY ix_orders_customer;");
    private static final Rev C = Rev.of("c3", "a1").up("ALTER TABLE orders ADD COLUMN total numeric;")
            .down("ALTER TABLE orders DROP COLUMN total;");

    private static Migrations engine(DataSource ds, Path dir, Duration lockWait) {
        return new Migrations(Db.config(ds, dir).lockWaitTimeout(lockWait).build());
    }

    @Test
    void aStartUpLeavesDeferredRevisionsAndUpgradeHeadsRunsThem(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "deferred");
        Rev.writeAll(dir, A, B, C);
        Migrations migrations = engine(ds, dir, Duration.ofSeconds(10));

        MigrationResult start = migrations.upgradeUndeferred();
        assertThat(start.steps()).extracting(StepResult::revision).containsExactly("a1", "c3");
        assertThat(Db.strings(ds, "SELECT version_num FROM alembic_version")).containsExactly("c3");
        assertThat(migrations.pendingDeferred()).containsExactly("b2");
        assertThat(migrations.upgradeUndeferred().steps()).isEmpty();

        assertThat(migrations.upgrade("heads").steps()).extracting(StepResult::revision).containsExactly("b2");
        assertThat(Db.strings(ds, "SELECT version_num FROM alembic_version ORDER BY 1")).containsExactly("b2", "c3");
        assertThat(migrations.pendingDeferred()).isEmpty();
        assertThat(Db.count(ds, "SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_orders_customer'"))
                .isEqualTo(1);
    }

    @Test
    void aStartDoesNotWaitForAnotherInstancesRunOfDeferredRevisions(TestDatabase db, @TempDir Path dir)
            throws Exception {
        DataSource ds = Db.schema(db, "deferred_running");
        Rev slow = Rev.of("b2", "a1").header("Deferred", "true").up("SELECT pg_sleep(4);").down("SELECT 1;");
        Rev.writeAll(dir, A, slow, C);
        engine(ds, dir, Duration.ofSeconds(10)).upgradeUndeferred();

        CompletableFuture<MigrationResult> deferredRun = CompletableFuture.supplyAsync(
                () -> engine(ds, dir, Duration.ofSeconds(10)).upgrade("heads"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (Db.count(ds, "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(4)%'") == 0) {
            assertThat(System.nanoTime()).as("the deferred revision started").isLessThan(deadline);
            Thread.sleep(20);
        }
        // The lock is held: a run that needs it gives up after its wait ...
        assertThatThrownBy(() -> engine(ds, dir, Duration.ofMillis(300)).upgrade("heads"))
                .isInstanceOf(LockTimeoutException.class);
        // ... while a start, whose revisions are all applied, goes on without it.
        MigrationResult start = engine(ds, dir, Duration.ofMillis(300)).upgradeUndeferred();
        assertThat(start.steps()).isEmpty();
        assertThat(start.lockWait()).isZero();
        assertThat(start.rowsAfter()).containsExactly("c3");

        assertThat(deferredRun.get(20, TimeUnit.SECONDS).steps()).extracting(StepResult::revision)
                .containsExactly("b2");
    }

    @Test
    void aRevisionThatBuildsOnADeferredOneMustBeDeferredToo(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "deferred_bad");
        Rev after = Rev.of("d4", "b2").up("SELECT 1;").down("SELECT 1;");
        Rev.writeAll(dir, A, B, C, after);
        assertThatThrownBy(() -> engine(ds, dir, Duration.ofSeconds(10)).upgradeUndeferred())
                .isInstanceOf(MigrationConfigurationException.class)
                .hasMessage("Revision d4 (filesystem:" + dir.resolve("d4.sql") + ") builds on the deferred revision b2"
                        + " (filesystem:" + dir.resolve("b2.sql") + "), so a start-up, which leaves deferred revisions"
                        + " for later, could not run it. Declare it deferred too ('-- Deferred: true',"
                        + " @Revision(deferred = true)), or make b2 a revision that is not deferred");
        Rev.writeAll(dir, after.header("Deferred", "true"));
        Migrations migrations = engine(ds, dir, Duration.ofSeconds(10));
        assertThat(migrations.upgradeUndeferred().steps()).extracting(StepResult::revision)
                .containsExactly("a1", "c3");
        assertThat(migrations.pendingDeferred()).containsExactly("b2", "d4");
    }
}
