package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Repeatable scripts on H2: applied at the heads, in one transaction each, and again when changed. */
class H2RepeatableScriptsTest {

    @Test
    void appliedAtTheHeadsAndAgainWhenChanged(@TempDir Path dir, @TempDir Path repeatable) {
        Rev.writeAll(dir, Rev.of("a1", "").up("CREATE TABLE users (id INT, active BOOLEAN);\n"
                + "INSERT INTO users VALUES (1, TRUE), (2, FALSE);").down("DROP TABLE users;"));
        Rev.write(repeatable, "R__views.sql",
                "CREATE OR REPLACE VIEW active_users AS SELECT id FROM users WHERE active;");
        DataSource ds = H2Db.memory();
        MigrationsConfig config = H2Db.config(ds, dir).repeatableLocations("filesystem:" + repeatable).build();

        assertThat(new Migrations(config).upgrade("heads").repeatables()).containsExactly("R__views.sql");
        assertThat(Db.strings(ds, "SELECT id FROM active_users")).containsExactly("1");
        assertThat(new Migrations(config).upgrade("heads").repeatables()).isEmpty();

        Rev.write(repeatable, "R__views.sql", "CREATE OR REPLACE VIEW active_users AS SELECT id FROM users;");
        assertThat(new Migrations(config).upgrade("heads").repeatables()).containsExactly("R__views.sql");
        assertThat(Db.strings(ds, "SELECT id FROM active_users ORDER BY id")).containsExactly("1", "2");
        assertThat(Db.strings(ds, "SELECT message, outcome FROM \"samokoder_migrations_log\""
                + " WHERE direction = 'repeatable' ORDER BY id"))
                .containsExactly("R__views.sql|success", "R__views.sql|success");
    }
}
