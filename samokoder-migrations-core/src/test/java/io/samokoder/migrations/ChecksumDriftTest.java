package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
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

@ExtendWith(PostgresDatabaseExtension.class)
class ChecksumDriftTest {

    private static final Rev A = Rev.of("a1", "").up("CREATE TABLE first (id int);").down("DROP TABLE first;");
    private static final Rev B = Rev.of("b2", "a1").message("Second")
            .up("CREATE TABLE second (\n    id int,\n    name text DEFAULT 'x'\n);\n"
                    + "INSERT INTO second VALUES (1, 'one');")
            .down("DROP TABLE second;");
    private static final Rev C = Rev.of("c3", "b2").up("CREATE TABLE third (id int);").down("DROP TABLE third;");

    private static Migrations applied(TestDatabase db, String schema, Path dir, ChecksumPolicy policy) {
        DataSource ds = Db.schema(db, schema);
        Rev.writeAll(dir, A, B, C);
        Migrations migrations = new Migrations(Db.config(ds, dir).checksumPolicy(policy).build());
        migrations.upgrade("heads");
        return migrations;
    }

    private static Migrations reload(Migrations old) {
        return new Migrations(old.config());
    }

    private static void rewrite(Path dir, String file, String text) throws IOException {
        Files.write(dir.resolve(file), text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void recordsChecksumsAndMatchesUnchangedScripts(TestDatabase db, @TempDir Path dir) {
        Migrations migrations = applied(db, "unchanged", dir, ChecksumPolicy.FAIL);
        assertThat(Db.strings(Db.schema(db, "unchanged"), "SELECT revision || ' ' || checksum || ' ' || revises"
                + " FROM samokoder_migrations_log ORDER BY id"))
                .containsExactly("a1 " + migrations.scripts().get(0).checksum() + " ",
                        "b2 " + migrations.scripts().get(1).checksum() + " a1",
                        "c3 " + migrations.scripts().get(2).checksum() + " b2");
        assertThat(reload(migrations).status("heads").revisions()).extracting(RevisionInfo::checksumStatus)
                .containsOnly(ChecksumStatus.MATCH);
    }

    @Test
    void formattingAndCommentOnlyEditsAreTolerated(TestDatabase db, @TempDir Path dir) throws IOException {
        Migrations migrations = applied(db, "formatting", dir, ChecksumPolicy.FAIL);
        String original = B.text();
        String edited = "\uFEFF" + original.replace("\n", "\r\n")
                .replace("CREATE TABLE second (", "-- a new comment\nCREATE   TABLE second (   ")
                .replace("    id int,", "\tid int,   /* note */")
                .replace("INSERT INTO second", "\n\n-- inserted on purpose\nINSERT INTO second") + "\n-- trailing\n";
        rewrite(dir, "b2.sql", edited);

        Migrations again = reload(migrations);
        try (LoggedWarnings logged = new LoggedWarnings()) {
            assertThat(again.upgrade("heads").steps()).isEmpty();
            // Reported as what it is, and only for the edited script.
            assertThat(logged.messages(Level.INFO)).filteredOn((m) -> m.contains("edited"))
                    .singleElement().asString().startsWith("Revision b2 (").contains("b2.sql) was edited since it was"
                            + " applied only in comments, blank lines, line endings or indentation; what runs is"
                            + " unchanged, so it stays applied");
        }
        assertThat(again.validate("heads").drift()).isEmpty();
        assertThat(again.show("b2").checksumStatus()).isEqualTo(ChecksumStatus.REFORMATTED);
        assertThat(again.show("a1").checksumStatus()).isEqualTo(ChecksumStatus.MATCH);
    }

    @Test
    void anInstanceThatSawANewDatabaseStillFindsTheEditAmongRevisionsAppliedMeanwhile(TestDatabase db,
            @TempDir Path dir) throws IOException {
        // More than ScriptLoader's threshold (512): the late instance reads them on several threads.
        int n = 600;
        Rev[] revs = new Rev[n];
        for (int i = 0; i < n; i++) {
            String id = String.format("m%04d", i);
            revs[i] = Rev.of(id, i == 0 ? "" : String.format("m%04d", i - 1)).up("SELECT " + i + ";").down("SELECT 0;");
        }
        DataSource ds = Db.schema(db, "raced");
        // The late instance's build has two scripts edited: one in a comment only, one in what runs.
        Path applied = dir.resolve("applied");
        Path edited = dir.resolve("edited");
        Rev.writeAll(applied, revs);
        Rev.writeAll(edited, revs);
        rewrite(edited, "m0007.sql", revs[7].text() + "\n-- only a comment\n");
        rewrite(edited, "m0500.sql", revs[500].text().replace("SELECT 500", "SELECT 42"));
        Migrations late = new Migrations(Db.config(ds, edited).build());
        // Its fast start finds no tables, so it loads the scripts without hashing them.
        assertThat(late.validate("heads").pending()).hasSize(n);
        assertThat(new Migrations(Db.config(ds, applied).build()).upgrade("heads").steps()).hasSize(n);

        ChecksumMismatchException e = catchThrowableOfType(ChecksumMismatchException.class,
                () -> late.upgrade("heads"));
        assertThat(e.revision()).isEqualTo("m0500");
        assertThat(e.getMessage()).doesNotContain("m0007");
    }

    @Test
    void anExecutableEditIsDetected(TestDatabase db, @TempDir Path dir) throws IOException {
        Migrations migrations = applied(db, "content", dir, ChecksumPolicy.FAIL);
        rewrite(dir, "b2.sql", B.text().replace("'one'", "'uno'"));

        Migrations again = reload(migrations);
        ChecksumMismatchException e = catchThrowableOfType(ChecksumMismatchException.class,
                () -> again.upgrade("heads"));
        assertThat(e.revision()).isEqualTo("b2");
        assertThat(e.file()).endsWith("b2.sql");
        assertThat(e.getMessage()).contains("Revision b2").contains("b2.sql").contains("changed after it was applied");
        assertThat(again.validate("heads").drift()).extracting(DriftProblem::revision).containsExactly("b2");
        assertThat(again.show("b2").checksumStatus()).isEqualTo(ChecksumStatus.CHANGED);

        Migrations warn = new Migrations(again.config().toBuilder().checksumPolicy(ChecksumPolicy.WARN).build());
        assertThat(warn.upgrade("heads").steps()).isEmpty();
        Migrations off = new Migrations(again.config().toBuilder().checksumPolicy(ChecksumPolicy.OFF).build());
        assertThat(off.upgrade("heads").steps()).isEmpty();
    }

    @Test
    void aNewDowngradePartIsNoDriftAndADowngradeRunsIt(TestDatabase db, @TempDir Path dir) throws IOException {
        Migrations migrations = applied(db, "newdown", dir, ChecksumPolicy.FAIL);
        rewrite(dir, "b2.sql",
                B.text().replace("DROP TABLE second;", "DROP TABLE second;\nCREATE TABLE gone (id int);"));

        Migrations again = reload(migrations);
        try (LoggedWarnings logged = new LoggedWarnings()) {
            assertThat(again.upgrade("heads").steps()).isEmpty();
            assertThat(logged.messages(Level.INFO)).anySatisfy((line) -> assertThat(line)
                    .startsWith("Revision b2 (").contains("b2.sql) has a new downgrade part since it was applied"));
        }
        assertThat(again.validate("heads").upToDate()).isTrue();
        assertThat(again.show("b2").checksumStatus()).isEqualTo(ChecksumStatus.DOWNGRADE_CHANGED);
        assertThat(again.show("c3").checksumStatus()).isEqualTo(ChecksumStatus.MATCH);

        again.downgrade("a1");
        DataSource ds = Db.schema(db, "newdown");
        assertThat(Db.tableExists(ds, "newdown", "gone")).isTrue();
        assertThat(Db.tableExists(ds, "newdown", "second")).isFalse();
    }

    @Test
    void aDowngradePartRemovedIsNoDriftAndTheRevisionIsThenIrreversible(TestDatabase db, @TempDir Path dir)
            throws IOException {
        Migrations migrations = applied(db, "nodown", dir, ChecksumPolicy.FAIL);
        String text = B.text();
        rewrite(dir, "b2.sql", text.substring(0, text.indexOf("-- migrate:downgrade")));

        Migrations again = reload(migrations);
        try (LoggedWarnings logged = new LoggedWarnings()) {
            assertThat(again.upgrade("heads").steps()).isEmpty();
            assertThat(logged.messages(Level.INFO)).anySatisfy((line) -> assertThat(line)
                    .contains("has a new downgrade part since it was applied")
                    .endsWith("and it is now irreversible: a downgrade past it is refused"));
        }
        assertThat(again.show("b2").checksumStatus()).isEqualTo(ChecksumStatus.DOWNGRADE_CHANGED);
        assertThatThrownBy(() -> again.downgrade("a1")).isInstanceOf(IrreversibleRevisionException.class);
        assertThat(again.current()).containsExactly("c3");
    }

    @Test
    void aRevisionAppliedWithAVersionOneChecksumTellsNoPartApart(TestDatabase db, @TempDir Path dir)
            throws IOException {
        Migrations migrations = applied(db, "versionone", dir, ChecksumPolicy.FAIL);
        DataSource ds = Db.schema(db, "versionone");
        // What builds before 2026-12 recorded for B: one SHA-256 over both parts.
        Db.exec(ds, "UPDATE samokoder_migrations_log SET checksum ="
                + " 'v1:022bcd9d64801e4b4b4b4aeac8ec15b09bf40d71193022833d5481ae7ad791f3' WHERE revision = 'b2'");
        rewrite(dir, "b2.sql", B.text().replace("DROP TABLE second;", "DROP   TABLE second ;"));
        assertThat(reload(migrations).validate("heads").upToDate()).as("reformatted").isTrue();

        rewrite(dir, "b2.sql", B.text().replace("DROP TABLE second;", "DROP TABLE second CASCADE;"));
        Migrations again = reload(migrations);
        ChecksumMismatchException e = catchThrowableOfType(ChecksumMismatchException.class,
                () -> again.upgrade("heads"));
        assertThat(e.revision()).isEqualTo("b2");
        assertThat(e.getMessage()).contains("the recorded checksum is of version 1, which covers both parts");
    }

    @Test
    void aReparentedAppliedRevisionIsDetected(TestDatabase db, @TempDir Path dir) throws IOException {
        Migrations migrations = applied(db, "reparented", dir, ChecksumPolicy.FAIL);
        // c3 now revises a1 directly and b2 moves on top of it: a valid graph, but not what was applied.
        rewrite(dir, "c3.sql", C.text().replace("-- Revises: b2", "-- Revises: a1"));
        rewrite(dir, "b2.sql", B.text().replace("-- Revises: a1", "-- Revises: c3"));

        Migrations again = reload(migrations);
        assertThatThrownBy(() -> again.upgrade("heads")).isInstanceOf(ChecksumMismatchException.class)
                .hasMessageContaining("Revision c3").hasMessageContaining("c3.sql")
                .hasMessageContaining("applied with Revises: b2, but its script now says Revises: a1");
        assertThat(again.validate("heads").drift()).extracting(DriftProblem::revision).containsExactly("c3");
        assertThat(again.current()).containsExactly("c3");
    }

    @Test
    void aDowngradedRevisionIsNoLongerChecked(TestDatabase db, @TempDir Path dir) throws IOException {
        Migrations migrations = applied(db, "downgraded", dir, ChecksumPolicy.FAIL);
        migrations.downgrade("a1");
        rewrite(dir, "b2.sql", B.text().replace("'one'", "'uno'"));

        Migrations again = reload(migrations);
        assertThat(again.upgrade("heads").steps()).extracting(StepResult::revision).containsExactly("b2", "c3");
        assertThat(Db.strings(Db.schema(db, "downgraded"), "SELECT name FROM second")).containsExactly("uno");
        assertThat(reload(again).validate("heads").upToDate()).isTrue();
    }
}
