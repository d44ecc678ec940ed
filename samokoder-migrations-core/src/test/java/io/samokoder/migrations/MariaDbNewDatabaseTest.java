package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestMariaDb;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new MariaDB database, or one whose log table is gone, is read and migrated without the driver's
 * WARN lines: MariaDB's driver logs every error the server sends, and the engine's reads of its own
 * tables ask the server to answer a missing table without one.
 */
class MariaDbNewDatabaseTest {

    private static void writeMap(Path dir) {
        Rev.writeAll(dir,
                Rev.of("n1", "").up("CREATE TABLE t_n1 (id INT PRIMARY KEY);").down("DROP TABLE t_n1;"),
                Rev.of("n2", "n1").up("ALTER TABLE t_n1 ADD COLUMN note TEXT;")
                        .down("ALTER TABLE t_n1 DROP COLUMN note;"));
    }

    @Test
    void readsAndMigratesANewDatabaseWithoutAnErrorFromTheServer(@TempDir Path dir) {
        writeMap(dir);
        try (TestDatabase db = MariaDb.fresh("newdb");
                LoggedWarnings driver = new LoggedWarnings("org.mariadb.jdbc")) {
            DataSource ds = db.dataSource();
            Migrations migrations = new Migrations(MariaDb.config(ds, dir).build());

            assertThat(migrations.current()).isEmpty();
            ValidationResult before = migrations.validate("heads");
            assertThat(before.pending()).containsExactly("n1", "n2");
            assertThat(before.partial()).isEmpty();
            assertThat(migrations.plan(Command.UPGRADE, "heads").steps()).hasSize(2);
            assertThat(MariaDb.tables(ds)).isEmpty();

            assertThat(migrations.upgrade("heads").steps()).extracting(StepResult::revision)
                    .containsExactly("n1", "n2");
            assertThat(MariaDb.versionRows(ds)).containsExactly("n2");

            MariaDb.exec(ds, "DROP TABLE IF EXISTS samokoder_migrations_log_state", "DROP TABLE samokoder_migrations_log");
            ValidationResult without = migrations.validate("heads");
            assertThat(without.current()).containsExactly("n2");
            assertThat(without.pending()).isEmpty();
            assertThat(migrations.upgrade("heads").steps()).isEmpty();
            assertThat(MariaDb.tables(ds)).contains("samokoder_migrations_log");

            assertThat(driver.messages()).isEmpty();
        }
    }

    @Test
    void readsANewDatabaseInOracleModeWhereTheCompoundStatementIsWrittenOtherwise(@TempDir Path dir)
            throws Exception {
        writeMap(dir);
        try (TestDatabase db = MariaDb.fresh("oramode")) {
            DataSource oracle = TestMariaDb.dataSource(db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?")
                    + "sessionVariables=sql_mode=ORACLE", db.user(), db.password() == null ? "" : db.password());
            Migrations migrations = new Migrations(MariaDb.config(oracle, dir).build());

            assertThat(migrations.current()).isEmpty();
            assertThat(migrations.validate("heads").pending()).containsExactly("n1", "n2");
        }
    }
}
