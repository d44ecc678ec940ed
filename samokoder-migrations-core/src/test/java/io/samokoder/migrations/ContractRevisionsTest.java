package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract revisions ({@code Phase: contract}) on real PostgreSQL: an upgrade that holds them (an application's
 * start-up) leaves those a database in use does not have, an explicit {@code upgrade heads} runs them, a new database
 * gets them with the rest, a start does not wait for the deploy job's run of them, and a revision that is not
 * contract but builds on one held is refused before anything runs.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class ContractRevisionsTest {

    private static final Set<Leaving> START = EnumSet.of(Leaving.DEFERRED, Leaving.CONTRACT);

    /** The release in use: orders with a note. */
    private static final Rev A = Rev.of("a1", "").up("CREATE TABLE orders (id int, note text);")
            .down("DROP TABLE orders;");
    /** The next release's expand part: the column its code writes instead. */
    private static final Rev B = Rev.of("b2", "a1").up("ALTER TABLE orders ADD COLUMN remark text;")
            .down("ALTER TABLE orders DROP COLUMN remark;");
    /** ... and its contract part: the column only the release in use reads. */
    private static final Rev C = Rev.of("c3", "b2").header("Phase", "contract")
            .up("ALTER TABLE orders DROP COLUMN note;").down("ALTER TABLE orders ADD COLUMN note text;");

    private static Migrations engine(DataSource ds, Path dir, Duration lockWait) {
        return new Migrations(Db.config(ds, dir).lockWaitTimeout(lockWait).build());
    }

    private static long column(DataSource ds, String name) {
        return Db.count(ds, "SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema()"
                + " AND table_name = 'orders' AND column_name = '" + name + "'");
    }

    @Test
    void aStartUpHoldsAContractRevisionUntilAnExplicitUpgrade(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "contract_held");
        Rev.writeAll(dir, A);
        engine(ds, dir, Duration.ofSeconds(10)).upgradeLeaving(START);
        Rev.writeAll(dir, B, C);
        Migrations migrations = engine(ds, dir, Duration.ofSeconds(10));

        MigrationResult start = migrations.upgradeLeaving(START);
        assertThat(start.steps()).extracting(StepResult::revision).containsExactly("b2");
        assertThat(Db.versionRows(ds)).containsExactly("b2");
        assertThat(column(ds, "note")).as("what the release in use reads").isEqualTo(1);
        assertThat(migrations.pendingContract()).containsExactly("c3");
        assertThat(migrations.isContract("c3")).isTrue();
        assertThat(migrations.isContract("b2")).isFalse();
        assertThat(migrations.upgradeLeaving(EnumSet.of(Leaving.CONTRACT)).steps()).isEmpty();

        assertThat(migrations.upgrade("heads").steps()).extracting(StepResult::revision).containsExactly("c3");
        assertThat(column(ds, "note")).isZero();
        assertThat(migrations.pendingContract()).isEmpty();
    }

    @Test
    void aNewDatabaseGetsContractRevisionsWithTheRest(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "contract_new");
        Rev.writeAll(dir, A, B, C);
        Migrations migrations = engine(ds, dir, Duration.ofSeconds(10));
        assertThat(migrations.pendingContract()).as("nothing is held from a new database").isEmpty();

        assertThat(migrations.upgradeLeaving(START).steps()).extracting(StepResult::revision)
                .containsExactly("a1", "b2", "c3");
        assertThat(Db.versionRows(ds)).containsExactly("c3");
    }

    @Test
    void aStartDoesNotWaitForTheDeployJobsRunOfContractRevisions(TestDatabase db, @TempDir Path dir)
            throws Exception {
        DataSource ds = Db.schema(db, "contract_running");
        Rev.writeAll(dir, A);
        engine(ds, dir, Duration.ofSeconds(10)).upgradeLeaving(START);
        Rev slow = Rev.of("c3", "b2").header("Phase", "contract").up("SELECT pg_sleep(4);").down("SELECT 1;");
        Rev.writeAll(dir, B, slow);
        engine(ds, dir, Duration.ofSeconds(10)).upgradeLeaving(START);

        CompletableFuture<MigrationResult> deployJob = CompletableFuture.supplyAsync(
                () -> engine(ds, dir, Duration.ofSeconds(10)).upgrade("heads"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (Db.count(ds, "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(4)%'") == 0) {
            assertThat(System.nanoTime()).as("the contract revision started").isLessThan(deadline);
            Thread.sleep(20);
        }
        // The lock is held: a run that needs it gives up after its wait ...
        assertThatThrownBy(() -> engine(ds, dir, Duration.ofMillis(300)).upgrade("heads"))
                .isInstanceOf(LockTimeoutException.class);
        // ... while a start, which has everything but the contract revision, goes on without it.
        MigrationResult start = engine(ds, dir, Duration.ofMillis(300)).upgradeLeaving(START);
        assertThat(start.steps()).isEmpty();
        assertThat(start.lockWait()).isZero();
        assertThat(start.rowsAfter()).containsExactly("b2");

        assertThat(deployJob.get(20, TimeUnit.SECONDS).steps()).extracting(StepResult::revision)
                .containsExactly("c3");
    }

    @Test
    void aRevisionThatBuildsOnAHeldContractRevisionIsRefusedBeforeAnythingRuns(TestDatabase db,
            @TempDir Path dir) {
        DataSource ds = Db.schema(db, "contract_refused");
        Rev.writeAll(dir, A);
        engine(ds, dir, Duration.ofSeconds(10)).upgradeLeaving(START);
        Rev after = Rev.of("d4", "c3").up("CREATE TABLE invoices (id int);").down("DROP TABLE invoices;");
        Rev.writeAll(dir, B, C, after);
        Migrations migrations = engine(ds, dir, Duration.ofSeconds(10));

        assertThatThrownBy(() -> migrations.upgradeLeaving(START))
                .isInstanceOf(MigrationConfigurationException.class)
                .hasMessage("Revision d4 (filesystem:" + dir.resolve("d4.sql") + ") builds on the contract revision"
                        + " c3 (filesystem:" + dir.resolve("c3.sql") + "), which this database does not have yet. An"
                        + " upgrade that holds contract revisions (an application's start-up with"
                        + " samokoder.migrations.contract=hold, upgrade heads --hold-contract) leaves c3 until no"
                        + " instance of the build before it runs, so it cannot run d4, which this build needs. Once"
                        + " the rollout of the build that brought c3 is complete, apply it alone (upgrade c3; upgrade"
                        + " heads would apply this build's contract revisions too) and start again. If d4 belongs to"
                        + " the same release as c3, put it below c3 (make c3 revise it), or declare it a contract"
                        + " revision too ('-- Phase: contract', as a merge of a contract branch must be)");
        assertThat(Db.versionRows(ds)).as("nothing ran").containsExactly("a1");
        assertThat(column(ds, "remark")).isZero();

        migrations.upgrade("c3");
        assertThat(migrations.upgradeLeaving(START).steps()).extracting(StepResult::revision)
                .containsExactly("d4");
    }

    @Test
    void repeatableScriptsAreAppliedWhileAContractRevisionIsHeld(TestDatabase db, @TempDir Path dir,
            @TempDir Path repeatable) {
        DataSource ds = Db.schema(db, "contract_repeatable");
        Rev.writeAll(dir, A);
        engine(ds, dir, Duration.ofSeconds(10)).upgradeLeaving(START);
        Rev.writeAll(dir, B, C);
        Rev.write(repeatable, "R__orders_view.sql", "CREATE OR REPLACE VIEW order_remarks AS"
                + " SELECT id, remark FROM orders;\n");
        Migrations migrations = new Migrations(Db.config(ds, dir).repeatableLocations("filesystem:" + repeatable)
                .build());

        MigrationResult start = migrations.upgradeLeaving(START);
        assertThat(start.steps()).extracting(StepResult::revision).containsExactly("b2");
        assertThat(start.repeatables()).as("the view the new build reads").containsExactly("R__orders_view.sql");
        assertThat(migrations.pendingRepeatables()).isEmpty();
    }
}
