package io.samokoder.migrations.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samokoder.migrations.script.Phase;
import io.samokoder.migrations.script.RevisionScript;
import io.samokoder.migrations.script.ScriptLoader;
import io.samokoder.migrations.script.SimpleScriptResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code init}, {@code revision} and {@code merge}: the files written, and Alembic's errors. No database. */
class RevisionCommandsTest {

    @TempDir
    Path temp;

    Path dir;
    Cli cli;

    @BeforeEach
    void setUp() {
        this.dir = Fixture.write(this.temp.resolve("scripts"));
        this.cli = Cli.at(this.dir).option("--url", "jdbc:postgresql://127.0.0.1:1/nothing");
    }

    static RevisionScript load(Path file) {
        return ScriptLoader.load(List.of(SimpleScriptResource.ofPath(file))).get(0);
    }

    private Path generated(Cli.Result result) {
        assertEquals(0, result.status(), result::toString);
        var matcher = Pattern.compile("Generating (.+) \\.\\.\\.  done\n").matcher(result.out());
        assertTrue(matcher.matches(), result::toString);
        return Path.of(matcher.group(1));
    }

    @Test
    void revisionOnTheSingleHead() throws IOException {
        Path file = generated(this.cli.run("revision", "-m", "Add the users' table, with e-mail!"));
        String name = file.getFileName().toString();
        assertTrue(name.matches("[0-9a-f]{12}_add_the_users_table_with_e_mail\\.sql"), name);
        assertEquals(this.dir, file.getParent());
        RevisionScript script = load(file);
        assertEquals(name.substring(0, 12), script.id());
        assertEquals("Add the users' table, with e-mail!", script.message());
        assertEquals(List.of("eeee5555"), script.downRevisions());
        assertTrue(script.createDate().orElseThrow().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}"));
        String text = Files.readString(file);
        assertTrue(text.contains("\n-- migrate:upgrade\n") && text.contains("\n-- migrate:downgrade\n"), text);
        assertTrue(!text.contains("Branch Labels") && !text.contains("Depends On"), "empty optional keys are dropped");
        assertEquals(script.id() + " (reporting) (head)\n", this.cli.run("heads").out());
    }

    @Test
    void optionsAreWrittenAsAlembicFillsThem() {
        Path file = generated(this.cli.run("revision", "-m", "Split", "--head", "bbbb", "--splice", "--rev-id",
                "split01", "--branch-label", "side", "--depends-on", "dddd", "--depends-on", "reporting"));
        RevisionScript script = load(file);
        assertEquals("split01_split.sql", file.getFileName().toString());
        assertEquals(List.of("bbbb2222"), script.downRevisions());
        assertEquals(List.of("dddd4444", "reporting"), script.dependsOn());
        assertEquals(List.of("side"), List.copyOf(script.branchLabels()));
        assertTrue(script.docstring().endsWith("\nBranch Labels: side\nDepends On: dddd4444, reporting"),
                script.docstring());
        RevisionScript root = load(generated(this.cli.run("revision", "-m", "Other root", "--head", "base",
                "--rev-id", "root02")));
        assertEquals(List.of(), root.downRevisions());
    }

    @Test
    void alembicErrors() throws IOException {
        assertEquals("FAILED: Revision bbbb2222 is not a head revision; please specify --splice to create a new"
                + " branch from this revision\n", this.cli.run("revision", "-m", "x", "--head", "bbbb").err());
        assertEquals("FAILED: Character(s) '-' not allowed in revision identifier 'a-b'\n",
                this.cli.run("revision", "-m", "x", "--rev-id", "a-b").err());
        Cli.Result used = this.cli.run("revision", "-m", "x", "--rev-id", "aaaa1111");
        assertEquals(255, used.status());
        assertTrue(used.err().startsWith("FAILED: Revision id 'aaaa1111' is already used by "), used.err());
        assertEquals("FAILED: Duplicate head revisions specified\n",
                this.cli.run("merge", "eeee", "eeee5555", "-m", "x").err());
        assertEquals("FAILED: Can't locate revision identified by 'zzzz'\n",
                this.cli.run("revision", "-m", "x", "--depends-on", "zzzz").err());
        generated(this.cli.run("revision", "-m", "Root", "--head", "base", "--rev-id", "root02"));
        assertEquals("FAILED: Multiple head revisions are present for given argument 'heads'; please specify a"
                + " specific target revision, '<branchname>@heads' to narrow to a specific head, or 'heads' for all"
                + " heads\n", this.cli.run("revision", "-m", "x", "--head", "root02", "--depends-on", "heads").err());
        Cli.Result several = this.cli.run("revision", "-m", "x");
        assertEquals(255, several.status());
        assertEquals("FAILED: Multiple heads are present; please specify the head revision on which the new revision"
                + " should be based, or perform a merge.\n", several.err());
        try (Stream<Path> files = Files.list(this.dir)) {
            assertEquals(6, files.count(), "failed commands write nothing");
        }
    }

