package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.Revision;
import io.samokoder.migrations.ops.Operations;
import io.samokoder.migrations.script.Phase;
import io.samokoder.migrations.script.ScriptFormatException;
import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expand/contract phases on real PostgreSQL: a start-up leaves {@code migrate} and {@code contract} revisions, the
 * application's run once ready applies the {@code migrate} ones and leaves the {@code contract} ones, an explicit
 * {@code upgrade heads} applies them; a revision may build only on revisions of its own phase or an earlier one.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class ContractRevisionsTest {

    /** Expand: the new column, which the new build writes. */
    private static final Rev EXPAND = Rev.of("a1", "").up("CREATE TABLE users (id int, name text);")
            .down("DROP TABLE users;");
    private static final Rev ADD = Rev.of("b2", "a1").header("Phase", "expand")
            .up("ALTER TABLE users ADD COLUMN full_name text;").down("ALTER TABLE users DROP COLUMN full_name;");
    /** Migrate: the backfill, once the application is ready. */
    private static final Rev BACKFILL = Rev.of("c3", "b2").header("Phase", "migrate")
            .up("UPDATE users SET full_name = name WHERE full_name IS NULL;").down("SELECT 1;");
    /** Contract: the old column goes, once no instance of the build before reads it. */
    private static final Rev DROP = Rev.of("d4", "c3").header("Phase", "contract")
            .up("ALTER TABLE users DROP COLUMN name;").down("ALTER TABLE users ADD COLUMN name text;");

    @Test
    void theApplicationLeavesContractRevisionsToAnExplicitUpgrade(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "phases");
        Rev.writeAll(dir, EXPAND, ADD, BACKFILL, DROP);
        Migrations migrations = new Migrations(Db.config(ds, dir).build());
        assertThat(migrations.scripts()).extracting((script) -> script.phase())
                .containsExactly(Phase.EXPAND, Phase.EXPAND, Phase.MIGRATE, Phase.CONTRACT);
        assertThat(migrations.isContract("d4")).isTrue();
        assertThat(migrations.isDeferred("d4")).as("a start-up leaves it").isTrue();
        assertThat(migrations.isContract("c3")).isFalse();

        // The start-up: the expand revisions.
        assertThat(migrations.upgradeUndeferred().steps()).extracting(StepResult::revision).containsExactly("a1", "b2");
        assertThat(migrations.pendingDeferred()).containsExactly("c3", "d4");
        // Once ready: the migrate revision; the contract one stays, the old column with it.
        assertThat(migrations.upgradeExceptContract().steps()).extracting(StepResult::revision).containsExactly("c3");
        assertThat(migrations.upgradeExceptContract().steps()).isEmpty();
        assertThat(migrations.pendingDeferred()).containsExactly("d4");
        assertThat(Db.count(ds, "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'phases'"
                + " AND table_name = 'users' AND column_name = 'name'")).isEqualTo(1);
        // The deploy job, once the rollout is complete.
        assertThat(migrations.upgrade("heads").steps()).extracting(StepResult::revision).containsExactly("d4");
        assertThat(Db.count(ds, "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'phases'"
                + " AND table_name = 'users' AND column_name = 'name'")).isZero();
        assertThat(migrations.pendingDeferred()).isEmpty();
    }

    @Test
    void aRevisionMayBuildOnlyOnRevisionsOfItsOwnPhaseOrAnEarlierOne(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "phases_order");
        Rev next = Rev.of("e5", "d4").up("ALTER TABLE users ADD COLUMN email text;")
                .down("ALTER TABLE users DROP COLUMN email;");
        Rev.writeAll(dir, EXPAND, ADD, BACKFILL, DROP, next);
        assertThatThrownBy(() -> new Migrations(Db.config(ds, dir).build()).upgradeUndeferred())
                .isInstanceOf(MigrationConfigurationException.class)
                .hasMessage("Revision e5 (filesystem:" + dir.resolve("e5.sql") + ") builds on the contract revision"
                        + " d4 (filesystem:" + dir.resolve("d4.sql") + "), which the application leaves to an"
                        + " explicit upgrade, so the application could not run it. Make it revise c3 (what d4"
                        + " revises) instead, leaving d4 a head of its own, or declare it a contract revision too"
                        + " ('-- Phase: contract', @Revision(phase = Phase.CONTRACT))");
        assertThat(Db.count(ds, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'phases_order'"))
                .as("nothing ran").isZero();
        // A migrate revision on top of a contract one is refused alike; beside it, the expand chain goes on.
        Rev.writeAll(dir, next.header("Phase", "migrate"));
        assertThatThrownBy(() -> new Migrations(Db.config(ds, dir).build()).upgradeUndeferred())
                .isInstanceOf(MigrationConfigurationException.class)
                .hasMessageContaining("e5 (filesystem:").hasMessageContaining("builds on the contract revision d4");
        Rev beside = Rev.of("e5", "c3").header("Phase", "migrate").up("SELECT 1;").down("SELECT 1;");
        Rev.writeAll(dir, beside);
        Migrations migrations = new Migrations(Db.config(ds, dir).build());
        migrations.upgradeUndeferred();
        assertThat(migrations.upgradeExceptContract().steps()).extracting(StepResult::revision)
                .containsExactly("c3", "e5");
        assertThat(migrations.pendingDeferred()).containsExactly("d4");
    }

    @Test
    void thePhaseHeaderIsCheckedNamingTheLine(@TempDir Path dir) {
        Rev.writeAll(dir, EXPAND, Rev.of("b2", "a1").header("Phase", "cleanup").up("SELECT 1;").down("SELECT 1;"));
        assertThatThrownBy(() -> new Migrations(Db.config(null, dir).build()).heads())
                .isInstanceOf(ScriptFormatException.class)
                .hasMessageContaining("b2.sql").hasMessageContaining("Invalid Phase 'cleanup'; use expand, migrate or"
                        + " contract");
        Rev.writeAll(dir, Rev.of("b2", "a1").header("Phase", "contract").header("Deferred", "false")
                .up("SELECT 1;").down("SELECT 1;"));
        assertThatThrownBy(() -> new Migrations(Db.config(null, dir).build()).heads())
                .isInstanceOf(ScriptFormatException.class)
                .hasMessageContaining("'Deferred: false' contradicts 'Phase: contract' (a revision of the phase"
                        + " contract is deferred); remove the Deferred line");
        Rev.writeAll(dir, Rev.of("b2", "a1").header("Phase", "Migrate").header("Deferred", "true")
                .up("SELECT 1;").down("SELECT 1;"));
        assertThat(new Migrations(Db.config(null, dir).build()).scripts().get(1).phase()).isEqualTo(Phase.MIGRATE);
    }

    @Revision(id = "j1", revises = "a1", phase = Phase.CONTRACT, message = "Drop the old name")
    public static final class DropName implements JavaRevision {

        @Override
        public void upgrade(Operations op) {
            op.dropColumn("users", "name");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("ALTER TABLE users ADD COLUMN name text");
        }
    }

    @Test
    void aJavaRevisionDeclaresItsPhase(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "phases_java");
        Rev.writeAll(dir, EXPAND);
        Migrations migrations = new Migrations(Db.config(ds, dir).javaRevisions(List.of(new DropName())).build());
        assertThat(migrations.isContract("j1")).isTrue();
        assertThat(migrations.upgradeUndeferred().steps()).extracting(StepResult::revision).containsExactly("a1");
        assertThat(migrations.upgradeExceptContract().steps()).isEmpty();
        assertThat(migrations.upgrade("heads").steps()).extracting(StepResult::revision).containsExactly("j1");
    }
}
