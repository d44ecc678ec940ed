package io.samokoder.migrations.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.samokoder.migrations.testsupport.MariaDbDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The kit on MariaDB: each check in a database of its own, the catalog read from information_schema. */
@ExtendWith(MariaDbDatabaseExtension.class)
class MigrationsKitMariaDbTest extends PortableRevisionsChecks {

    private TestDatabase db;

    @BeforeEach
    void database(TestDatabase db) {
        this.db = db;
    }

    @Override
    DataSource dataSource() {
        return this.db.dataSource();
    }

    @Test
    void aScheduledEventLeftBehindIsReportedAndOneRescheduledAndBackIsNot(TestDatabase db) {
        assertThatThrownBy(() -> MigrationsKit.of(db.dataSource(), "classpath:kit-mariadb/leaky-event")
                .assertDowngradesLeaveNoTrace())
            .isInstanceOf(AssertionError.class)
            .hasMessage("downgrade of b2b2b2b2b2b2"
                    + " (classpath:kit-mariadb/leaky-event/002_b2b2b2b2b2b2_purge_sessions.sql)"
                    + " leaves event purge_sessions");
        MigrationsKit.of(db.dataSource(), "classpath:kit-mariadb/event").assertDowngradesLeaveNoTrace();
    }

    @Test
    void grantsLeftByADowngradeAreReportedAndOnesRevokedAreNot(TestDatabase db) throws Exception {
        // Users belong to the server: made for this test, and dropped after it with every grant they were given.
        execute(db, "CREATE USER IF NOT EXISTS 'samokoder_kit_reader'@'%'");
        try {
            String prefix = "downgrade of b2b2b2b2b2b2"
                    + " (classpath:kit-mariadb/leaky-grant/002_b2b2b2b2b2b2_reader.sql) ";
            assertThatThrownBy(() -> MigrationsKit.of(db.dataSource(), "classpath:kit-mariadb/leaky-grant")
                    .assertDowngradesLeaveNoTrace())
                .isInstanceOf(AssertionError.class)
                .hasMessage(prefix + "leaves grants on column accounts.tenant\n"
                        + prefix + "leaves grants on procedure account_count\n"
                        + prefix + "leaves grants on table accounts\n"
                        + prefix + "leaves grants on this database\n"
                        + prefix + "leaves grants on view account_tenants");
            // MariaDB keeps a table's grants when the table is dropped: one made again would have them back.
            assertThatThrownBy(() -> MigrationsKit.of(db.dataSource(), "classpath:kit-mariadb/leaky-grant-dropped")
                    .assertDowngradesLeaveNoTrace())
                .isInstanceOf(AssertionError.class)
                .hasMessage("downgrade of a1a1a1a1a1a1"
                        + " (classpath:kit-mariadb/leaky-grant-dropped/001_a1a1a1a1a1a1_accounts.sql)"
                        + " leaves grants on table accounts");
            MigrationsKit.of(db.dataSource(), "classpath:kit-mariadb/grant").assertDowngradesLeaveNoTrace();
        }
        finally {
            execute(db, "DROP USER 'samokoder_kit_reader'@'%'");
        }
    }

