package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Migrations#repair}: the log takes the script's checksum, with a row that keeps the old one; real PostgreSQL,
 * and the same on MariaDB (whose names compare without case) and H2.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class RepairTest {

    private static final Rev A = Rev.of("a1", "").up("CREATE TABLE first (id int);").down("DROP TABLE first;");
    private static final Rev B = Rev.of("b2", "a1").up("CREATE INDEX ix_first ON first (id);")
            .down("DROP INDEX ix_first;");
    private static final Rev C = Rev.of("c3", "b2").up("CREATE TABLE third (id int);").down("DROP TABLE third;");
    private static final Rev D = Rev.of("d4", "c3").up("CREATE TABLE fourth (id int);").down("DROP TABLE fourth;");

    private static Migrations engine(DataSource ds, Path dir) {
        return new Migrations(Db.config(ds, dir).build());
    }

    @Test
    void aChangedScriptIsRecordedAsItIsNowAndTheOldChecksumIsKept(TestDatabase db, @TempDir Path dir)
            throws IOException {
        DataSource ds = Db.schema(db, "repaired");
        Rev.writeAll(dir, A, B, C);
        Migrations before = engine(ds, dir);
        before.upgrade("heads");
        String old = before.scripts().get(1).checksum();
        RevisionInfo applied = before.show("b2");
        // The same index, now built without blocking writes: meant to stand for what ran.
        Files.writeString(dir.resolve("b2.sql"), B.text().replace("CREATE INDEX ix_first",
                "CREATE INDEX IF NOT EXISTS ix_first"));
        Migrations edited = engine(ds, dir);
        assertThat(edited.validate("heads").drift()).extracting(DriftProblem::revision).containsExactly("b2");
        assertThatThrownBy(() -> edited.upgrade("heads")).isInstanceOf(ChecksumMismatchException.class);

        RepairResult result = edited.repair(List.of("b2", "c3"));
        String now = edited.scripts().get(1).checksum();
        assertThat(result.repaired()).containsExactly(new RepairResult.Repaired("b2", old, now));
        assertThat(result.unchanged()).containsExactly("c3");

        Migrations repaired = engine(ds, dir);
        assertThat(repaired.validate("heads").drift()).isEmpty();
        assertThat(repaired.show("b2").checksumStatus()).isEqualTo(ChecksumStatus.MATCH);
        assertThat(repaired.show("b2").appliedAt()).isEqualTo(applied.appliedAt());
        assertThat(Db.strings(ds, "SELECT direction || ' ' || checksum || ' ' || message FROM samokoder_migrations_log"
                + " WHERE revision = 'b2' ORDER BY id")).containsExactly("up " + now + " Revision b2",
                        "repair " + now + " Repaired: the log held checksum " + old + " for what ran");
        // Nothing ran, and the version table is as it was; an upgrade goes on from there.
        assertThat(Db.strings(ds, "SELECT version_num FROM alembic_version")).containsExactly("c3");
        Rev.writeAll(dir, D);
        assertThat(engine(ds, dir).upgrade("heads").steps()).extracting(StepResult::revision).containsExactly("d4");
    }

    /** Applies A, B, C, edits B's upgrade, repairs it, and says what the log then holds for B. */
    private static List<String> repairedOn(DataSource ds, Path dir, MigrationsConfig.Builder config)
            throws IOException {
        Rev.writeAll(dir, A, B, C);
        new Migrations(config.build()).upgrade("heads");
        Files.writeString(dir.resolve("b2.sql"), B.text().replace("ON first (id)", "ON first ( id )")
                .replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS"));
        Migrations edited = new Migrations(config.build());
        assertThat(edited.validate("heads").drift()).extracting(DriftProblem::revision).containsExactly("b2");
        assertThat(edited.repair(List.of("b2")).repaired()).extracting(RepairResult.Repaired::revision)
                .containsExactly("b2");
        Migrations repaired = new Migrations(config.build());
        assertThat(repaired.validate("heads").drift()).isEmpty();
        assertThat(repaired.upgrade("heads").steps()).isEmpty();
        return List.of(repaired.show("b2").checksumStatus().name());
    }

    @Test
    void mariaDbAndH2RepairTheSameWay(@TempDir Path dir) throws IOException {
        try (TestDatabase db = MariaDb.fresh("repair")) {
            DataSource ds = db.dataSource();
            assertThat(repairedOn(ds, dir.resolve("mariadb"), MariaDb.config(ds, dir.resolve("mariadb"))))
                    .containsExactly("MATCH");
            assertThat(MariaDb.strings(ds, "SELECT direction FROM samokoder_migrations_log WHERE revision = 'b2'"
                    + " ORDER BY id")).containsExactly("up", "repair");
        }
        DataSource h2 = H2Db.memory();
        assertThat(repairedOn(h2, dir.resolve("h2"), H2Db.config(h2, dir.resolve("h2")))).containsExactly("MATCH");
    }

    @Test
    void whatARepairCannotMakeSafeIsRefusedWithNothingChanged(TestDatabase db, @TempDir Path dir) throws IOException {
        DataSource ds = Db.schema(db, "refused");
        Rev.writeAll(dir, A, B, C, D);
        engine(ds, dir).upgrade("c3");
        assertThatThrownBy(() -> engine(ds, dir).repair(List.of("d4"))).isInstanceOf(MigrationException.class)
                .hasMessage("Revision d4 (filesystem:" + dir.resolve("d4.sql") + ") is not applied to this database,"
                        + " so its log has nothing to repair; nothing was changed");

        // New parents would count as applied without having run.
        Files.writeString(dir.resolve("c3.sql"), C.text().replace("Revises: b2", "Revises: a1"));
        Files.writeString(dir.resolve("b2.sql"), B.text().replace("ix_first", "ix_first_id"));
        assertThatThrownBy(() -> engine(ds, dir).repair(List.of("c3", "b2"))).isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("Revision c3 (filesystem:" + dir.resolve("c3.sql") + ") was applied with"
                        + " Revises: b2 and its script now says Revises: a1; a repair does not record new parents");
        assertThat(Db.count(ds, "SELECT count(*) FROM samokoder_migrations_log WHERE direction = 'repair'")).isZero();
        // With c3 re-parented, b2 no longer even counts as applied: what a recorded Revises would make permanent.
        assertThat(engine(ds, dir).validate("heads").drift()).extracting(DriftProblem::revision)
                .containsExactly("c3");
    }
}
