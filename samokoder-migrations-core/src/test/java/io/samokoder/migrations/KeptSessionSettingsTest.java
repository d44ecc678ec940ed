package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pooled connection whose role a revision made impossible to set again (renamed) still gets its
 * search path back, and its role becomes none rather than staying what the revision set.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class KeptSessionSettingsTest {

    private static final String ROLE = "samokoder_kept_owner";

    private static String one(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void exec(TestDatabase db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** Roles belong to the whole server: none of this test's may outlive it. */
    private static void dropRoles(TestDatabase db) throws Exception {
        exec(db, "DROP SCHEMA IF EXISTS kept_elsewhere CASCADE");
        exec(db, "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + ROLE + "') THEN"
                + " EXECUTE 'DROP OWNED BY " + ROLE + "'; EXECUTE 'DROP ROLE " + ROLE + "'; END IF;"
                + " IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + ROLE + "2') THEN"
                + " EXECUTE 'DROP OWNED BY " + ROLE + "2'; EXECUTE 'DROP ROLE " + ROLE + "2'; END IF; END $$");
    }

    @Test
    void aRoleThatCannotBePutBackBecomesNoneAndTheSearchPathComesBack(TestDatabase db, @TempDir Path dir)
            throws Exception {
        Db.schema(db, "kept");
        dropRoles(db);
        try {
            exec(db, "CREATE ROLE " + ROLE);
            exec(db, "GRANT ALL ON SCHEMA kept TO " + ROLE);
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
                exec(db, "GRANT CREATE ON DATABASE \"" + one(c, "SELECT current_database()") + "\" TO " + ROLE);
            }
            Rev.writeAll(dir, Rev.of("r1", "").up("CREATE SCHEMA kept_elsewhere;\nRESET ROLE;\n"
                    + "ALTER ROLE " + ROLE + " RENAME TO " + ROLE + "2;\nSET search_path TO kept, kept_elsewhere;")
                    .down("DROP SCHEMA kept_elsewhere;"));
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(db.jdbcUrl());
            config.setUsername(db.user());
            config.setPassword(db.password());
            config.setSchema("kept");
            config.setMaximumPoolSize(1);
            config.setConnectionInitSql("SET ROLE " + ROLE);
            try (HikariDataSource pool = new HikariDataSource(config);
                    LoggedWarnings warnings = new LoggedWarnings()) {
                String before;
                try (Connection c = pool.getConnection()) {
                    before = one(c, "SELECT current_setting('search_path')");
                }

                new Migrations(Db.config(pool, dir).build()).upgrade("heads");

                try (Connection c = pool.getConnection()) {
                    assertThat(one(c, "SELECT current_setting('search_path')")).isEqualTo(before);
                    assertThat(one(c, "SELECT current_setting('role')")).isEqualTo("none");
                }
                assertThat(warnings.messages()).anySatisfy((line) -> assertThat(line)
                        .startsWith("Could not put back the session's role (" + ROLE + ") after the run: it is none"));
            }
        } finally {
            dropRoles(db);
        }
    }
}
