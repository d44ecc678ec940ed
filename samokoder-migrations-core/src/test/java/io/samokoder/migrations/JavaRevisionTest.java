package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.Revision;
import io.samokoder.migrations.ops.Index;
import io.samokoder.migrations.ops.Operations;
import io.samokoder.migrations.script.ScriptFormatException;
import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Java revisions beside SQL scripts in one graph, on PostgreSQL: run, logged, offline, failures. */
@ExtendWith(PostgresDatabaseExtension.class)
class JavaRevisionTest {

    @Revision(id = "j2", revises = "r1", message = "Add people")
    static class AddPeople implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE TABLE people (id int PRIMARY KEY, name text NOT NULL)");
            op.execute("INSERT INTO people VALUES (1, 'ada'), (2, 'grace')");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DROP TABLE people");
        }
    }

    /** A data migration: reads rows through the connection and writes what it computed. */
    @Revision(id = "j3", revises = "j2", message = "Capitalise names", version = "1")
    static class CapitaliseNames implements JavaRevision {
        @Override
        public void upgrade(Operations op) throws Exception {
            if (!op.hasTable("people")) {
                throw new IllegalStateException("people must exist");
            }
            op.execute("ALTER TABLE people ADD COLUMN display text");
            try (Statement st = op.connection().createStatement();
                    ResultSet rs = st.executeQuery("SELECT id, name FROM people ORDER BY id");
                    PreparedStatement update = op.connection().prepareStatement(
                            "UPDATE people SET display = ? WHERE id = ?")) {
                while (rs.next()) {
                    String name = rs.getString(2);
                    update.setString(1, Character.toUpperCase(name.charAt(0)) + name.substring(1));
                    update.setInt(2, rs.getInt(1));
                    update.executeUpdate();
                }
            }
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("ALTER TABLE people DROP COLUMN display");
        }
    }

    @Revision(id = "j3", revises = "j2", message = "Fails at its second statement", version = "1")
    static class FailsAtSecond implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            if (op.hasTable("people")) {
                op.execute("ALTER TABLE people ADD COLUMN display text");
                op.execute("ALTER TABLE people ADD COLUMN display text");
            }
        }
    }

    @Revision(id = "c1", message = "Index people concurrently")
    static class IndexConcurrently implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE TABLE people (id int PRIMARY KEY, name text NOT NULL)");
            op.createIndex(Index.on("people", "name").concurrently());
        }

        @Override
        public void downgrade(Operations op) {
            op.dropIndexConcurrently("ix_people_name", "people");
            op.execute("DROP TABLE people");
        }
    }

    @Test
    void aConcurrentIndexMakesTheRevisionRunOutsideATransaction(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "java_concurrently");
        Migrations migrations = new Migrations(Db.config(ds, dir).javaRevisions(new IndexConcurrently()).build());

        // CREATE INDEX CONCURRENTLY fails inside a transaction block: this runs only in autocommit.
        migrations.upgrade("heads");

        assertThat(Db.strings(ds, "SELECT indexname FROM pg_indexes WHERE schemaname = 'java_concurrently'"
                + " AND tablename = 'people' ORDER BY indexname")).containsExactly("ix_people_name", "people_pkey");
        assertThat(migrations.offline(Command.UPGRADE, "base:c1").sql()).doesNotContain("BEGIN;")
                .contains("CREATE INDEX CONCURRENTLY ix_people_name ON people (name);");
        migrations.downgrade("base");
        assertThat(Db.tableExists(ds, "java_concurrently", "people")).isFalse();
    }

    /** Ends the engine's transaction, behind a comment and a blank line as a pasted script would. */
    @Revision(id = "c2", revises = "r1", message = "Load and publish")
    static class CommitsItself implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE TABLE published (id int)");
            op.execute("-- make the rows visible at once\n\nCOMMIT");
        }
    }

    @Test
    void aJavaRevisionThatWouldEndTheEnginesTransactionFailsTheRunBeforeItsFirstStep(TestDatabase db,
            @TempDir Path dir) {
        DataSource ds = Db.schema(db, "java_commits");
        Path sql = Rev.writeAll(dir, Rev.of("r1", "").up("CREATE TABLE first (id int);").down("DROP TABLE first;"));
        Migrations migrations = new Migrations(Db.config(ds, sql).javaRevisions(new CommitsItself()).build());

        assertThatThrownBy(() -> migrations.upgrade("heads")).isInstanceOfSatisfying(ScriptFormatException.class,
                e -> {
                    assertThat(e.file()).isEqualTo("java:" + CommitsItself.class.getName());
                    assertThat(e.getMessage()).contains("statement 2 is COMMIT, but the revision runs in a"
                            + " transaction of the engine's");
                });
        assertThat(Db.tableExists(ds, "java_commits", "first")).as("r1 did not run either").isFalse();
        assertThat(Db.tableExists(ds, "java_commits", "alembic_version")).isFalse();
    }

    private static Path scripts(Path dir) {
        return Rev.writeAll(dir, Rev.of("r1", "").up("CREATE TABLE first (id int);").down("DROP TABLE first;"),
                Rev.of("r4", "j3").up("CREATE INDEX ix_people_display ON people (display);")
                        .down("DROP INDEX ix_people_display;"));
    }

    private static MigrationsConfig.Builder config(DataSource ds, Path dir, JavaRevision... java) {
        return Db.config(ds, scripts(dir)).javaRevisions(java);
    }

    @Test
    void javaAndSqlRevisionsRunInOneGraphUpAndDown(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "java_mixed");
        Migrations migrations = new Migrations(config(ds, dir, new CapitaliseNames(), new AddPeople()).build());

        MigrationResult up = migrations.upgrade("heads");

        assertThat(up.steps()).extracting(StepResult::revision).containsExactly("r1", "j2", "j3", "r4");
        assertThat(Db.versionRows(ds)).containsExactly("r4");
        assertThat(Db.strings(ds, "SELECT name || ':' || display FROM people ORDER BY id"))
                .containsExactly("ada:Ada", "grace:Grace");
        assertThat(Db.strings(ds, "SELECT revision || ' ' || file || ' ' || left(checksum, 3)"
                + " FROM samokoder_migrations_log WHERE revision LIKE 'j%' ORDER BY id"))
                .containsExactly("j2 java:" + AddPeople.class.getName() + " j2:",
                        "j3 java:" + CapitaliseNames.class.getName() + " jv:");
        assertThat(migrations.validate("heads").upToDate()).isTrue();

        migrations.downgrade("base");

        assertThat(Db.versionRows(ds)).isEmpty();
        assertThat(Db.tableExists(ds, "java_mixed", "people")).isFalse();
    }

    @Test
    void aFailingStatementOfARevisionThatReadsTheDatabaseIsNamed(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "java_fails");
        Migrations migrations = new Migrations(config(ds, dir, new AddPeople(), new FailsAtSecond()).build());

        assertThatThrownBy(() -> migrations.upgrade("heads"))
                .isInstanceOfSatisfying(MigrationExecutionException.class, e -> {
                    assertThat(e.revision()).isEqualTo("j3");
                    assertThat(e.file()).isEqualTo("java:" + FailsAtSecond.class.getName());
                    assertThat(e.statementNumber()).isEqualTo(2);
                    assertThat(e.sqlState()).isEqualTo("42701");
                });
        assertThat(Db.versionRows(ds)).containsExactly("j2");
        assertThat(Db.strings(ds, "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'java_fails'"
                + " AND table_name = 'people' AND column_name = 'display'")).containsExactly("0");
    }

    @Test
    void theOfflineScriptHasTheStatementsARevisionRecords(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "java_offline");
        Migrations migrations = new Migrations(config(ds, dir, new AddPeople(), new CapitaliseNames()).build());

        String sql = migrations.offline(Command.UPGRADE, "r1:j2").sql();

        assertThat(sql).contains("-- Running upgrade r1 -> j2\n\nCREATE TABLE people (id int PRIMARY KEY, name text NOT"
                + " NULL);\n\nINSERT INTO people VALUES (1, 'ada'), (2, 'grace');\n\nUPDATE alembic_version SET"
                + " version_num='j2' WHERE alembic_version.version_num = 'r1';\n\nCOMMIT;");
        assertThatThrownBy(() -> migrations.offline(Command.UPGRADE, "j2:j3"))
                .hasMessage("java:" + CapitaliseNames.class.getName() + " reads the database while it runs, so it has"
                        + " no statements before it runs and cannot be written to an offline (--sql) script; run it"
                        + " online, or write the SQL it would run as an SQL revision.");
    }

    @Test
    void aChangedJavaRevisionIsDriftLikeAChangedFile(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "java_drift");
        new Migrations(config(ds, dir, new AddPeople(), new CapitaliseNames()).build()).upgrade("heads");

        @Revision(id = "j2", revises = "r1", message = "Add people")
        class AddPeopleEdited extends AddPeople {
            @Override
            public void upgrade(Operations op) {
                op.execute("CREATE TABLE people (id bigint PRIMARY KEY, name text NOT NULL)");
            }
        }
        Migrations edited = new Migrations(config(ds, dir, new AddPeopleEdited(), new CapitaliseNames()).build());

        assertThat(edited.validate("heads").drift()).extracting(DriftProblem::revision).containsExactly("j2");
        assertThatThrownBy(() -> edited.upgrade("heads")).isInstanceOf(ChecksumMismatchException.class)
                .hasMessageContaining("j2");
    }

    @Test
    void aRaisedDeclaredVersionIsDriftThatNamesBothVersions(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "java_version_drift");
        new Migrations(config(ds, dir, new AddPeople(), new CapitaliseNames()).build()).upgrade("heads");

        @Revision(id = "j3", revises = "j2", message = "Capitalise names", version = "2")
        class CapitaliseNamesRaised extends CapitaliseNames {
        }
        Migrations raised = new Migrations(config(ds, dir, new AddPeople(), new CapitaliseNamesRaised()).build());

        assertThatThrownBy(() -> raised.upgrade("heads")).isInstanceOf(ChecksumMismatchException.class)
                .hasMessageContaining("Revision j3 (java:" + CapitaliseNamesRaised.class.getName()
                        + ") was changed after it was applied: its declared version is '2', and '1' ran.");
    }
}
