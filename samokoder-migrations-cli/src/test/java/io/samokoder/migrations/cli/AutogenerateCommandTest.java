package io.samokoder.migrations.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.cli.command.AutogenerateSettings;
import io.samokoder.migrations.cli.command.Hints;
import io.samokoder.migrations.cli.command.RevisionCommand;
import io.samokoder.migrations.dialect.mariadb.MariaDbDialect;
import io.samokoder.migrations.dialect.postgresql.PostgresDialect;
import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.ForeignKey;
import io.samokoder.migrations.ops.Index;
import io.samokoder.migrations.ops.NamingConvention;
import io.samokoder.migrations.ops.Operation;
import io.samokoder.migrations.ops.OperationRecorder;
import io.samokoder.migrations.ops.PrimaryKey;
import io.samokoder.migrations.ops.Type;
import io.samokoder.migrations.ops.Unique;
import io.samokoder.migrations.schema.ModelSource;
import io.samokoder.migrations.schema.Schema;
import io.samokoder.migrations.schema.SchemaTable;
import io.samokoder.migrations.script.ScriptLoader;
import io.samokoder.migrations.script.SqlStatement;
import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestMariaDb;
import io.samokoder.migrations.testsupport.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code revision --autogenerate} and {@code check} against a model, on a real PostgreSQL (a fresh database per
 * test): the model is a hand-built {@link ModelSource}, as the application's JPA entities give one.
 */
class AutogenerateCommandTest {

    static final SchemaTable ACCOUNTS = new SchemaTable("accounts", List.of(Column.of("id", Type.BIGINT).notNull(),
            Column.of("name", Type.string(100)).notNull()), new PrimaryKey("accounts_pkey", List.of("id")), List.of(),
            List.of(), List.of(), null);

    static final SchemaTable USERS = new SchemaTable("users", List.of(Column.of("id", Type.BIGINT).notNull(),
            Column.of("email", Type.string(255)).notNull(), Column.of("account_id", Type.BIGINT)),
            new PrimaryKey("users_pkey", List.of("id")), List.of(new Unique("uq_users_email", List.of("email"))),
            List.of(Index.on("users", "account_id").named("ix_users_account_id")),
            List.of(ForeignKey.from("account_id").references("accounts", "id").named("fk_users_account_id")), null);

    @TempDir
    Path temp;

    TestDatabase db;
    Path dir;

    record Run(int status, String out, String err) {
    }

    @BeforeEach
    void setUp() throws IOException {
        this.db = TestPostgres.createDatabase("autogen");
        this.dir = Files.createDirectories(this.temp.resolve("scripts"));
        Fixture.script(this.dir, "aaaa_accounts.sql", "Create accounts", "aaaa", "", "",
                "CREATE TABLE accounts (id bigint PRIMARY KEY, name varchar(100) NOT NULL);", "DROP TABLE accounts;");
    }

    @AfterEach
    void tearDown() {
        this.db.close();
    }

    private static ModelSource model(SchemaTable... tables) {
        return dialect -> new Schema(List.of(tables), List.of());
    }

    private Run app(ModelSource model, String commandLine) {
        return app(model, AutogenerateSettings.DEFAULTS, commandLine);
    }

