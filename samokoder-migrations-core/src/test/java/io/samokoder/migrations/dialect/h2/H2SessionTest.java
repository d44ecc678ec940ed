package io.samokoder.migrations.dialect.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** H2's session settings, run on H2: the timeouts are set, read back and restored. */
class H2SessionTest {

    private final H2Session session = H2Session.INSTANCE;
    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        this.connection = DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID(), "sa", "");
    }

    @AfterEach
    void close() throws SQLException {
        this.connection.close();
    }

    private String[] currentTimeouts() throws SQLException {
        try (Statement st = this.connection.createStatement();
                ResultSet rs = st.executeQuery(this.session.sessionSettingsQuery())) {
            rs.next();
            return new String[] {rs.getString(1), rs.getString(2)};
        }
    }

    @Test
    void timeoutsAreMillisecondsAndNoneIsTheLargestLockTimeout() {
        assertThat(this.session.timeoutValue(Duration.ofSeconds(5))).isEqualTo("5000");
        assertThat(this.session.timeoutValue(Duration.ofNanos(1))).isEqualTo("1");
        assertThat(this.session.timeoutValue(Duration.ZERO)).isEqualTo(String.valueOf(Integer.MAX_VALUE));
        assertThat(this.session.timeoutValue(Duration.ofDays(365))).isEqualTo(String.valueOf(Integer.MAX_VALUE));
        assertThat(H2Session.queryTimeout(Duration.ZERO)).isEqualTo("0");
    }

    @Test
    void bothTimeoutsAreSetForTheSession() throws SQLException {
        String[] before = currentTimeouts();
        assertThat(before).containsExactly("2000", "0");
        try (Statement st = this.connection.createStatement()) {
            st.execute(this.session.setTimeoutsSql("750", "5000", true));
        }
        assertThat(currentTimeouts()).containsExactly("750", "5000");
        try (Statement st = this.connection.createStatement()) {
            st.execute(this.session.setTimeoutsSql(before[0], before[1], false));
        }
        assertThat(currentTimeouts()).containsExactly("2000", "0");
    }

    @Test
    void oneSettingIsSetByNameAndReadBack() throws SQLException {
        try (PreparedStatement ps = this.connection.prepareStatement(this.session.setSettingSql("QUERY_TIMEOUT"))) {
            ps.setString(1, "1234");
            ps.execute();
        }
        try (Statement st = this.connection.createStatement();
                ResultSet rs = st.executeQuery(this.session.currentSettingQuery("QUERY_TIMEOUT"))) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("1234");
        }
        assertThatThrownBy(() -> this.session.setSettingSql("QUERY_TIMEOUT 1; DROP ALL OBJECTS"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(this.session.deadClientCheckSetting()).isNull();
    }
}
