package io.samokoder.migrations.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.script.Placeholders;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The kit on H2: each check in a schema of its own, the catalog read from INFORMATION_SCHEMA. */
class MigrationsKitH2Test extends PortableRevisionsChecks {

    private JdbcDataSource h2;

    @BeforeEach
    void newDatabase() {
        this.h2 = new JdbcDataSource();
        this.h2.setURL("jdbc:h2:mem:kit_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @Override
    DataSource dataSource() {
        return this.h2;
    }

    @Override
    boolean foldsToUpperCase() {
        return true;
    }

    @Test
    void aDowngradeThatLeavesCommentsChangedIsReported() {
        String prefix = "downgrade of b2b2b2b2b2b2"
                + " (classpath:kit-h2/leaky-comment/002_b2b2b2b2b2b2_comments.sql) ";
        assertThatThrownBy(() -> MigrationsKit.of(this.h2, "classpath:kit-h2/leaky-comment")
                .assertDowngradesLeaveNoTrace())
            .isInstanceOf(AssertionError.class)
            .hasMessage(prefix + "changes column USERS.EMAIL: was CHARACTER VARYING(255),"
                    + " is now CHARACTER VARYING(255) COMMENT 'Where we write'\n"
                    + prefix + "changes table USERS: was BASE TABLE COMMENT 'People',"
                    + " is now BASE TABLE COMMENT 'People''s accounts'");
    }

    @Test
    void grantsLeftByADowngradeAreReportedAndOnesRevokedAreNot() throws Exception {
        try (Connection c = this.h2.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE samokoder_kit_reader");
        }
        String prefix = "downgrade of b2b2b2b2b2b2 (classpath:kit-h2/leaky-grant/002_b2b2b2b2b2b2_reader.sql) ";
        assertThatThrownBy(() -> MigrationsKit.of(this.h2, "classpath:kit-h2/leaky-grant")
                .assertDowngradesLeaveNoTrace())
            .isInstanceOf(AssertionError.class)
            .hasMessage(prefix + "leaves grants on table ACCOUNTS\n"
                    + prefix + "leaves grants on view ACCOUNT_TENANTS");
        MigrationsKit.of(this.h2, "classpath:kit-h2/grant").assertDowngradesLeaveNoTrace();
    }

    @Test
    void scriptsWithPlaceholdersAreCheckedWithTheApplicationsValues() throws Exception {
        MigrationsKit kit = MigrationsKit.of(this.h2, "classpath:kit-h2/placeholders");
        assertThatThrownBy(kit::assertUpgrade).hasMessageContaining("001_a1a1a1a1a1a1_named.sql:7: No value for"
                + " placeholder '${table}'");
        kit.placeholders(Placeholders.of(Map.of("table", "named", "owner", "ops"))).assertAll();
        assertThat(kitSchemas()).isEmpty();
    }

    @Test
    void goodScriptsPassEveryCheckAndLeaveNoSchemaBehind() throws Exception {
        MigrationsKit.of(this.h2, "classpath:kit-h2/good").assertAll();
        assertThat(kitSchemas()).isEmpty();
    }

    @Test
    void namesFoldedToLowerCaseOrNotFoldedAtAllWorkAsWell() throws Exception {
        for (String settings : List.of(";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", ";DATABASE_TO_UPPER=FALSE")) {
            JdbcDataSource other = new JdbcDataSource();
            other.setURL("jdbc:h2:mem:kit_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + settings);
            MigrationsKit.of(other, "classpath:kit/none").javaRevisions(PortableRevisions.good()).assertAll();
            assertThatThrownBy(() -> MigrationsKit.of(other, "classpath:kit/none")
                    .javaRevisions(PortableRevisions.leaky()).assertDowngradesLeaveNoTrace())
                .as(settings)
                .isInstanceOf(AssertionError.class)
                .hasMessage("downgrade of c3c3c3c3c3c3 (java:" + PortableRevisions.LeakyNicknames.class.getName()
                        + ") leaves column users.nickname");
        }
    }

    @Test
    void aDowngradeThatPutsBackAnotherDefaultIsReportedWithBothDefinitions() throws Exception {
        assertThatThrownBy(() -> MigrationsKit.of(this.h2, "classpath:kit-h2/leaky-default")
                .assertDowngradesLeaveNoTrace())
            .isInstanceOf(AssertionError.class)
            .hasMessage("downgrade of b2b2b2b2b2b2 (classpath:kit-h2/leaky-default/002_b2b2b2b2b2b2_new_status.sql)"
                    + " changes column USERS.STATUS: was CHARACTER VARYING(20) DEFAULT 'active',"
                    + " is now CHARACTER VARYING(20) DEFAULT 'old'");
        assertThat(kitSchemas()).isEmpty();
    }

    @Test
    void anEnumColumnIsComparedWithItsValues() {
        assertThatThrownBy(() -> MigrationsKit.of(this.h2, "classpath:kit-h2/leaky-enum")
                .assertDowngradesLeaveNoTrace())
            .isInstanceOf(AssertionError.class)
            .hasMessage("downgrade of b2b2b2b2b2b2 (classpath:kit-h2/leaky-enum/002_b2b2b2b2b2b2_meh.sql)"
                    + " changes column USERS.MOOD: was ENUM('happy', 'sad'), is now ENUM('happy', 'sad', 'ok')");
    }

    @Test
    void aSequenceWhoseOptionsTheDowngradeLeavesChangedIsReportedWithBothDefinitions() {
        assertThatThrownBy(() -> MigrationsKit.of(this.h2, "classpath:kit-h2/leaky-sequence-options")
                .assertDowngradesLeaveNoTrace())
            .isInstanceOf(AssertionError.class)
            .hasMessage("downgrade of b2b2b2b2b2b2"
                    + " (classpath:kit-h2/leaky-sequence-options/002_b2b2b2b2b2b2_order_number_steps.sql)"
                    + " changes sequence ORDER_NUMBERS:"
                    + " was BIGINT START 100 INCREMENT 1 MINVALUE 1 MAXVALUE 9223372036854775807 CACHE 32 NO CYCLE,"
                    + " is now BIGINT START 100 INCREMENT 1 MINVALUE 1 MAXVALUE 9223372036854775807 CACHE 5 NO CYCLE");
    }

    @Test
    void aDataCheckInsertsAndReadsRowsInTheCheckSchema() {
        MigrationsKit.of(this.h2, "classpath:kit-h2/good").at("e5e5e5e5e5e5")
            .before(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("INSERT INTO users (email, status) VALUES ('ada.lovelace@example.com', 'active')");
                }
            })
            .after(c -> {
                try (Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT full_name FROM users")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("ada.lovelace@example.com");
                }
            });
    }

    @Test
    void unnamedConstraintsThatSwapNamesLeaveNoTrace() {
        MigrationsKit.of(this.h2, "classpath:kit-h2/unnamed-unique").assertDowngradesLeaveNoTrace();
    }

    @Test
    void theConnectionGoesBackToItsOwnSchema() throws Exception {
        try (Connection keep = this.h2.getConnection(); Statement st = keep.createStatement()) {
            st.execute("CREATE TABLE service_users (id int PRIMARY KEY)");
        }
        MigrationsKit.of(this.h2, "classpath:kit-h2/good").assertStairway();
        try (Connection c = this.h2.getConnection()) {
            assertThat(c.getSchema()).isEqualTo("PUBLIC");
            assertThat(value(c, "SELECT count(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"))
                .isEqualTo("1");
        }
    }

    private String value(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private List<String> kitSchemas() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = this.h2.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA"
                        + " WHERE SCHEMA_NAME LIKE 'SAMOKODER\\_KIT\\_%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
