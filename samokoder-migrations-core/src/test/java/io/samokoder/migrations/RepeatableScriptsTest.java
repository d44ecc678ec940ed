package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.samokoder.migrations.script.Placeholders;
import io.samokoder.migrations.script.ScriptFormatException;
import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repeatable scripts on PostgreSQL: applied after the revisions of a run that ends at the heads, again only when
 * their statements change or a downgrade ran since, through the fast start; a failure and a script that cannot be
 * split.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class RepeatableScriptsTest {

    private static final Rev A = Rev.of("a1", "").up("CREATE TABLE users (id int, active boolean);")
            .down("DROP TABLE users;");
    private static final Rev B = Rev.of("b2", "a1").up("INSERT INTO users VALUES (1, true), (2, false);")
            .down("DELETE FROM users;");
    private static final String VIEW = "-- Active users\nCREATE OR REPLACE VIEW active_users AS\n"
            + "  SELECT id FROM users WHERE active;\n";
    private static final String GRANTS = "COMMENT ON VIEW active_users IS 'first';\n";

    private static final String APPLIED = "SELECT message || ' ' || outcome FROM samokoder_migrations_log"
            + " WHERE direction = 'repeatable' ORDER BY id";

    private static Migrations migrations(DataSource ds, Path dir, Path repeatable) {
        return new Migrations(Db.config(ds, dir).repeatableLocations("filesystem:" + repeatable).build());
    }

    @Test
    void appliedAfterTheRevisionsThenOnlyWhenChangedAndThroughTheFastStart(TestDatabase db, @TempDir Path dir,
            @TempDir Path repeatable) throws InterruptedException {
        Rev.writeAll(dir, A, B);
        Rev.write(repeatable, "R__1_view.sql", VIEW);
        Rev.write(repeatable, "R__2_comment.sql", GRANTS);
        // The fast start trusts only files that were not changed within the last two seconds.
        Thread.sleep(2100);
        DataSource ds = Db.schema(db, "rep_apply");

        MigrationResult first = migrations(ds, dir, repeatable).upgrade("heads");

        assertThat(first.steps()).extracting(StepResult::revision).containsExactly("a1", "b2");
        assertThat(first.repeatables()).containsExactly("R__1_view.sql", "R__2_comment.sql");
        assertThat(first.summary()).endsWith("; applied repeatable scripts R__1_view.sql, R__2_comment.sql");
        assertThat(Db.strings(ds, "SELECT id FROM active_users")).containsExactly("1");
        assertThat(Db.strings(ds, "SELECT revision IS NULL, file FROM samokoder_migrations_log"
                + " WHERE direction = 'repeatable' ORDER BY id")).containsExactly(
                        "t|filesystem:" + repeatable.resolve("R__1_view.sql"),
                        "t|filesystem:" + repeatable.resolve("R__2_comment.sql"));

        // Unchanged: nothing again, and the next start is the fast start's.
        MigrationResult second = migrations(ds, dir, repeatable).upgrade("heads");
        assertThat(second.repeatables()).isEmpty();
        assertThat(migrations(ds, dir, repeatable).upgrade("heads").fastStart()).isTrue();

        // Comments and blanks alone apply nothing; a changed statement applies that script alone.
        Rev.write(repeatable, "R__1_view.sql", "-- Active users, reworded\nCREATE OR REPLACE VIEW active_users AS"
                + " SELECT id FROM users WHERE active;");
        Rev.write(repeatable, "R__2_comment.sql", "COMMENT ON VIEW active_users IS 'second';\n");
        Thread.sleep(2100);
        MigrationResult changed = migrations(ds, dir, repeatable).upgrade("heads");
        assertThat(changed.fastStart()).isFalse();
        assertThat(changed.steps()).isEmpty();
        assertThat(changed.repeatables()).containsExactly("R__2_comment.sql");
        assertThat(changed.summary()).startsWith("Nothing to upgrade: database at b2 (")
                .endsWith("; applied repeatable script R__2_comment.sql");
        assertThat(Db.strings(ds, "SELECT obj_description('active_users'::regclass)")).containsExactly("second");
        assertThat(Db.strings(ds, APPLIED)).containsExactly("R__1_view.sql success", "R__2_comment.sql success",
                "R__2_comment.sql success");
        assertThat(migrations(ds, dir, repeatable).upgrade("heads").fastStart()).isTrue();
    }

    @Test
    void notAppliedBelowTheHeadsAndAppliedAgainAfterADowngrade(TestDatabase db, @TempDir Path dir,
            @TempDir Path repeatable) {
        Rev.writeAll(dir, A, Rev.of("b2", "a1").up("ALTER TABLE users ADD COLUMN name text;")
                .down("DROP VIEW IF EXISTS named_users;\nALTER TABLE users DROP COLUMN name;"));
        Rev.write(repeatable, "R__named.sql", "CREATE OR REPLACE VIEW named_users AS SELECT id, name FROM users;");
        DataSource ds = Db.schema(db, "rep_target");
        Migrations migrations = migrations(ds, dir, repeatable);

        // a1 is not the heads: the view, which needs b2's column, waits.
        assertThat(migrations.upgrade("a1").repeatables()).isEmpty();
        assertThat(Db.tableExists(ds, "rep_target", "named_users")).isFalse();
        assertThat(migrations.upgrade("heads").repeatables()).containsExactly("R__named.sql");

        // The downgrade dropped the view; back at the heads, the unchanged script is applied again.
        assertThat(migrations.downgrade("a1").repeatables()).isEmpty();
        assertThat(Db.tableExists(ds, "rep_target", "named_users")).isFalse();
        assertThat(migrations.upgrade("heads").repeatables()).containsExactly("R__named.sql");
        assertThat(Db.tableExists(ds, "rep_target", "named_users")).isTrue();
        assertThat(migrations.upgrade("heads").repeatables()).isEmpty();
    }

    @Test
    void aStartWhoseDeferredRevisionsAreAppliedStillAppliesAChangedScript(TestDatabase db, @TempDir Path dir,
            @TempDir Path repeatable) {
        Rev.writeAll(dir, A, Rev.of("b2", "a1").header("Deferred", "true").up("CREATE INDEX ix_users ON users (id);")
                .down("DROP INDEX ix_users;"));
        Rev.write(repeatable, "R__comment.sql", "COMMENT ON TABLE users IS 'first';");
        DataSource ds = Db.schema(db, "rep_deferred");

        // The start-up leaves b2, so the database is not at the heads yet; the deferred run gets there.
        assertThat(migrations(ds, dir, repeatable).upgradeUndeferred().repeatables()).isEmpty();
        assertThat(migrations(ds, dir, repeatable).upgrade("heads").repeatables()).containsExactly("R__comment.sql");
        // A later start, with nothing deferred left to run, still applies a changed script.
        Rev.write(repeatable, "R__comment.sql", "COMMENT ON TABLE users IS 'second';");
        assertThat(migrations(ds, dir, repeatable).upgradeUndeferred().repeatables())
                .containsExactly("R__comment.sql");
        assertThat(Db.strings(ds, "SELECT obj_description('users'::regclass)")).containsExactly("second");
    }

    @Test
    void aFailureStopsTheRunAfterTheRevisionsAndTheNextRunAppliesTheScriptAgain(TestDatabase db, @TempDir Path dir,
            @TempDir Path repeatable) {
        Rev.writeAll(dir, A, B);
        Rev.write(repeatable, "R__1_view.sql", VIEW);
        Rev.write(repeatable, "R__2_broken.sql", "CREATE VIEW first_half AS SELECT 1 AS one;\n\n"
                + "CREATE VIEW broken AS SELECT missing FROM users;\n");
        DataSource ds = Db.schema(db, "rep_failure");

        RepeatableScriptException failed = catchThrowableOfType(RepeatableScriptException.class,
                () -> migrations(ds, dir, repeatable).upgrade("heads"));

        assertThat(failed.getMessage()).isEqualTo("Repeatable script filesystem:"
                + repeatable.resolve("R__2_broken.sql")
                + " failed at statement 2 (line 3): SQLSTATE 42703: column \"missing\" does not exist. Its transaction"
                + " was rolled back; the revisions of this run stay applied, and the next run applies the script"
                + " again. Fix it and restart");
        assertThat(failed.statementNumber()).isEqualTo(2);
        assertThat(Db.versionRows(ds)).containsExactly("b2");
        assertThat(Db.tableExists(ds, "rep_failure", "active_users")).isTrue();
        assertThat(Db.tableExists(ds, "rep_failure", "first_half")).isFalse();
        assertThat(Db.strings(ds, APPLIED)).containsExactly("R__1_view.sql success", "R__2_broken.sql failed");

        Rev.write(repeatable, "R__2_broken.sql", "CREATE OR REPLACE VIEW first_half AS SELECT 1 AS one;\n");
        assertThat(migrations(ds, dir, repeatable).upgrade("heads").repeatables()).containsExactly("R__2_broken.sql");
        assertThat(Db.tableExists(ds, "rep_failure", "first_half")).isTrue();
    }

    @Test
    void aLockTimeoutIsTriedAgainAsARevisionsIs(TestDatabase db, @TempDir Path dir, @TempDir Path repeatable)
            throws Exception {
        Rev.writeAll(dir, A);
        Rev.write(repeatable, "R__comment.sql", "COMMENT ON TABLE users IS 'mine';");
        DataSource ds = Db.schema(db, "rep_locked");
        new Migrations(Db.config(ds, dir).build()).upgrade("heads");
        Migrations migrations = new Migrations(Db.config(ds, dir).repeatableLocations("filesystem:" + repeatable)
                .lockTimeout(Duration.ofMillis(200)).lockRetries(5).build());
        try (Connection holder = ds.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement()) {
                st.execute("LOCK TABLE users IN ACCESS EXCLUSIVE MODE");
            }
            // Released after the first attempts timed out; the attempts left wait for seconds more.
            Thread releaser = new Thread(() -> {
                try {
                    Thread.sleep(500);
                    holder.rollback();
                } catch (InterruptedException | SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            releaser.start();
            MigrationResult result = migrations.upgrade("heads");
            releaser.join();
            assertThat(result.repeatables()).containsExactly("R__comment.sql");
        }
        assertThat(Db.strings(ds, "SELECT obj_description('users'::regclass)")).containsExactly("mine");
        assertThat(Db.strings(ds, APPLIED)).containsExactly("R__comment.sql success");
    }

    @Test
    void aChangedPlaceholderValueAppliesTheScriptAgainThroughTheFastStart(TestDatabase db, @TempDir Path dir,
            @TempDir Path repeatable) throws InterruptedException {
        Rev.writeAll(dir, A);
        Rev.write(repeatable, "R__comment.sql", "COMMENT ON TABLE users IS '${owner}';");
        Thread.sleep(2100);
        DataSource ds = Db.schema(db, "rep_values");
        MigrationsConfig.Builder config = Db.config(ds, dir).repeatableLocations("filesystem:" + repeatable);

        new Migrations(config.placeholders(Placeholders.of(Map.of("owner", "team a"))).build()).upgrade("heads");
        assertThat(new Migrations(config.build()).upgrade("heads").fastStart()).isTrue();
        MigrationResult changed = new Migrations(config.placeholders(Placeholders.of(Map.of("owner", "team b")))
                .build()).upgrade("heads");

        assertThat(changed.fastStart()).isFalse();
        assertThat(changed.repeatables()).containsExactly("R__comment.sql");
        assertThat(Db.strings(ds, "SELECT obj_description('users'::regclass)")).containsExactly("team b");
    }

    @Test
    void listedAsPendingAndWrittenAtTheEndOfOfflineSqlToTheHeads(TestDatabase db, @TempDir Path dir,
            @TempDir Path repeatable) {
        Rev.writeAll(dir, A, B);
        Rev.write(repeatable, "R__1_view.sql", VIEW);
        Rev.write(repeatable, "R__2_comment.sql", GRANTS);
        DataSource ds = Db.schema(db, "rep_pending");
        Migrations migrations = migrations(ds, dir, repeatable);

        assertThat(migrations.repeatables()).extracting(r -> r.name())
                .containsExactly("R__1_view.sql", "R__2_comment.sql");
        assertThat(migrations.pendingRepeatables()).containsExactly("R__1_view.sql", "R__2_comment.sql");
        MigrationPlan fresh = migrations.plan(Command.UPGRADE, "heads");
        assertThat(fresh.repeatables()).containsExactly("R__1_view.sql", "R__2_comment.sql");
        assertThat(migrations.plan(Command.UPGRADE, "a1").repeatables()).isEmpty();
        migrations.upgrade("heads");
        assertThat(migrations.pendingRepeatables()).isEmpty();
        assertThat(migrations.plan(Command.UPGRADE, "heads").describe())
                .isEqualTo("upgrade heads: current b2\n  nothing to do\n  result: b2\n");
        Rev.write(repeatable, "R__2_comment.sql", "COMMENT ON VIEW active_users IS 'second';\n");
        assertThat(migrations(ds, dir, repeatable).pendingRepeatables()).containsExactly("R__2_comment.sql");
        assertThat(migrations(ds, dir, repeatable).plan(Command.UPGRADE, "heads").describe())
                .isEqualTo("upgrade heads: current b2\n  then repeatable scripts: R__2_comment.sql\n  result: b2\n");

        assertThat(migrations.sql(Command.UPGRADE, "base:heads")).endsWith("-- Running upgrade a1 -> b2\n\n"
                + "INSERT INTO users VALUES (1, true), (2, false);\n\n"
                + "UPDATE alembic_version SET version_num='b2' WHERE alembic_version.version_num = 'a1';\n\n"
                + "COMMIT;\n\n"
                + "BEGIN;\n\n-- Running repeatable R__1_view.sql\n\n"
                + "CREATE OR REPLACE VIEW active_users AS\n  SELECT id FROM users WHERE active;\n\nCOMMIT;\n\n"
                + "BEGIN;\n\n-- Running repeatable R__2_comment.sql\n\n"
                + "COMMENT ON VIEW active_users IS 'first';\n\nCOMMIT;\n\n");
        assertThat(migrations.sql(Command.UPGRADE, "base:a1")).doesNotContain("repeatable");
    }

    @Test
    void aScriptThatCannotBeSplitIsRefusedBeforeTheFirstStep(TestDatabase db, @TempDir Path dir,
            @TempDir Path repeatable) {
        Rev.writeAll(dir, A);
        Rev.write(repeatable, "R__open.sql", "CREATE OR REPLACE VIEW v AS SELECT 'open;\n");
        Rev.write(repeatable, "R__commit.sql", "CREATE OR REPLACE VIEW v AS SELECT 1;\nCOMMIT;\n");
        DataSource ds = Db.schema(db, "rep_refused");

        ScriptFormatException refused = catchThrowableOfType(ScriptFormatException.class,
                () -> migrations(ds, dir, repeatable).upgrade("heads"));

        assertThat(refused.getMessage()).startsWith("filesystem:" + repeatable.resolve("R__commit.sql")
                + ":2: statement 2 is COMMIT, but a repeatable script runs in a transaction of the engine's");
        assertThat(Db.tableExists(ds, "rep_refused", "users")).isFalse();
        assertThat(Db.tableExists(ds, "rep_refused", "alembic_version")).isFalse();
    }
}
