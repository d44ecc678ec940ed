package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.samokoder.migrations.script.Placeholders;
import io.samokoder.migrations.script.ScriptFormatException;
import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code ${name}} placeholders in SQL scripts, on PostgreSQL: online, offline, refused, and off. */
@ExtendWith(PostgresDatabaseExtension.class)
class PlaceholderScriptsTest {

    private static final Rev A = Rev.of("a1", "")
            .up("CREATE TABLE ${table} (id int, note text DEFAULT '${Note}');")
            .down("DROP TABLE ${table};");
    private static final Rev B = Rev.of("b2", "a1")
            .up("INSERT INTO ${table} (id) VALUES (1);\nCOMMENT ON TABLE ${table} IS '${missing}';")
            .down("DELETE FROM ${table};");

    @Test
    void replacedOnlineAndOfflineAlikeWhileChecksumsStayThoseOfTheScriptsAsWritten(TestDatabase db,
            @TempDir Path dir) {
        Rev b = Rev.of("b2", "a1").up("INSERT INTO ${table} (id) VALUES (1);").down("DELETE FROM ${table};");
        Rev.writeAll(dir, A, b);
        DataSource widgets = Db.schema(db, "ph_widgets");
        Migrations migrations = new Migrations(Db.config(widgets, dir)
                .placeholders(Placeholders.of(Map.of("table", "widgets", "note", "first"))).build());
        migrations.upgrade("heads");
        assertThat(Db.strings(widgets, "SELECT id || ' ' || note FROM widgets")).containsExactly("1 first");
        String offline = migrations.sql(Command.UPGRADE, "base:heads");
        assertThat(offline).contains("CREATE TABLE widgets (id int, note text DEFAULT 'first');",
                "INSERT INTO widgets (id) VALUES (1);").doesNotContain("${");

        DataSource gadgets = Db.schema(db, "ph_gadgets");
        new Migrations(Db.config(gadgets, dir)
                .placeholders(Placeholders.of(Map.of("table", "gadgets", "note", "second"))).build())
                .upgrade("heads");
        assertThat(Db.strings(gadgets, "SELECT id || ' ' || note FROM gadgets")).containsExactly("1 second");
        // The same scripts, whatever the values: the same checksums, and no drift in either database.
        String checksums = "SELECT string_agg(revision || ' ' || checksum, ', ' ORDER BY id)"
                + " FROM samokoder_migrations_log";
        assertThat(Db.strings(gadgets, checksums)).isEqualTo(Db.strings(widgets, checksums));
        assertThat(migrations.validate("heads").drift()).isEmpty();

        migrations.downgrade("base");
        assertThat(Db.tableExists(widgets, "ph_widgets", "widgets")).isFalse();
    }

    @Test
    void aPlaceholderWithoutAValueIsRefusedBeforeTheFirstStep(TestDatabase db, @TempDir Path dir) {
        Rev.writeAll(dir, A, B);
        DataSource ds = Db.schema(db, "ph_missing");
        Migrations migrations = new Migrations(Db.config(ds, dir)
                .placeholders(Placeholders.of(Map.of("table", "widgets", "note", "first"))).build());
        ScriptFormatException refused = catchThrowableOfType(ScriptFormatException.class,
                () -> migrations.upgrade("heads"));
        assertThat(refused.getMessage()).startsWith("filesystem:" + dir.resolve("b2.sql")
                + ":9: No value for placeholder '${missing}'; give it one (samokoder.migrations.placeholders.missing)");
        // a1 did not run either: nothing was changed.
        assertThat(Db.tableExists(ds, "ph_missing", "widgets")).isFalse();
        assertThat(Db.tableExists(ds, "ph_missing", "alembic_version")).isFalse();
        assertThat(catchThrowableOfType(ScriptFormatException.class,
                () -> migrations.sql(Command.UPGRADE, "base:heads"))).hasMessage(refused.getMessage());
    }

    @Test
    void aScriptWhoseHeaderTurnsThemOffRunsAsWrittenBesideOnesThatUseThem(TestDatabase db, @TempDir Path dir) {
        Rev.writeAll(dir, Rev.of("a1", "").up("CREATE TABLE ${table} (v text);").down("DROP TABLE ${table};"),
                Rev.of("b2", "a1").header("Placeholders", "false")
                        .up("INSERT INTO greetings VALUES ('Hello ${name}');").down("DELETE FROM greetings;"));
        DataSource ds = Db.schema(db, "ph_header");
        Migrations migrations = new Migrations(Db.config(ds, dir)
                .placeholders(Placeholders.of(Map.of("table", "greetings"))).build());
        assertThat(migrations.sql(Command.UPGRADE, "base:heads")).contains("CREATE TABLE greetings (v text);",
                "INSERT INTO greetings VALUES ('Hello ${name}');");
        migrations.upgrade("heads");
        assertThat(Db.strings(ds, "SELECT v FROM greetings")).containsExactly("Hello ${name}");
        assertThat(migrations.scripts()).extracting(script -> script.placeholders()).containsExactly(true, false);
    }

    @Test
    void offRunsTheScriptsAsWritten(TestDatabase db, @TempDir Path dir) {
        Rev.writeAll(dir, Rev.of("a1", "").up("CREATE TABLE kept (v text DEFAULT '${as_written}');")
                .down("DROP TABLE kept;"));
        DataSource ds = Db.schema(db, "ph_off");
        new Migrations(Db.config(ds, dir).placeholders(Placeholders.OFF).build()).upgrade("heads");
        Db.exec(ds, "INSERT INTO kept DEFAULT VALUES");
        assertThat(Db.strings(ds, "SELECT v FROM kept")).containsExactly("${as_written}");
    }
}
