package io.samokoder.migrations.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresDatabaseExtension.class)
class TestPostgresTest {

    @Test
    void extensionGivesTheSameFreshDatabaseToEveryTestOfTheClass(TestDatabase first, TestDatabase second)
            throws SQLException {
        assertThat(first).isSameAs(second);
        try (Connection c = first.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT current_database(), count(*) FROM pg_tables WHERE schemaname = 'public'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(first.name());
            assertThat(rs.getInt(2)).isZero();
        }
    }

    @Test
    void createdDatabasesAreIndependentAndDroppedOnClose() throws SQLException {
        String name;
        try (TestDatabase db = TestPostgres.createDatabase("indep")) {
            name = db.name();
            assertThat(name).startsWith("samokoder_indep_");
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE marker (id int)");
            }
            try (TestDatabase other = TestPostgres.createDatabase(); Connection c = other.connect();
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'marker'")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
        try (TestDatabase probe = TestPostgres.createDatabase(); Connection c = probe.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + name + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void replacesTheDatabaseOfAJdbcUrlAndKeepsParameters() {
        assertThat(TestPostgres.replaceDatabase("jdbc:postgresql://127.0.0.1:5432/postgres", "x"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/x");
        assertThat(TestPostgres.replaceDatabase("jdbc:postgresql://h/db?ssl=false&a=b", "x"))
                .isEqualTo("jdbc:postgresql://h/x?ssl=false&a=b");
        assertThat(TestPostgres.replaceDatabase("jdbc:postgresql://h:1?ssl=false", "x"))
                .isEqualTo("jdbc:postgresql://h:1/x?ssl=false");
        assertThatIllegalArgumentException().isThrownBy(() -> TestPostgres.replaceDatabase("jdbc:mysql://h/db", "x"))
                .withMessageContaining("SAMOKODER_TEST_JDBC_URL");
    }

    @Test
    void rejectsPrefixesThatAreNotPlainIdentifiers() {
        assertThatIllegalArgumentException().isThrownBy(() -> TestPostgres.createDatabase("Bad-Name"));
    }
}
