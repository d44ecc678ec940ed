package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.samokoder.migrations.testsupport.TestDatabase;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repeatable scripts on MariaDB, where DDL is not transactional: applied at the heads and again when changed, and
 * a failure that leaves the statements before it applied says so.
 */
class MariaDbRepeatableScriptsTest {

    @Test
    void appliedAtTheHeadsAndAFailureSaysWhatStaysApplied(@TempDir Path dir, @TempDir Path repeatable) {
        Rev.writeAll(dir, Rev.of("a1", "").up("CREATE TABLE users (id INT, active BOOLEAN);\n"
                + "INSERT INTO users VALUES (1, TRUE), (2, FALSE);").down("DROP TABLE users;"));
        Rev.write(repeatable, "R__views.sql", "# MariaDB's comment\n"
                + "CREATE OR REPLACE VIEW active_users AS SELECT id FROM users WHERE active;\n");
        try (TestDatabase db = MariaDb.fresh("rep")) {
            DataSource ds = db.dataSource();
            MigrationsConfig config = MariaDb.config(ds, dir).repeatableLocations("filesystem:" + repeatable).build();

            MigrationResult first = new Migrations(config).upgrade("heads");

            assertThat(first.repeatables()).containsExactly("R__views.sql");
            assertThat(MariaDb.strings(ds, "SELECT id FROM active_users")).containsExactly("1");
            assertThat(new Migrations(config).upgrade("heads").repeatables()).isEmpty();

            Rev.write(repeatable, "R__views.sql", "CREATE OR REPLACE VIEW active_users AS SELECT id FROM users;\n"
                    + "CREATE OR REPLACE VIEW broken AS SELECT missing FROM users;\n");
            RepeatableScriptException failed = catchThrowableOfType(RepeatableScriptException.class,
                    () -> new Migrations(config).upgrade("heads"));

            assertThat(failed.getMessage()).startsWith("Repeatable script filesystem:"
                    + repeatable.resolve("R__views.sql") + " failed at statement 2 (line 2): SQLSTATE 42S22: ")
                    .contains("Unknown column 'missing'").endsWith(". Its statement 1 stays applied (DDL is not"
                    + " transactional here); the revisions of this run stay applied, and the next run applies the"
                    + " script again. Fix it and restart");
            assertThat(MariaDb.strings(ds, "SELECT id FROM active_users ORDER BY id")).containsExactly("1", "2");
            assertThat(MariaDb.strings(ds, "SELECT message, outcome FROM samokoder_migrations_log"
                    + " WHERE direction = 'repeatable' ORDER BY id"))
                    .containsExactly("R__views.sql|success", "R__views.sql|failed");

            Rev.write(repeatable, "R__views.sql", "CREATE OR REPLACE VIEW active_users AS SELECT id FROM users;\n");
            assertThat(new Migrations(config).upgrade("heads").repeatables()).containsExactly("R__views.sql");
            // A revision's partial-attempt check does not take a repeatable script's failure for one of its own.
            assertThat(new Migrations(config).validate("heads").partial()).isEmpty();
        }
    }

    @Test
    void routinesWithCompoundBodiesAsMysqldumpWritesThemOrWithoutDelimiters(@TempDir Path dir,
            @TempDir Path repeatable) {
        Rev.writeAll(dir, Rev.of("a1", "").up("CREATE TABLE users (id INT, active BOOLEAN);\n"
                + "INSERT INTO users VALUES (1, TRUE), (2, FALSE), (3, TRUE);").down("DROP TABLE users;"));
        Rev.write(repeatable, "R__routines.sql", "CREATE OR REPLACE FUNCTION active_count() RETURNS INT\n"
                + "BEGIN\n  DECLARE n INT;\n  SELECT COUNT(*) INTO n FROM users WHERE active;\n  RETURN n;\nEND;\n\n"
                + "DROP PROCEDURE IF EXISTS deactivate;\n"
                + "DELIMITER ;;\n"
                + "CREATE PROCEDURE deactivate(IN who INT)\nBEGIN\n  UPDATE users SET active = FALSE WHERE id = who;\n"
                + "END ;;\n"
                + "DELIMITER ;\n");
        try (TestDatabase db = MariaDb.fresh("reproutines")) {
            DataSource ds = db.dataSource();
            MigrationsConfig config = MariaDb.config(ds, dir).repeatableLocations("filesystem:" + repeatable).build();

            assertThat(new Migrations(config).upgrade("heads").repeatables()).containsExactly("R__routines.sql");
            MariaDb.exec(ds, "CALL deactivate(1)");
            assertThat(MariaDb.strings(ds, "SELECT active_count()")).containsExactly("1");
            // Applied again (a downgrade ran since): the script replaces both routines without an error.
            new Migrations(config).downgrade("base");
            assertThat(new Migrations(config).upgrade("heads").repeatables()).containsExactly("R__routines.sql");
            assertThat(MariaDb.strings(ds, "SELECT active_count()")).containsExactly("2");
        }
    }
}