    private Run app(ModelSource model, AutogenerateSettings settings, String commandLine) {
        Migrations migrations = new Migrations(MigrationsConfig.builder().dataSource(this.db.dataSource())
                .locations("filesystem:" + this.dir).build());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CommandMode.run(migrations, model, settings, commandLine,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Run ok(ModelSource model, String commandLine) {
        Run run = app(model, commandLine);
        assertEquals(0, run.status(), run::toString);
        return run;
    }

    private static Path generated(Run run) {
        Matcher matcher = Pattern.compile("Generating (.+) \\.\\.\\.  done\n").matcher(run.out());
        assertTrue(matcher.matches(), run::toString);
        return Path.of(matcher.group(1));
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(this.dir)) {
            return files.sorted().toList();
        }
    }

    @Test
    void writesTheRevisionThatMakesTheDatabaseMatchTheModelAndCheckPassesOnceItRan() throws IOException {
        ok(null, "upgrade heads");
        ModelSource model = model(ACCOUNTS, USERS);
        Run autogenerate = ok(model, "revision --autogenerate -m \"add users\" --rev-id bbbb");
        Path file = generated(autogenerate);
        assertEquals(this.dir.resolve("bbbb_add_users.sql"), file);
        assertTrue(autogenerate.err().lines().toList().contains("Detected added table 'users'"), autogenerate::toString);
        assertTrue(autogenerate.err().lines().toList().contains(RevisionCommand.NOT_DETECTED), autogenerate::toString);

        String text = Files.readString(file);
        assertTrue(text.startsWith("-- add users\n--\n-- Revision ID: bbbb\n-- Revises: aaaa\n-- Create Date: "), text);
        assertTrue(text.contains("\n\n-- migrate:upgrade\n-- Detected added table 'users'\nCREATE TABLE users (\n"), text);
        assertTrue(text.contains("FOREIGN KEY (account_id) REFERENCES accounts (id)"), text);
        assertTrue(text.contains("CREATE INDEX ix_users_account_id ON users (account_id);"), text);
        assertTrue(text.endsWith("DROP TABLE users;\n"), text);
        assertTrue(text.indexOf("-- migrate:downgrade") < text.indexOf("DROP TABLE users;"), text);

        Run check = app(model, "check");
        assertEquals(255, check.status(), check::toString);
        assertEquals("FAILED: Target database is not up to date. Pending: bbbb; run '"
                + Hints.COMMAND_MODE.upgrade() + "'\n", check.err());

        ok(null, "upgrade heads");
        Run upToDate = ok(model, "check");
        assertEquals("No new upgrade operations detected.\n", upToDate.out());
        assertEquals("", upToDate.err());

        Run again = ok(model, "revision --autogenerate -m again");
        assertEquals("No changes in schema detected.\n", again.out());
        assertFalse(again.err().contains(RevisionCommand.NOT_DETECTED), again::toString);
        assertEquals(List.of(this.dir.resolve("aaaa_accounts.sql"), file), files());

        ok(null, "downgrade aaaa");
        ok(null, "upgrade heads");
        assertEquals("No new upgrade operations detected.\n", ok(model, "check").out());
    }

    @Test
    void aChangedModelFailsCheckWithTheOperationsAndTheJsonListsThem() throws IOException {
        ok(null, "upgrade heads");
        ModelSource changed = model(new SchemaTable("accounts", List.of(ACCOUNTS.columns().get(0),
                ACCOUNTS.columns().get(1), Column.of("nickname", Type.string(40))), ACCOUNTS.primaryKey(), List.of(),
                List.of(), List.of(), null));
        Run check = app(changed, "check");
        assertEquals(255, check.status(), check::toString);
        assertEquals("Detected added column 'accounts.nickname'\n"
                + "FAILED: New upgrade operations detected: [", check.err().substring(0,
                        check.err().indexOf('[') + 1), check::toString);
        assertTrue(check.err().contains("add_column") && check.err().contains("nickname"), check::toString);

        JsonNode json = JsonMapper.builder().build().readTree(app(changed, "check --format json").out());
        assertFalse(json.get("ok").asBoolean());
        assertTrue(json.get("modelCompared").asBoolean());
        assertEquals("add_column", json.get("changes").get(0).get("kind").asString());
        assertEquals("Detected added column 'accounts.nickname'", json.get("changes").get(0).get("message").asString());
        assertTrue(json.get("problem").asString().startsWith("New upgrade operations detected: ["), json::toString);
        assertEquals(List.of(this.dir.resolve("aaaa_accounts.sql")), files());
    }

    @Test
    void theJavaRevisionRecordsTheSameOperationsAsTheScriptHolds() throws Exception {
        ok(null, "upgrade heads");
        ModelSource model = model(ACCOUNTS, USERS);
        Path sources = this.temp.resolve("app/src/main/java");
        // Written outside the script locations, so the engine does not see it and the SQL one follows on aaaa.
        Path java = generated(ok(model, "revision --autogenerate --java --package com.example.db -m \"add users\""
                + " --rev-id cccc --version-path " + sources.resolve("com/example/db")));
        Path sql = generated(ok(model, "revision --autogenerate -m \"add users\" --rev-id bbbb"));
        assertEquals(sources.resolve("com/example/db/cccc_add_users.java"), java);
        String source = Files.readString(java);
        assertTrue(source.contains("    public void upgrade(Operations op) {\n        // Detected added table 'users'\n"
                + "        op.createTable(\"users\",\n"), source);

        JavaRevision revision = compile(java, sources, "com.example.db.cccc_add_users");
        OperationRecorder upgrade = new OperationRecorder(NamingConvention.NONE);
        revision.upgrade(upgrade);
        OperationRecorder downgrade = new OperationRecorder(NamingConvention.NONE);
        revision.downgrade(downgrade);
        var script = ScriptLoader.parse("filesystem:" + sql, Files.readString(sql));
        assertEquals(statements(script.upgradeStatements()), rendered(upgrade.operations()), source);
        assertEquals(statements(script.downgradeStatements()), rendered(downgrade.operations()), source);
    }

    @Test
    void nothingIsWrittenWhenTheDatabaseIsNotAtTheHeadsOrNothingDiffersUnlessAsked() throws IOException {
        Run notUpToDate = app(model(ACCOUNTS, USERS), "revision --autogenerate -m x");
        assertEquals(255, notUpToDate.status(), notUpToDate::toString);
        assertEquals("FAILED: Target database is not up to date.\n", notUpToDate.err());
        assertEquals(List.of(this.dir.resolve("aaaa_accounts.sql")), files());

        ok(null, "upgrade heads");
        Run empty = ok(model(ACCOUNTS), "revision --autogenerate -m nothing");
        assertEquals("No changes in schema detected.\n", empty.out());
        assertEquals(1, files().size());
        Path file = generated(ok(model(ACCOUNTS), "revision --autogenerate --allow-empty -m nothing --rev-id dddd"));
        assertTrue(Files.readString(file).endsWith("-- migrate:upgrade\n\n\n-- migrate:downgrade\n\n"),
                Files.readString(file));
    }

    @Test
    void exclusionsAndUnmappedTablesFollowTheSettingsAndOptions() throws IOException {
        Fixture.script(this.dir, "bbbb_legacy.sql", "Legacy", "bbbb", "aaaa", "",
                "CREATE TABLE legacy_orders (id int); CREATE TABLE legacy_items (id int);",
                "DROP TABLE legacy_items; DROP TABLE legacy_orders;");
        ok(null, "upgrade heads");
        ModelSource model = model(ACCOUNTS);
        assertEquals("No new upgrade operations detected.\n", ok(model, "check").out());

        AutogenerateSettings drop = new AutogenerateSettings(List.of("legacy_items"), true, true);
        Run dropped = app(model, drop, "check");
        assertEquals(255, dropped.status(), dropped::toString);
        assertTrue(dropped.err().contains("Detected removed table 'legacy_orders'"), dropped::toString);
        assertFalse(dropped.err().contains("legacy_items"), dropped::toString);
        Run excluded = app(model, drop, "check --exclude-table legacy_o*");
        assertEquals(0, excluded.status(), excluded::toString);
    }

    @Test
    void defaultsAreComparedUnlessTurnedOff() throws IOException {
        Fixture.script(this.dir, "bbbb_default.sql", "Default name", "bbbb", "aaaa", "",
                "ALTER TABLE accounts ALTER COLUMN name SET DEFAULT 'unnamed';",
                "ALTER TABLE accounts ALTER COLUMN name DROP DEFAULT;");
        ok(null, "upgrade heads");
        Run compared = app(model(ACCOUNTS), "check");
        assertEquals(255, compared.status(), compared::toString);
        assertTrue(compared.err().contains("modify_default"), compared::toString);
        assertEquals("No new upgrade operations detected.\n",
                ok(model(ACCOUNTS), "check --no-compare-server-default").out());
        Run configured = app(model(ACCOUNTS), new AutogenerateSettings(List.of(), false, false), "check");
        assertEquals(0, configured.status(), configured::toString);
    }

    @Test
    void theCommandLineHasNoModelAndRefusesSqlAndStrayOptions() throws IOException {
        Cli cli = Cli.at(this.dir).database(this.db);
        Cli.Result noModel = cli.run("revision", "--autogenerate", "-m", "x");
        assertEquals(255, noModel.status(), noModel::toString);
        assertEquals("FAILED: 'revision --autogenerate' compares the application's model (its JPA entities) with the"
                + " database, and the command line has no model: run it in the application's command mode (java -jar"
                + " app.jar --samokoder.migrations.command=\"revision --autogenerate -m '<message>'\") or with the"
                + " Maven plugin (mvn samokoder-migrations:revision -Dsamokoder.autogenerate"
                + " -Dsamokoder.message=\"<message>\")\n", noModel.err());

        Run inApp = app(null, "revision --autogenerate -m x");
        assertEquals(255, inApp.status());
        assertEquals("FAILED: " + Hints.COMMAND_MODE.noModel("revision --autogenerate") + "\n", inApp.err());

        Run sql = app(model(ACCOUNTS), "revision --autogenerate --sql -m x");
        assertEquals(255, sql.status());
        assertEquals("FAILED: Using --sql with --autogenerate does not make any sense\n", sql.err());

        Cli.Result stray = cli.run("revision", "--allow-empty", "-m", "x");
        assertEquals(2, stray.status(), stray::toString);
        assertTrue(stray.err().startsWith("--allow-empty is an option of --autogenerate: add --autogenerate"), stray::toString);
        assertEquals(List.of(this.dir.resolve("aaaa_accounts.sql")), files());
    }

    @Test
    void onMariaDbTheRevisionHasMariaDbsStatementsAndCheckPassesOnceItRan() throws IOException {
        try (TestDatabase maria = TestMariaDb.createDatabase("autogen")) {
            TestDatabase postgres = this.db;
            this.db = maria;
            try {
                ok(null, "upgrade heads");
                SchemaTable accounts = new SchemaTable("accounts", ACCOUNTS.columns(),
                        new PrimaryKey("PRIMARY", List.of("id")), List.of(), List.of(), List.of(), null);
                SchemaTable users = new SchemaTable("users", USERS.columns(), new PrimaryKey("PRIMARY", List.of("id")),
                        List.of(), List.of(), USERS.foreignKeys(), null);
                ModelSource model = model(accounts, users);
                Path file = generated(ok(model, "revision --autogenerate -m \"add users\" --rev-id bbbb"));
                String text = Files.readString(file);
                String createUsers = MariaDbDialect.INSTANCE.operations().render(new Operation.CreateTable("users",
                        USERS.columns(), List.of(PrimaryKey.of("id")), null)).get(0);
                assertTrue(text.contains(createUsers.substring(0, createUsers.indexOf('('))), text + "\n" + createUsers);
                ok(null, "upgrade heads");
                assertEquals("No new upgrade operations detected.\n", ok(model, "check").out());
            } finally {
                this.db = postgres;
            }
        }
    }

    private static List<String> statements(List<SqlStatement> statements) {
        List<String> out = new ArrayList<>();
        for (SqlStatement statement : statements) {
            String sql = statement.sql().strip();
            while (sql.startsWith("--")) {
                sql = sql.substring(sql.indexOf('\n') + 1).strip();
            }
            out.add(sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql);
        }
        return out;
    }

    private static List<String> rendered(List<Operation> operations) {
        List<String> out = new ArrayList<>();
        for (Operation operation : operations) {
            out.addAll(PostgresDialect.INSTANCE.operations().render(operation));
        }
        return out;
    }

    private static JavaRevision compile(Path file, Path sources, String className) throws Exception {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        Path classes = Files.createDirectories(sources.resolveSibling("classes"));
        String classpath = Path.of(JavaRevision.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = compiler.run(null, null, errors, "-encoding", "UTF-8", "-d", classes.toString(), "-cp", classpath,
                file.toString());
        assertEquals(0, status, errors::toString);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                JavaRevision.class.getClassLoader())) {
            return (JavaRevision) loader.loadClass(className).getDeclaredConstructor().newInstance();
        }
    }
}