    @Test
    void contractWritesThePhaseIntoTheHeader() throws IOException {
        Path file = generated(this.cli.run("revision", "-m", "Drop login", "--contract", "--rev-id", "c0ffee01"));
        RevisionScript script = load(file);
        assertEquals(Phase.CONTRACT, script.phase());
        assertTrue(Files.readString(file).matches("(?s).*\n-- Create Date: [^\n]*\n-- Phase: contract\n\n"
                + "-- migrate:upgrade\n.*"), Files.readString(file));
        // A template's own Phase line is set rather than repeated.
        Files.writeString(this.dir.resolve("script.sql.template"), """
                -- ${message}
                --
                -- Revision ID: ${up_revision}
                -- Revises: ${down_revision}
                -- Phase: expand

                -- migrate:upgrade

                -- migrate:downgrade
                """);
        Path own = generated(this.cli.run("revision", "-m", "Drop name", "--contract", "--rev-id", "c0ffee02"));
        assertEquals(Phase.CONTRACT, load(own).phase());
        assertEquals(1, Files.readString(own).split("-- Phase:", -1).length - 1, Files.readString(own));
        assertEquals(Phase.EXPAND, load(generated(this.cli.run("revision", "-m", "Add", "--rev-id", "add03"))).phase());
    }

    @Test
    void anEmptyRevIdGetsAGeneratedOneAsInAlembic() {
        Path file = generated(this.cli.run("revision", "-m", "generated", "--rev-id", ""));
        assertTrue(file.getFileName().toString().matches("[0-9a-f]{12}_generated\\.sql"), file.toString());
    }

    @Test
    void withoutAMessageTheScriptSaysEmptyMessageAsAlembicsDoes() throws IOException {
        Path file = generated(this.cli.run("revision", "--rev-id", "nomsg01"));
        assertEquals("nomsg01_.sql", file.getFileName().toString());
        assertTrue(Files.readString(file).startsWith("-- empty message\n"), Files.readString(file));
        assertTrue(this.cli.run("history", "-r", "eeee:").out().startsWith("eeee5555 -> nomsg01 (reporting) (head),"
                + " empty message\n"), this.cli.run("history", "-r", "eeee:").out());
    }

    @Test
    void mergeTheHeadsInTheOrderGiven() {
        generated(this.cli.run("revision", "-m", "Root", "--head", "base", "--rev-id", "root02"));
        RevisionScript merge = load(generated(this.cli.run("merge", "root02", "eeee", "-m", "Merge heads",
                "--rev-id", "merge03")));
        assertEquals(List.of("root02", "eeee5555"), merge.downRevisions());
        assertEquals(Phase.EXPAND, merge.phase());
        assertEquals("merge03 (reporting) (head)\n", this.cli.run("heads").out());
    }

    @Test
    void aMergeOfAContractBranchIsDeclaredContractWithTheOption() {
        generated(this.cli.run("revision", "-m", "Drop login", "--head", "base", "--contract", "--rev-id", "c0ffee02"));
        RevisionScript merge = load(generated(this.cli.run("merge", "heads", "-m", "Merge", "--contract",
                "--rev-id", "merge04")));
        assertEquals(Phase.CONTRACT, merge.phase());
        assertEquals(List.of("eeee5555", "c0ffee02"), merge.downRevisions());
    }

    @Test
    void fileTemplateAndScriptTemplate() throws IOException {
        Files.writeString(this.dir.resolve("script.sql.template"), """
                -- ${message}
                --
                -- Revision ID: ${up_revision}
                -- Revises: ${down_revision}
                -- Create Date: ${create_date}

                -- migrate:upgrade
                -- (team template)

                -- migrate:downgrade
                """);
        Path file = generated(this.cli.run("revision", "-m", "A message that is much longer than forty characters",
                "--rev-id", "tmpl01", "--file-template", "%(year)d%(month).2d%(day).2d_%(rev)s_%(slug)s"));
        assertTrue(file.getFileName().toString().matches(
                "\\d{8}_tmpl01_a_message_that_is_much_longer_than_.sql"), file.toString());
        assertTrue(Files.readString(file).contains("-- (team template)"));
        Cli.Result labels = this.cli.run("revision", "-m", "x", "--branch-label", "lost");
        assertEquals(255, labels.status());
        assertTrue(labels.err().contains("does not have them"), labels.err());
        Files.writeString(this.dir.resolve("script.sql.template"), "-- ${message}\n-- ${nope}\n");
        assertEquals("FAILED: " + this.dir.resolve("script.sql.template") + ":2: unknown placeholder '${nope}'; known"
                + " are ${branch_labels}, ${create_date}, ${depends_on}, ${down_revision}, ${message},"
                + " ${up_revision}\n",
                this.cli.run("revision", "-m", "x").err());
        Files.delete(this.dir.resolve("script.sql.template"));
        assertTrue(this.cli.run("revision", "-m", "x", "--file-template", "%(nope)s").err()
                .startsWith("FAILED: Invalid file template '%(nope)s': unknown token 'nope'"));
    }

    @Test
    void initCreatesTheDirectoryWithTheTemplate() throws IOException {
        Path fresh = this.temp.resolve("fresh/db/migrations");
        Cli.Result init = Cli.raw(java.util.Map.of(), "init", fresh.toString());
        assertEquals(0, init.status(), init::toString);
        assertEquals("Creating directory " + fresh.toAbsolutePath() + " ...  done\nGenerating "
                + fresh.resolve("script.sql.template").toAbsolutePath() + " ...  done\n", init.out());
        assertTrue(Files.readString(fresh.resolve("script.sql.template")).contains("-- Revision ID: ${up_revision}"));
        Cli.Result again = Cli.raw(java.util.Map.of(), "init", fresh.toString());
        assertEquals("FAILED: Directory " + fresh + " already exists and is not empty\n", again.err());
    }
}
