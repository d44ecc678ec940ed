package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@link Migrations#moveTo}: one call that decides up or down under the lock. */
@ExtendWith(PostgresDatabaseExtension.class)
class MoveToTest {

    private static Path chain(Path dir, boolean firstReversible) {
        Rev first = Rev.of("m1", "").up("CREATE TABLE m_one (id int);").down("DROP TABLE m_one;");
        if (!firstReversible) {
            first.irreversible();
        }
        return Rev.writeAll(dir, first,
                Rev.of("m2", "m1").up("CREATE TABLE m_two (id int);").down("DROP TABLE m_two;"),
                Rev.of("m3", "m2").up("CREATE TABLE m_three (id int);").down("DROP TABLE m_three;"));
    }

    private static Migrations migrations(DataSource ds, Path scripts) {
        return new Migrations(Db.config(ds, scripts).build());
    }

    @Test
    void upgradesWhenTheTargetIsAbove(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "move_up");
        MigrationResult result = migrations(ds, chain(dir, true)).moveTo(Target.of("m2"), false);
        assertThat(result.command()).isEqualTo(Command.UPGRADE);
        assertThat(result.rowsAfter()).containsExactly("m2");
        assertThat(Db.versionRows(ds)).containsExactly("m2");
    }

    @Test
    void refusesATargetBelowWithoutChangingAnything(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "move_refused");
        Migrations migrations = migrations(ds, chain(dir, true));
        migrations.upgrade(Target.HEADS);
        assertThatThrownBy(() -> migrations.moveTo(Target.of("m1"), false))
                .isInstanceOf(DowngradeNotAllowedException.class)
                .hasMessage("Target m1 is below the current revision(s) [m3]: reaching it would downgrade 2"
                        + " revision(s) [m3, m2] and may drop data, and downgrades are not allowed for this move;"
                        + " nothing was run")
                .satisfies(e -> assertThat(((DowngradeNotAllowedException) e).revisions()).containsExactly("m3", "m2"));
        assertThat(Db.versionRows(ds)).containsExactly("m3");
        assertThat(Db.tableExists(ds, "move_refused", "m_three")).isTrue();
    }

    @Test
    void downgradesWhenAllowed(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "move_down");
        Migrations migrations = migrations(ds, chain(dir, true));
        migrations.upgrade(Target.HEADS);
        MigrationResult result = migrations.moveTo(Target.of("m1"), true);
        assertThat(result.command()).isEqualTo(Command.DOWNGRADE);
        assertThat(result.steps()).extracting(StepResult::revision).containsExactly("m3", "m2");
        assertThat(Db.versionRows(ds)).containsExactly("m1");
    }

    @Test
    void baseThroughAnIrreversibleRevisionFailsBeforeAnythingRuns(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "move_irreversible");
        Migrations migrations = migrations(ds, chain(dir, false));
        migrations.upgrade(Target.HEADS);
        assertThatThrownBy(() -> migrations.moveTo(Target.BASE, true))
                .isInstanceOf(IrreversibleRevisionException.class)
                .hasMessageContaining("m1");
        assertThat(Db.versionRows(ds)).containsExactly("m3");
        assertThat(Db.tableExists(ds, "move_irreversible", "m_three")).isTrue();
    }

    @Test
    void anAppliedTargetIsANoOp(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "move_noop");
        Migrations migrations = migrations(ds, chain(dir, true));
        migrations.upgrade(Target.HEADS);
        MigrationResult result = migrations.moveTo(Target.of("m3"), false);
        assertThat(result.steps()).isEmpty();
        assertThat(result.rowsAfter()).containsExactly("m3");
    }

    @Test
    void anUnknownTargetFailsWithAlembicsText(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "move_unknown");
        Migrations migrations = migrations(ds, chain(dir, true));
        migrations.upgrade(Target.HEADS);
        assertThatThrownBy(() -> migrations.moveTo(Target.of("zzzz"), true))
                .hasMessage("Can't locate revision identified by 'zzzz'");
    }

    @Test
    void aTargetThatDoesNotResolveLeavesANewDatabaseWithoutTables(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "move_unresolved");
        Migrations migrations = migrations(ds, chain(dir, true));
        assertThatThrownBy(() -> migrations.upgrade("nope")).hasMessage("Can't locate revision identified by 'nope'");
        assertThatThrownBy(() -> migrations.downgrade("nope")).hasMessage("Can't locate revision identified by 'nope'");
        assertThatThrownBy(() -> migrations.stamp(java.util.List.of("nope"), false))
                .hasMessage("Can't locate revision identified by 'nope'");
        assertThatThrownBy(() -> migrations.upgrade("+5")).hasMessageContaining("Relative revision +5");
        assertThat(Db.tableExists(ds, "move_unresolved", "alembic_version")).isFalse();
        assertThat(Db.tableExists(ds, "move_unresolved", "samokoder_migrations_log")).isFalse();

        // A run that resolves creates both, also when it has nothing to run.
        assertThat(migrations.upgrade("base").steps()).isEmpty();
        assertThat(Db.tableExists(ds, "move_unresolved", "alembic_version")).isTrue();
        assertThat(Db.tableExists(ds, "move_unresolved", "samokoder_migrations_log")).isTrue();
    }

    @Test
    void aNoOpOfTheFullCheckIsNotMarkedAsAFastStart(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "move_full");
        Path scripts = chain(dir, true);
        migrations(ds, scripts).moveTo(Target.HEADS, false);
        MigrationResult full = new Migrations(Db.config(ds, scripts).fastStart(false).build()).upgrade(Target.HEADS);
        assertThat(full.fastStart()).isFalse();
        assertThat(full.steps()).isEmpty();
    }
}
