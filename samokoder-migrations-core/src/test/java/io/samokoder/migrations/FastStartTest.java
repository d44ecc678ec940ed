package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.Revision;
import io.samokoder.migrations.ops.Operations;
import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast start: a no-op {@code upgrade("heads")} over scripts whose fingerprint an earlier run
 * verified is answered from one query, without the lock; any change to the scripts, the version rows
 * or the log sends it down the full path again. Most cases use scripts in a jar (stamped by CRC, as a
 * packaged application ships them); the directory case waits once for its files' times to settle.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class FastStartTest {

    private static final Rev A = Rev.of("a1", "").up("CREATE TABLE first (id int);").down("DROP TABLE first;");
    private static final Rev B = Rev.of("b2", "a1").up("CREATE TABLE second (id int);").down("DROP TABLE second;");
    private static final Rev B_EDITED = Rev.of("b2", "a1").up("CREATE TABLE second (id int8);")
            .down("DROP TABLE second;");
    private static final Rev C = Rev.of("c3", "b2").up("CREATE TABLE third (id int);").down("DROP TABLE third;");

    /** Runs upgrade("heads") on a fresh engine, as a new instance would; returns how many locks it took. */
    private static int start(MigrationsConfig.Builder config, Runs runs) {
        int before = runs.locks;
        new Migrations(config.listeners(List.of(runs)).build()).upgrade("heads");
        return runs.locks - before;
    }

    /** The same, with the scripts in {@code db/migrations} of the jar as it is now. */
    private static int start(DataSource ds, Path jar, Runs runs, UnaryOperator<MigrationsConfig.Builder> tweak) {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            return start(tweak.apply(MigrationsConfig.builder().dataSource(ds).locations("classpath:db/migrations")
                    .classLoader(loader)), runs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int start(DataSource ds, Path jar, Runs runs) {
        return start(ds, jar, runs, UnaryOperator.identity());
    }

    @Test
    void aSecondStartNeedsNoLockAndAnyChangeToAScriptIsSeen(TestDatabase db, @TempDir Path dir) throws Exception {
        DataSource ds = Db.schema(db, "fast_dir");
        Rev.writeAll(dir, A, B, C);
        FileTime built = FileTime.fromMillis(1_767_225_600_000L);
        Files.setLastModifiedTime(dir.resolve("b2.sql"), built);
        // Stamps of files changed within the last two seconds are not trusted (see justWrittenFiles...).
        Thread.sleep(2100);
        Runs runs = new Runs();
        MigrationsConfig.Builder config = Db.config(ds, dir);

        assertThat(start(config, runs)).isEqualTo(1);
        assertThat(runs.last().steps()).hasSize(3);
        assertThat(runs.last().fastStart()).isFalse();
        assertThat(Db.strings(ds, "SELECT heads || ' ' || log_rows FROM samokoder_migrations_log_state"))
                .containsExactly("c3 3");

        assertThat(start(config, runs)).isZero();
        assertThat(runs.last().fastStart()).isTrue();
        assertThat(runs.last().steps()).isEmpty();
        assertThat(runs.last().rowsBefore()).containsExactly("c3");
        assertThat(runs.last().rowsAfter()).containsExactly("c3");
        assertThat(runs.last().lockWait()).isZero();
        assertThat(runs.last().summary()).startsWith("Nothing to upgrade: database at c3");
        ValidationResult valid = new Migrations(config.build()).validate("heads");
        assertThat(valid.current()).containsExactly("c3");
        assertThat(valid.pending()).isEmpty();
        assertThat(valid.drift()).isEmpty();

        // An edit of the same size whose modification time is set back, as reproducible builds do:
        // the change time still moves, so the full path runs and finds the drift.
        Rev.write(dir, "b2.sql", B_EDITED.text().replace("int8", "int4"));
        Files.setLastModifiedTime(dir.resolve("b2.sql"), built);
        assertThat(Files.size(dir.resolve("b2.sql"))).isEqualTo(B.text().length() + 1);
        assertThatThrownBy(() -> start(config, runs)).isInstanceOf(ChecksumMismatchException.class);
        assertThat(runs.locks).isEqualTo(2);
        assertThat(new Migrations(config.build()).validate("heads").drift()).extracting(DriftProblem::revision)
                .containsExactly("b2");
    }

    @Test
    void justWrittenFilesAreNotTrustedByTheirStamps(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "fresh");
        Rev.writeAll(dir, A, B, C);
        Runs runs = new Runs();
        MigrationsConfig.Builder config = Db.config(ds, dir);
        assertThat(start(config, runs)).isEqualTo(1);
        assertThat(start(config, runs)).isEqualTo(1);
        assertThat(Db.strings(ds, "SELECT to_regclass('samokoder_migrations_log_state') IS NULL"))
                .containsExactly("t");
    }

    @Test
    void aScriptRewrittenWhileTheRunExecutesIsNotVouchedFor(TestDatabase db, @TempDir Path dir) throws Exception {
        DataSource ds = Db.schema(db, "rewritten");
        Rev.writeAll(dir, A, B, C);
        Thread.sleep(2100);
        Runs runs = new Runs();
        MigrationListener rewriter = new MigrationListener() {
            @Override
            public void stepFinished(StepResult result) {
                if (result.revision().equals("b2")) {
                    // The same text, after the scripts were read: only the file's change time moves.
                    Rev.write(dir, "c3.sql", C.text());
                }
            }
        };
        new Migrations(Db.config(ds, dir).listeners(List.of(runs, rewriter)).build()).upgrade("heads");
        assertThat(runs.last().steps()).hasSize(3);
        // The run's fingerprint is taken on the preparer's thread while the last steps run: before the
        // rewrite it vouches for the old stamps only, after it the file is refused. Either way the new
        // form is not vouched for, and the next start checks in full.
        assertThat(start(Db.config(ds, dir), runs)).as("the full path, under the lock").isEqualTo(1);
        assertThat(runs.last().steps()).isEmpty();
    }

    @Test
    void aChangedScriptInANewJarTakesTheFullPathAndItsDriftIsFound(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "fast_jar");
        Path jar = Rev.writeJar(dir.resolve("app.jar"), A, B, C);
        Runs runs = new Runs();
        assertThat(start(ds, jar, runs)).isEqualTo(1);
        assertThat(start(ds, jar, runs)).isZero();

        Rev.writeJar(jar, A, B_EDITED, C);
        assertThatThrownBy(() -> start(ds, jar, runs)).isInstanceOf(ChecksumMismatchException.class);
        assertThat(runs.locks).isEqualTo(2);
    }

    @Revision(id = "j4", revises = "c3", message = "Fourth, in Java")
    static class Fourth implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE TABLE fourth (id int)");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DROP TABLE fourth");
        }
    }

    @Revision(id = "j4", revises = "c3", message = "Fourth, in Java, edited")
    static class FourthEdited extends Fourth {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE TABLE fourth (id int8)");
        }
    }

    @Test
    void javaRevisionsTakePartInTheFingerprint(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "fast_java");
        Path jar = Rev.writeJar(dir.resolve("app.jar"), A, B, C);
        Runs runs = new Runs();

        assertThat(start(ds, jar, runs, c -> c.javaRevisions(new Fourth()))).isEqualTo(1);
        assertThat(runs.last().steps()).extracting(StepResult::revision).containsExactly("a1", "b2", "c3", "j4");
        assertThat(Db.strings(ds, "SELECT length(fingerprint) || ' ' || heads FROM samokoder_migrations_log_state"))
                .containsExactly("32 j4");

        assertThat(start(ds, jar, runs, c -> c.javaRevisions(new Fourth()))).isZero();
        assertThat(runs.last().fastStart()).isTrue();

        // An edited Java revision is a new fingerprint: the full path, which finds the drift.
        assertThatThrownBy(() -> start(ds, jar, runs, c -> c.javaRevisions(new FourthEdited())))
                .isInstanceOf(ChecksumMismatchException.class).hasMessageContaining("j4")
                // A Java revision's change is told as its own: operations, and values that differ per load.
                .hasMessageContaining("the operations it records differ from those that ran")
                .hasMessageContaining("declare a version instead: @Revision(version = \"1\")")
                .hasMessageNotContaining("executable SQL");
    }

    @Test
    void aNewScriptIsAppliedAndThenVerified(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "added");
        Path jar = Rev.writeJar(dir.resolve("app.jar"), A, B);
        Runs runs = new Runs();
        start(ds, jar, runs);

        Rev.writeJar(jar, A, B, C);
        assertThat(start(ds, jar, runs)).isEqualTo(1);
        assertThat(runs.last().steps()).extracting(StepResult::revision).containsExactly("c3");
        assertThat(start(ds, jar, runs)).isZero();
    }

    @Test
    void changedVersionRowsOrLogTakeTheFullPath(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "rows");
        Path jar = Rev.writeJar(dir.resolve("app.jar"), A, B, C);
        Runs runs = new Runs();
        start(ds, jar, runs);

        // Downgraded by hand: the rows are no longer the recorded heads.
        Db.exec(ds, "DROP TABLE third", "UPDATE alembic_version SET version_num = 'b2'");
        assertThat(start(ds, jar, runs)).isEqualTo(1);
        assertThat(runs.last().steps()).extracting(StepResult::revision).containsExactly("c3");
        assertThat(start(ds, jar, runs)).isZero();

        // Down and up again by an engine that records nothing: the rows end where they were, the log grew.
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            MigrationsConfig config = MigrationsConfig.builder().dataSource(ds).classLoader(loader).fastStart(false)
                    .build();
            new Migrations(config).downgrade("b2");
            new Migrations(config).upgrade("c3");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(start(ds, jar, runs)).isEqualTo(1);
        assertThat(start(ds, jar, runs)).isZero();

        // A log row deleted by hand: the log's size changed.
        Db.exec(ds, "DELETE FROM samokoder_migrations_log WHERE id = (SELECT min(id) FROM samokoder_migrations_log)");
        assertThat(start(ds, jar, runs)).isEqualTo(1);
        assertThat(start(ds, jar, runs)).isZero();
    }

    @Test
    void verifiedHeadsAnswerAsTheFastStartWouldWithoutARun(TestDatabase db, @TempDir Path dir) throws IOException {
        DataSource ds = Db.schema(db, "verified");
        Path jar = Rev.writeJar(dir.resolve("app.jar"), A, B, C);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            MigrationsConfig.Builder config = MigrationsConfig.builder().dataSource(ds).classLoader(loader);
            // A new database: nothing verified, and the question creates no table.
            assertThat(new Migrations(config.build()).verifiedHeads()).isEmpty();
            assertThat(Db.strings(ds, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"))
                    .containsExactly("0");
            new Migrations(config.build()).upgrade("heads");

            Migrations instance = new Migrations(config.build());
            assertThat(instance.verifiedHeads()).contains(List.of("c3"));
            assertThat(new Migrations(config.fastStart(false).build()).verifiedHeads()).isEmpty();
            assertThat(new Migrations(config.fastStart(true).dataSource(null).build()).verifiedHeads()).isEmpty();

            // Another instance's stamp moves the rows and writes the log: no longer what was verified.
            Migrations other = new Migrations(config.dataSource(ds).fastStart(false).build());
            other.stamp(List.of("b2"), false);
            assertThat(instance.verifiedHeads()).isEmpty();
            // Back at the heads by a stamp: the rows match, the log grew since the record.
            other.stamp(List.of("c3"), false);
            assertThat(instance.verifiedHeads()).isEmpty();
            new Migrations(config.fastStart(true).build()).upgrade("heads");
            assertThat(instance.verifiedHeads()).contains(List.of("c3"));
        }
    }

    /** The same question on MariaDB and on H2, whose fast start looks its tables up first. */
    @Test
    void verifiedHeadsOnMariaDbAndH2(@TempDir Path dir) throws IOException {
        // Table names that are no keyword in H2 ("second" is).
        Path jar = Rev.writeJar(dir.resolve("app.jar"), Rev.of("a1", "").up("CREATE TABLE t_a (id int);")
                .down("DROP TABLE t_a;"), Rev.of("b2", "a1").up("CREATE TABLE t_b (id int);").down("DROP TABLE t_b;"),
                Rev.of("c3", "b2").up("CREATE TABLE t_c (id int);").down("DROP TABLE t_c;"));
        try (TestDatabase maria = MariaDb.fresh("verified");
                URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            for (DataSource ds : List.of(maria.dataSource(), H2Db.memory())) {
                MigrationsConfig.Builder config = MigrationsConfig.builder().dataSource(ds).classLoader(loader);
                assertThat(new Migrations(config.build()).verifiedHeads()).isEmpty();
                new Migrations(config.build()).upgrade("heads");
                Migrations instance = new Migrations(config.build());
                assertThat(instance.verifiedHeads()).contains(List.of("c3"));
                new Migrations(config.fastStart(false).build()).stamp(List.of("b2"), false);
                assertThat(instance.verifiedHeads()).isEmpty();
            }
        }
    }

    @Test
    void withoutACleanChecksumCheckNothingIsRecorded(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "unchecked");
        Path jar = Rev.writeJar(dir.resolve("app.jar"), A, B, C);
        Runs runs = new Runs();
        assertThat(start(ds, jar, runs, c -> c.fastStart(false))).isEqualTo(1);
        assertThat(start(ds, jar, runs, c -> c.fastStart(false))).isEqualTo(1);
        assertThat(start(ds, jar, runs, c -> c.checksumPolicy(ChecksumPolicy.OFF))).isEqualTo(1);
        assertThat(start(ds, jar, runs, c -> c.checksumPolicy(ChecksumPolicy.OFF))).isEqualTo(1);

        Rev.writeJar(jar, A, B_EDITED, C);
        assertThat(start(ds, jar, runs, c -> c.checksumPolicy(ChecksumPolicy.WARN))).isEqualTo(1);
        assertThat(start(ds, jar, runs, c -> c.checksumPolicy(ChecksumPolicy.WARN))).isEqualTo(1);
        assertThat(Db.strings(ds, "SELECT to_regclass('samokoder_migrations_log_state') IS NULL"))
                .containsExactly("t");
    }

    @Test
    void aStateTableTheUserMayNotReadMeansTheFullPath(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "denied");
        Path jar = Rev.writeJar(dir.resolve("app.jar"), A, B, C);
        Runs runs = new Runs();
        start(ds, jar, runs);
        // A state table that cannot be read (standing in for a missing privilege): every read fails.
        Db.exec(ds, "DROP TABLE samokoder_migrations_log_state",
                "CREATE FUNCTION denied() RETURNS TABLE (fingerprint text, heads text, log_rows bigint,"
                        + " log_last_id bigint) LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'permission denied';"
                        + " END$$",
                "CREATE VIEW samokoder_migrations_log_state AS SELECT * FROM denied()");
        assertThat(start(ds, jar, runs)).isEqualTo(1);
        assertThat(runs.last().steps()).isEmpty();
        assertThat(runs.last().rowsAfter()).containsExactly("c3");
    }

    @Test
    void theLatestTenFingerprintsAreKept(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "kept");
        Path jar = dir.resolve("app.jar");
        Runs runs = new Runs();
        for (int build = 0; build < 12; build++) {
            // Each build adds a comment to a1, which the checksum tolerates and the fingerprint does not.
            Rev.writeJar(jar, Rev.of("a1", "").message("Build " + build).up("CREATE TABLE first (id int);")
                    .down("DROP TABLE first;"));
            assertThat(start(ds, jar, runs)).isEqualTo(1);
            assertThat(start(ds, jar, runs)).isZero();
        }
        assertThat(Db.strings(ds, "SELECT count(*) FROM samokoder_migrations_log_state")).containsExactly("10");
    }
}
