package io.samokoder.migrations.dialect.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL's session settings for a run, on PostgreSQL: one query reads the settings as they were
 * and sets the run's, one statement puts them back.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class PostgresSessionTest {

    private final PostgresSession session = PostgresSession.INSTANCE;

    private static String[] row(Connection c, String sql, int columns) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            String[] values = new String[columns];
            for (int i = 0; i < columns; i++) {
                values[i] = rs.getString(i + 1);
            }
            assertThat(rs.next()).isFalse();
            return values;
        }
    }

    private static String[] current(Connection c) throws SQLException {
        return row(c, "SELECT current_setting('lock_timeout'), current_setting('statement_timeout'),"
                + " current_setting('client_connection_check_interval')", 3);
    }

    @Test
    void theRunsSettingsAreSetAfterTheOldOnesAreReadAndPutBackInOneStatement(TestDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            try (Statement st = c.createStatement()) {
                st.execute("SET lock_timeout = '111ms'");
                st.execute("SET statement_timeout = '2min'");
                st.execute("SET client_connection_check_interval = '3s'");
                st.execute("SET search_path TO pg_catalog, \"Odd\"\"Name\"");
                st.execute("SET tcp_keepalives_idle = 100");
                st.execute("SET tcp_keepalives_interval = 7");
                st.execute("SET tcp_keepalives_count = 4");
                st.execute("SET tcp_user_timeout = '2s'");
            }

            String[] saved = row(c, this.session.enterRunQuery("5000ms", "0", "1000",
                    this.session.deadHostSettings(Duration.ofMinutes(1), c.getMetaData().getDatabaseMajorVersion())),
                    10);

            assertThat(saved).containsExactly("111ms", "2min", "3s", "pg_catalog, \"Odd\"\"Name\"", "none", db.user(),
                    "100", "7", "4", "2000");
            assertThat(current(c)).containsExactly("5s", "0", "1s");
            // The test's connection is a TCP one (on a Unix-domain socket the server reads them all as 0).
            assertThat(tcp(c)).containsExactly("30", "10", "3", "60000");
            try (Statement st = c.createStatement()) {
                // What a revision may do to the session.
                st.execute("SET search_path TO public");
                st.execute("SET SESSION AUTHORIZATION pg_monitor");
                st.execute("SET ROLE pg_monitor");
                st.execute(this.session.leaveRunSql(saved[0], saved[1], saved[2],
                        List.of(saved[3], saved[4], saved[5], saved[6], saved[7], saved[8], saved[9])));
            }
            assertThat(current(c)).containsExactly("111ms", "2min", "3s");
            assertThat(tcp(c)).containsExactly("100", "7", "4", "2000");
            assertThat(row(c, "SELECT current_setting('search_path'), current_setting('role'), session_user,"
                    + " current_user", 4)).containsExactly("pg_catalog, \"Odd\"\"Name\"", "none", db.user(), db.user());
        }
    }

    @Test
    void withoutTheDeadClientCheckOnlyTheTimeoutsAreReadAndSet(TestDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            try (Statement st = c.createStatement()) {
                st.execute("SET client_connection_check_interval = '3s'");
            }

            String[] saved = row(c, this.session.enterRunQuery("250ms", "7000ms", null, Map.of()), 2);

            assertThat(saved).containsExactly("0", "0");
            assertThat(current(c)).containsExactly("250ms", "7s", "3s");
            try (Statement st = c.createStatement()) {
                st.execute(this.session.leaveRunSql("0", "0", null, List.of()));
            }
            assertThat(current(c)).containsExactly("0", "0", "3s");
        }
    }

    private static String[] tcp(Connection c) throws SQLException {
        return row(c, "SELECT current_setting('tcp_keepalives_idle'), current_setting('tcp_keepalives_interval'),"
                + " current_setting('tcp_keepalives_count'), current_setting('tcp_user_timeout')", 4);
    }

    @Test
    void aHostThatStopsAnsweringIsGivenUpAfterAboutTheTimeout() {
        // Idle half of it, then three probes a sixth apart; unacknowledged data at most the whole of it.
        assertThat(this.session.deadHostSettings(Duration.ofMinutes(1), 17)).containsExactly(
                Map.entry("tcp_keepalives_idle", "30s"), Map.entry("tcp_keepalives_interval", "10s"),
                Map.entry("tcp_keepalives_count", "3"), Map.entry("tcp_user_timeout", "60000ms"));
        assertThat(this.session.deadHostSettings(Duration.ofMillis(300), 12)).containsExactly(
                Map.entry("tcp_keepalives_idle", "1s"), Map.entry("tcp_keepalives_interval", "1s"),
                Map.entry("tcp_keepalives_count", "3"), Map.entry("tcp_user_timeout", "1000ms"));
        // PostgreSQL 11 has no tcp_user_timeout: the keepalives alone.
        assertThat(this.session.deadHostSettings(Duration.ofMinutes(1), 11)).containsOnlyKeys("tcp_keepalives_idle",
                "tcp_keepalives_interval", "tcp_keepalives_count");
        assertThat(this.session.deadHostSettings(Duration.ZERO, 17)).isEmpty();
        assertThat(this.session.keptSettings()).containsAll(this.session.deadHostSettings(Duration.ofSeconds(9), 17)
                .keySet());
    }

    @Test
    void aKeptSettingTheServerDoesNotHaveIsReadAsNullAndNotPutBack(TestDatabase db) throws SQLException {
        // As PostgreSQL 11 reads tcp_user_timeout: missing, not an error.
        try (Connection c = db.dataSource().getConnection()) {
            assertThat(row(c, "SELECT current_setting('no_such_setting_here', true)", 1))
                .containsExactly((String) null);
        }
        assertThat(this.session.sessionSettingsQuery()).contains("current_setting('tcp_user_timeout', true)");
        assertThat(this.session.leaveRunSql("1s", "0", null, java.util.Arrays.asList("public", "none", "me", "30",
                "10", "3", null))).isEqualTo("SELECT set_config('tcp_keepalives_count', '3', false),"
                + " set_config('tcp_keepalives_interval', '10', false), set_config('tcp_keepalives_idle', '30', false),"
                + " set_config('session_authorization', 'me', false), set_config('role', 'none', false),"
                + " set_config('search_path', 'public', false), set_config('lock_timeout', '1s', false),"
                + " set_config('statement_timeout', '0', false)");
    }

    @Test
    void aValueWithAQuoteIsWrittenAsALiteral() {
        assertThat(this.session.leaveRunSql("1s", "0", "it's", List.of())).isEqualTo("SELECT set_config('lock_timeout',"
                + " '1s', false), set_config('statement_timeout', '0', false),"
                + " set_config('client_connection_check_interval', 'it''s', false)");
        assertThat(this.session.leaveRunSql("1s", "0", null, List.of("a, \"it's\"", "none"))).isEqualTo("SELECT"
                + " set_config('role', 'none', false), set_config('search_path', 'a, \"it''s\"', false),"
                + " set_config('lock_timeout', '1s', false), set_config('statement_timeout', '0', false)");
    }
}
