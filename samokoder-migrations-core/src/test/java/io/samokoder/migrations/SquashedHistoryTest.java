package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.squash.SquashedScript;
import io.samokoder.migrations.squash.Squasher;
import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A squashed history on real PostgreSQL: databases that ran the revisions one by one keep going, a new database
 * runs the squash, and one that stopped inside the squashed revisions is told what to do.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class SquashedHistoryTest {

    private static final Rev A = Rev.of("a1", "").up("CREATE TABLE first (id int);").down("DROP TABLE first;");
    private static final Rev B = Rev.of("b2", "a1").up("ALTER TABLE first ADD COLUMN name text;\n"
            + "INSERT INTO first VALUES (1, 'one');").down("ALTER TABLE first DROP COLUMN name;");
    private static final Rev C = Rev.of("c3", "b2").up("CREATE TABLE second (id int);").down("DROP TABLE second;");
    private static final Rev D = Rev.of("d4", "c3").up("CREATE TABLE third (id int);").down("DROP TABLE third;");

    /** Squashes c3 in the directory as the {@code squash} command does: c3's file rewritten, a1's and b2's gone. */
    private static void squash(Path dir) throws IOException {
        Migrations before = new Migrations(MigrationsConfig.builder().locations("filesystem:" + dir).build());
        SquashedScript squash = Squasher.of(before.scripts(), before.offlineDialect())
                .squash("c3", "baseline", "2026-12-07 02:00:00");
        Files.writeString(dir.resolve("c3.sql"), squash.text(), StandardCharsets.UTF_8);
        Files.delete(dir.resolve("a1.sql"));
        Files.delete(dir.resolve("b2.sql"));
    }

    private static Migrations engine(DataSource ds, Path dir) {
        return new Migrations(Db.config(ds, dir).build());
    }

    @Test
    void aDatabaseThatRanTheRevisionsOneByOneGoesOn(TestDatabase db, @TempDir Path dir) throws Exception {
        DataSource ds = Db.schema(db, "ran_before");
        Rev.writeAll(dir, A, B, C, D);
        engine(ds, dir).upgrade("c3");
        squash(dir);

        Migrations squashed = engine(ds, dir);
        assertThat(squashed.validate("heads").drift()).isEmpty();
        assertThat(squashed.show("c3").checksumStatus()).isEqualTo(ChecksumStatus.DOWNGRADE_CHANGED);
        assertThat(squashed.upgrade("heads").steps()).extracting(StepResult::revision).containsExactly("d4");
        assertThat(Db.tableExists(ds, "ran_before", "third")).isTrue();
        // The revisions before the squash count as unchanged, so a later start is the fast one (files written in
        // the last two seconds are never trusted to be unchanged).
        Thread.sleep(2100);
        engine(ds, dir).upgrade("heads");
        assertThat(engine(ds, dir).upgrade("heads").fastStart()).isTrue();

        // A downgrade runs the squash's part: everything the three revisions made goes.
        squashed.downgrade("base");
        assertThat(Db.tableExists(ds, "ran_before", "first")).isFalse();
        assertThat(Db.tableExists(ds, "ran_before", "second")).isFalse();
    }

    @Test
    void aNewDatabaseRunsTheSquash(TestDatabase db, @TempDir Path dir) throws IOException {
        DataSource ds = Db.schema(db, "new_database");
        Rev.writeAll(dir, A, B, C, D);
        squash(dir);

        Migrations squashed = engine(ds, dir);
        assertThat(squashed.upgrade("heads").steps()).extracting(StepResult::revision).containsExactly("c3", "d4");
        assertThat(Db.strings(ds, "SELECT id || ' ' || name FROM first")).containsExactly("1 one");
        assertThat(squashed.show("c3").checksumStatus()).isEqualTo(ChecksumStatus.MATCH);
        // Its checksum is its own: an edit of what ran is drift here, as for any revision.
        Files.writeString(dir.resolve("c3.sql"), Files.readString(dir.resolve("c3.sql"))
                .replace("CREATE TABLE second (id int)", "CREATE TABLE second (id bigint)"));
        assertThat(engine(ds, dir).validate("heads").drift()).extracting(DriftProblem::revision).containsExactly("c3");
    }

    @Test
    void aDatabaseInsideTheSquashIsToldToUpgradeWithTheBuildBefore(TestDatabase db, @TempDir Path dir)
            throws IOException {
        DataSource ds = Db.schema(db, "part_way");
        Rev.writeAll(dir, A, B, C, D);
        engine(ds, dir).upgrade("a1");
        squash(dir);

        Migrations squashed = engine(ds, dir);
        String expected = "Can't locate revision identified by 'a1'. The version table alembic_version names"
                + " it, and it was squashed into revision c3 (filesystem:" + dir.resolve("c3.sql") + "): this"
                + " database stopped part way through the revisions that the squash holds, so the squash cannot run"
                + " here. Upgrade it to the squash's revision with a build from before the squash (its scripts are in"
                + " the version control history), then run this one.";
        assertThatThrownBy(() -> squashed.upgrade("heads")).isInstanceOf(UnknownAppliedRevisionException.class)
                .hasMessage(expected);
        assertThat(squashed.validate("heads").drift()).extracting(DriftProblem::message).containsExactly(expected);
        assertThat(Db.strings(ds, "SELECT version_num FROM alembic_version")).containsExactly("a1");
        assertThat(Db.tableExists(ds, "part_way", "second")).isFalse();
    }

    @Test
    void aSquashedChecksumThatIsNotTheRevisionsIsStillDrift(TestDatabase db, @TempDir Path dir) throws IOException {
        DataSource ds = Db.schema(db, "wrong_checksum");
        Rev.writeAll(dir, A, B, C, D);
        engine(ds, dir).upgrade("c3");
        squash(dir);
        String text = Files.readString(dir.resolve("c3.sql"));
        Files.writeString(dir.resolve("c3.sql"), text.replaceFirst("Squashed Checksum: v2:[0-9a-f]{8}",
                "Squashed Checksum: v2:00000000"));

        assertThat(engine(ds, dir).validate("heads").drift()).extracting(DriftProblem::revision)
                .containsExactly("c3");
    }
}