    private static void execute(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Test
    void aDowngradeThatLeavesCommentsChangedIsReported(TestDatabase db) {
        String prefix = "downgrade of b2b2b2b2b2b2"
                + " (classpath:kit-mariadb/leaky-comment/002_b2b2b2b2b2b2_comments.sql) ";
        assertThatThrownBy(() -> MigrationsKit.of(db.dataSource(), "classpath:kit-mariadb/leaky-comment")
                .assertDowngradesLeaveNoTrace())
            .isInstanceOf(AssertionError.class)
            // The engine and collation are the server's defaults (10.11 and 11.4 differ): only the comments are
            // given.
            .hasMessageStartingWith(prefix + "changes column users.email: was varchar(255) DEFAULT NULL COLLATE ")
            .hasMessageContaining(" COMMENT 'Where we write'\n" + prefix + "changes table users: was InnoDB ")
            .hasMessageContaining(" COMMENT 'People', is now InnoDB ")
            .hasMessageEndingWith(" COMMENT 'People''s accounts'");
    }

    @Test
    void goodScriptsPassEveryCheckAndLeaveNoDatabaseBehind(TestDatabase db) throws Exception {
        MigrationsKit.of(db.dataSource(), "classpath:kit-mariadb/good").assertAll();
        assertThat(kitDatabases(db)).isEmpty();
    }

    @Test
    void aForeignKeyDroppedWithoutTheIndexMariaDbMadeForItIsReported(TestDatabase db) throws Exception {
        assertThatThrownBy(() -> MigrationsKit.of(db.dataSource(), "classpath:kit-mariadb/leaky-fk-index")
                .assertDowngradesLeaveNoTrace())
            .isInstanceOf(AssertionError.class)
            .hasMessage("downgrade of b2b2b2b2b2b2"
                    + " (classpath:kit-mariadb/leaky-fk-index/002_b2b2b2b2b2b2_orders_user.sql)"
                    + " leaves index fk_orders_user on orders");
        assertThat(kitDatabases(db)).isEmpty();
    }

    @Test
    void aSequenceLeftBehindIsReportedOnceNotWithTheColumnsMariaDbShowsForIt(TestDatabase db) {
        assertThatThrownBy(() -> MigrationsKit.of(db.dataSource(), "classpath:kit-mariadb/leaky-sequence")
                .assertDowngradesLeaveNoTrace())
            .isInstanceOf(AssertionError.class)
            .hasMessage("downgrade of b2b2b2b2b2b2"
                    + " (classpath:kit-mariadb/leaky-sequence/002_b2b2b2b2b2b2_order_numbers.sql)"
                    + " leaves sequence order_numbers");
    }

    @Test
    void aSequenceWhoseOptionsTheDowngradeLeavesChangedIsReportedWithBothDefinitions(TestDatabase db) {
        assertThatThrownBy(() -> MigrationsKit.of(db.dataSource(), "classpath:kit-mariadb/leaky-sequence-options")
                .assertDowngradesLeaveNoTrace())
            .isInstanceOf(AssertionError.class)
            .hasMessage("downgrade of b2b2b2b2b2b2"
                    + " (classpath:kit-mariadb/leaky-sequence-options/002_b2b2b2b2b2b2_order_number_steps.sql)"
                    + " changes sequence order_numbers:"
                    + " was START 100 INCREMENT 1 MINVALUE 1 MAXVALUE 9223372036854775806 CACHE 1000 NO CYCLE,"
                    + " is now START 100 INCREMENT 1 MINVALUE 1 MAXVALUE 1000000 CACHE 1000 NO CYCLE");
    }

    @Test
    void aDataCheckInsertsAndReadsRowsInTheCheckSchema(TestDatabase db) {
        MigrationsKit.of(db.dataSource(), "classpath:kit-mariadb/good").at("e5e5e5e5e5e5")
            .before(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("INSERT INTO users (email, status) VALUES ('ada.lovelace@example.com', 'active')");
                }
            })
            .after(c -> {
                try (Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT full_name FROM users")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("ada.lovelace");
                }
            });
    }

    @Test
    void unnamedForeignKeysThatSwapNumbersLeaveNoTrace(TestDatabase db) {
        MigrationsKit.of(db.dataSource(), "classpath:kit-mariadb/unnamed-fk").assertDowngradesLeaveNoTrace();
    }

    @Test
    void aUserWhoMayNotCreateDatabasesIsToldWhatTheKitNeeds(TestDatabase db) throws Exception {
        String user = "kit_limited_" + Long.toHexString(System.nanoTime());
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'limited-secret'");
            st.execute("GRANT ALL ON `" + db.name() + "`.* TO '" + user + "'@'%'");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(user);
        config.setPassword("limited-secret");
        config.setMaximumPoolSize(1);
        try (HikariDataSource limited = new HikariDataSource(config)) {
            assertThatThrownBy(() -> MigrationsKit.of(limited, "classpath:kit-mariadb/good").assertUpgrade())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("The migrations kit could not run 'CREATE DATABASE samokoder_kit_")
                .hasMessageContaining("Access denied")
                .hasMessageEndingWith("; the DataSource's user needs the right to create databases: grant it, or give"
                        + " the kit a DataSource of a user who has it")
                .hasMessageNotContaining("limited-secret");
        }
        finally {
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                st.execute("DROP USER '" + user + "'@'%'");
            }
        }
        assertThat(kitDatabases(db)).isEmpty();
    }

    @Test
    void aPooledConnectionGoesBackToItsOwnDatabase(TestDatabase db) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(1);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            String own;
            try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE service_users (id int PRIMARY KEY)");
                st.execute("INSERT INTO service_users VALUES (1)");
                own = value(c, "SELECT DATABASE()");
            }
            MigrationsKit.of(pool, "classpath:kit-mariadb/good").assertStairway();
            try (Connection c = pool.getConnection()) {
                assertThat(value(c, "SELECT DATABASE()")).isEqualTo(own);
                assertThat(value(c, "SELECT count(*) FROM service_users")).isEqualTo("1");
                assertThat(value(c, "SELECT count(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"))
                    .isEqualTo("1");
            }
        }
        assertThat(kitDatabases(db)).isEmpty();
    }

    private static String value(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<String> kitDatabases(TestDatabase db) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA"
                        + " WHERE SCHEMA_NAME LIKE 'samokoder\\_kit\\_%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
