package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.samokoder.migrations.script.Placeholders;
import io.samokoder.migrations.script.ScriptFormatException;
import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flyway's built-in placeholders ({@code ${flyway:user}} and the others) in SQL scripts on PostgreSQL, MariaDB
 * and H2: the run's values online, a given value first, offline only those that need no connection.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class BuiltInPlaceholdersTest {

    private static final Rev SEEN = Rev.of("b1", "").up("""
            CREATE TABLE seen (schema_name varchar(200), user_name varchar(200), db varchar(200),
                version_table varchar(200), file varchar(200), started varchar(200), cwd varchar(2000));
            INSERT INTO seen VALUES ('${flyway:defaultSchema}', '${flyway:user}', '${flyway:database}',
                '${flyway:table}', '${flyway:filename}', '${flyway:timestamp}', '${flyway:workingDirectory}');
            """).down("DROP TABLE seen;");

    private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d";

    private static String metadataUser(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection()) {
            return c.getMetaData().getUserName();
        }
    }

    private static void assertSeen(List<String> row, String schema, String user, String database, String table) {
        assertThat(row).hasSize(1);
        String[] values = row.get(0).split("\\|", -1);
        assertThat(values[0]).isEqualTo(schema);
        assertThat(values[1]).isEqualTo(user);
        assertThat(values[2]).isEqualTo(database);
        assertThat(values[3]).isEqualTo(table);
        assertThat(values[4]).isEqualTo("b1.sql");
        assertThat(values[5]).matches(TIMESTAMP);
        assertThat(values[6]).isEqualTo(System.getProperty("user.dir"));
    }

    private static final String ROW = "SELECT schema_name, user_name, db, version_table, file, started, cwd FROM seen";

    @Test
    void onPostgresqlTheyAreTheRunsValuesAndAGivenValueComesFirst(TestDatabase db, @TempDir Path dir)
            throws Exception {
        Rev.writeAll(dir, SEEN);
        DataSource ds = Db.schema(db, "builtin_values");
        Migrations migrations = new Migrations(Db.config(ds, dir).build());
        // A dry run, which has no run's values, does not refuse them.
        assertThat(migrations.plan(Command.UPGRADE, "heads").steps()).hasSize(1);

        migrations.upgrade("heads");

        assertSeen(Db.strings(ds, ROW), "builtin_values", db.user(), Db.strings(ds, "SELECT current_database()")
                .get(0), "alembic_version");

        DataSource given = Db.schema(db, "builtin_given");
        new Migrations(Db.config(given, dir).versionTable("versions")
                .placeholders(Placeholders.of(Map.of("flyway:user", "someone"))).build()).upgrade("heads");
        assertSeen(Db.strings(given, ROW), "builtin_given", "someone",
                Db.strings(ds, "SELECT current_database()").get(0), "versions");
        assertThat(metadataUser(ds)).isEqualTo(db.user());
    }

    @Test
    void offlineThoseOfTheConnectionNeedAValueNamingTheProperty(TestDatabase db, @TempDir Path dir) {
        Rev.writeAll(dir, SEEN);
        Migrations migrations = new Migrations(Db.config(Db.schema(db, "builtin_offline"), dir).build());

        ScriptFormatException refused = catchThrowableOfType(ScriptFormatException.class,
                () -> migrations.sql(Command.UPGRADE, "base:heads"));

        assertThat(refused.getMessage()).contains("b1.sql", "'${flyway:defaultSchema}'",
                "samokoder.migrations.placeholders.[flyway:defaultSchema]");
        String offline = new Migrations(Db.config(Db.schema(db, "builtin_offline"), dir).schema("app")
                .placeholders(Placeholders.of(Map.of("flyway:user", "deployer", "flyway:database", "main"))).build())
                .sql(Command.UPGRADE, "base:heads");
        assertThat(offline).contains("VALUES ('app', 'deployer', 'main',\n    'alembic_version', 'b1.sql', '");
    }

    @Test
    void onMariaDbTheyAreTheRunsValues(@TempDir Path dir) throws Exception {
        Rev.writeAll(dir, SEEN);
        try (TestDatabase db = MariaDb.fresh("builtin")) {
            DataSource ds = db.dataSource();

            new Migrations(MariaDb.config(ds, dir).build()).upgrade("heads");

            String database = MariaDb.strings(ds, "SELECT DATABASE()").get(0);
            assertSeen(MariaDb.strings(ds, ROW), database, metadataUser(ds), database, "alembic_version");
        }
    }

    @Test
    void onH2TheyAreTheRunsValues(@TempDir Path dir) throws Exception {
        Rev.writeAll(dir, SEEN);
        DataSource ds = H2Db.memory();

        new Migrations(H2Db.config(ds, dir).build()).upgrade("heads");

        assertSeen(Db.strings(ds, ROW), "PUBLIC", metadataUser(ds), Db.strings(ds, "SELECT DATABASE()").get(0),
                "alembic_version");
    }
}
