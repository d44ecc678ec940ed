package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.Revision;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.Operations;
import io.samokoder.migrations.ops.Type;
import io.samokoder.migrations.script.ScriptFormatException;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On MariaDB every statement commits by itself, so a script that cannot become statements must fail the run
 * before its first step: found at its own step, it would leave the revisions before it applied.
 */
class MariaDbBadInputTest {

    @Revision(id = "j2", revises = "p1", message = "Widens the name")
    public static class WidensWithoutTheExistingDefinition implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            op.alterColumn("base_t", "name", c -> c.type(Type.string(200)));
        }
    }

    @Test
    void aJavaRevisionTheDialectCannotRenderFailsBeforeTheRevisionsBeforeIt(@TempDir Path dir) {
        Rev.writeAll(dir, Rev.of("p1", "").up("CREATE TABLE base_t (id INT, name VARCHAR(20) NOT NULL);")
                .down("DROP TABLE base_t;"));
        try (TestDatabase db = MariaDb.fresh("badjava")) {
            DataSource ds = db.dataSource();
            Migrations migrations = new Migrations(MariaDb.config(ds, dir)
                    .javaRevisions(new WidensWithoutTheExistingDefinition()).build());

            MigrationException dryRun = catchThrowableOfType(MigrationException.class,
                    () -> migrations.plan(Command.UPGRADE, "heads"));
            MigrationException failure = catchThrowableOfType(MigrationException.class,
                    () -> migrations.upgrade("heads"));

            for (MigrationException e : new MigrationException[] {dryRun, failure}) {
                assertThat(e).isNotNull();
                assertThat(e.getMessage()).startsWith("Java revision " + WidensWithoutTheExistingDefinition.class
                        .getName() + ", its upgrade(): alterColumn(base_t.name) restates the whole column");
            }
            assertThat(MariaDb.tables(ds)).as("p1 did not run, and no table of the engine's was made").isEmpty();
        }
    }

    @Test
    void aScriptThatDoesNotSplitFailsBeforeTheRevisionsBeforeIt(@TempDir Path dir) {
        Rev.writeAll(dir, Rev.of("p1", "").up("CREATE TABLE base_t (id INT);").down("DROP TABLE base_t;"),
                Rev.of("p2", "p1").up("CREATE TABLE two (id INT);\nINSERT INTO two VALUES ('never closed);")
                        .down("DROP TABLE two;"));
        try (TestDatabase db = MariaDb.fresh("badsplit")) {
            DataSource ds = db.dataSource();

            ScriptFormatException e = catchThrowableOfType(ScriptFormatException.class,
                    () -> new Migrations(MariaDb.config(ds, dir).build()).upgrade("heads"));

            assertThat(e).isNotNull();
            assertThat(e.file()).endsWith("p2.sql");
            assertThat(e.getMessage()).contains("Unterminated string literal");
            assertThat(MariaDb.tables(ds)).isEmpty();
        }
    }
}
