package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database the dialect does not serve is refused before any statement, naming it and the supported ones. */
class UnsupportedDatabaseTest {

    @Test
    void anotherDatabaseIsRefusedBeforeAnythingRuns(@TempDir Path dir) throws SQLException {
        Rev.writeAll(dir, Rev.of("u1", "").up("CREATE TABLE t (id int);").down("DROP TABLE t;"));
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:unsupported;DB_CLOSE_DELAY=-1");
        Migrations migrations = new Migrations(Db.config(h2, dir).build());
        String expected = "which this version of Samokoder Migrations does not support: it migrates PostgreSQL"
                + " (MariaDB/MySQL and H2 are planned). Nothing was changed; give it a DataSource of a PostgreSQL"
                + " database.";
        assertThatThrownBy(() -> migrations.upgrade(Target.HEADS)).isInstanceOf(MigrationConfigurationException.class)
                .hasMessageStartingWith("The database is H2 ").hasMessageEndingWith(expected);
        assertThatThrownBy(migrations::current).isInstanceOf(MigrationConfigurationException.class)
                .hasMessageEndingWith(expected);
        try (Connection c = h2.getConnection();
                ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", "%", null)) {
            assertThat(rs.next()).as("no table was created").isFalse();
        }
    }
}
