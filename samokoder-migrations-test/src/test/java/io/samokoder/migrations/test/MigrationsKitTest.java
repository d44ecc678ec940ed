package io.samokoder.migrations.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresDatabaseExtension.class)
class MigrationsKitTest {

    private static final String DIR = "classpath:kit/";

    private static MigrationsKit kit(TestDatabase db, String set) {
        return MigrationsKit.of(db.dataSource(), DIR + set);
    }

    @Test
    void repeatableScriptsAreCheckedApartFromTheRevisions(TestDatabase db) {
        // The revisions' checks run without them: the view they make would be a trace of the last downgrade.
        kit(db, "good").repeatableLocations(DIR + "repeatable-good").assertAll();
        kit(db, "good").repeatableLocations(DIR + "repeatable-once").assertDowngradesLeaveNoTrace();

        assertThatThrownBy(() -> kit(db, "good").repeatableLocations(DIR + "repeatable-once").assertRepeatables())
            .isInstanceOf(AssertionError.class)
            .hasMessageStartingWith("repeatable script classpath:kit/repeatable-once/R__user_count.sql fails when"
                    + " applied again, as a run does once it changed, at statement 2 (line 4): ERROR: relation"
                    + " \"user_count\" already exists")
            .hasMessageEndingWith("; write it to run again over what it made: CREATE OR REPLACE, or DROP ... IF"
                    + " EXISTS before CREATE");
        // The default location, which this module's tests have (db/repeatable/R__kit_probe.sql).
        kit(db, "good").assertRepeatables();
        kit(db, "good").repeatableLocations().assertRepeatables();
    }

    @Test
    void grantsLeftByADowngradeAreReportedAndOnesRevokedAreNot(TestDatabase db) throws Exception {
        // Roles belong to the server, not a database: made for this test and dropped after it.
        execute(db, "DO $$ BEGIN CREATE ROLE samokoder_kit_reader NOLOGIN;"
                + " EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        try {
            String user = query(db, "SELECT current_user");
            String prefix = "downgrade of b2b2b2b2b2b2 (classpath:kit/leaky-grant/002_b2b2b2b2b2b2_reader.sql) ";
            String function = "CREATE OR REPLACE FUNCTION <schema>.account_count()\n RETURNS bigint\n"
                    + " LANGUAGE sql\nAS $function$SELECT count(*) FROM accounts$function$";
            assertThatThrownBy(() -> kit(db, "leaky-grant").assertDowngradesLeaveNoTrace())
                .isInstanceOf(AssertionError.class)
                // The check's schema is named anew each time; PostgreSQL before 16 qualifies a view's columns.
                .extracting(e -> e.getMessage().replaceAll("samokoder_kit_[0-9a-z_]+\\.", "<schema>.")
                        .replace("SELECT accounts.id,\n    accounts.tenant", "SELECT id,\n    tenant"))
                .isEqualTo(prefix + "leaves default privileges of " + user + " on tables in every schema\n"
                        + prefix + "changes column accounts.tenant: was text NOT NULL,"
                        + " is now text NOT NULL GRANTED samokoder_kit_reader UPDATE\n"
                        + prefix + "changes function account_count(): was " + function + " GRANTED PUBLIC EXECUTE,"
                        + " is now " + function + " GRANTED samokoder_kit_reader EXECUTE\n"
                        + prefix + "changes sequence invoice_numbers: was bigint START 1 INCREMENT 1 MINVALUE 1"
                        + " MAXVALUE 9223372036854775807 CACHE 1 NO CYCLE, is now bigint START 1 INCREMENT 1"
                        + " MINVALUE 1 MAXVALUE 9223372036854775807 CACHE 1 NO CYCLE"
                        + " GRANTED samokoder_kit_reader USAGE WITH GRANT OPTION\n"
                        + prefix + "changes table accounts: was table,"
                        + " is now table GRANTED samokoder_kit_reader SELECT\n"
                        + prefix + "changes view account_tenants: was SELECT id,\n    tenant\n"
                        + "   FROM accounts;, is now SELECT id,\n    tenant\n   FROM accounts;"
                        + " GRANTED samokoder_kit_reader SELECT");
            // What the leaky set left outlives its schema: its default privileges.
            revokeDefaultPrivileges(db);
            // Every grant revoked, and the function's EXECUTE given back to PUBLIC: the same as never revoked.
            kit(db, "grant").assertDowngradesLeaveNoTrace();
        }
        finally {
            revokeDefaultPrivileges(db);
            execute(db, "DROP ROLE samokoder_kit_reader");
        }
    }

    private static void revokeDefaultPrivileges(TestDatabase db) throws Exception {
        execute(db, "ALTER DEFAULT PRIVILEGES REVOKE SELECT ON TABLES FROM samokoder_kit_reader");
    }

    private static String query(TestDatabase db, String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(TestDatabase db, String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Test
    void aDowngradeThatLeavesRowLevelSecurityOnIsReportedAndOneThatTurnsItOffIsNot(TestDatabase db) {
        String prefix = "downgrade of b2b2b2b2b2b2 (classpath:kit/leaky-policy/002_b2b2b2b2b2b2_tenant_rows.sql) ";
        assertThatThrownBy(() -> kit(db, "leaky-policy").assertDowngradesLeaveNoTrace())
            .isInstanceOf(AssertionError.class)
            .hasMessage(prefix + "leaves policy tenant_rows on accounts\n"
                    + prefix + "changes table accounts: was table, is now table ROW LEVEL SECURITY");
        kit(db, "policy").assertDowngradesLeaveNoTrace();
    }

    @Test
    void aDowngradeThatLeavesCommentsChangedIsReported(TestDatabase db) {
        String prefix = "downgrade of b2b2b2b2b2b2"
                + " (classpath:kit/leaky-comment/002_b2b2b2b2b2b2_comments.sql) ";
        assertThatThrownBy(() -> kit(db, "leaky-comment").assertDowngradesLeaveNoTrace())
            .isInstanceOf(AssertionError.class)
            .hasMessage(prefix + "changes column users.email: was character varying(255),"
                    + " is now character varying(255) COMMENT 'Where we write'\n"
                    + prefix + "changes table users: was table COMMENT 'People',"
                    + " is now table COMMENT 'People''s accounts'");
    }

    @Test
    void anAllowedIrreversibleRevisionOnOneBranchIsNotDowngradedWithTheOther(TestDatabase db) throws Exception {
        kit(db, "irreversible-branch-first").allowIrreversible("b2b2b2b2b2b2").assertAll();
        kit(db, "irreversible-branch-second").allowIrreversible("c3c3c3c3c3c3").assertAll();
        assertThat(kitSchemas(db)).isEmpty();
    }

    @Test
    void aLocationWithoutScriptsFailsEveryCheck(TestDatabase db) {
        for (java.util.function.Consumer<MigrationsKit> check : List.<java.util.function.Consumer<MigrationsKit>>of(
                MigrationsKit::assertUpgrade, MigrationsKit::assertStairway, MigrationsKit::assertReversible,
                MigrationsKit::assertDowngradesLeaveNoTrace, MigrationsKit::assertSingleHead)) {
            assertThatThrownBy(() -> check.accept(kit(db, "none"))).isInstanceOf(AssertionError.class)
                .hasMessage("No revision scripts in classpath:kit/none");
        }
    }

    @Test
    void aDatabaseWhoseCatalogTheKitDoesNotReadIsRefusedBeforeAnythingIsCreated() throws Exception {
        org.hsqldb.jdbc.JDBCDataSource hsqldb = new org.hsqldb.jdbc.JDBCDataSource();
        hsqldb.setUrl("jdbc:hsqldb:mem:kit_" + java.util.UUID.randomUUID());
        hsqldb.setUser("SA");
        assertThatThrownBy(() -> MigrationsKit.of(hsqldb, DIR + "good").assertUpgrade())
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("The migrations kit runs on PostgreSQL, MariaDB, MySQL and H2 (it compares schemas from their"
                    + " catalogs), and this DataSource is HSQL Database Engine: give it a DataSource of one of these,"
                    + " such as the embedded PostgreSQL of samokoder-migrations-test-support");
        try (Connection c = hsqldb.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM INFORMATION_SCHEMA.SCHEMATA"
                        + " WHERE SCHEMA_NAME LIKE 'SAMOKODER%'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void aUserWhoMayNotCreateSchemasIsToldWhatTheKitNeeds(TestDatabase db) throws Exception {
        String role = "kit_limited_" + Long.toHexString(System.nanoTime());
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'limited-secret'");
        }
        try {
            org.postgresql.ds.PGSimpleDataSource limited = new org.postgresql.ds.PGSimpleDataSource();
            limited.setURL(db.jdbcUrl());
            limited.setUser(role);
            limited.setPassword("limited-secret");
            assertThatThrownBy(() -> MigrationsKit.of(limited, DIR + "good").assertUpgrade())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("The migrations kit could not run 'CREATE SCHEMA samokoder_kit_")
                .hasMessageContaining("permission denied")
                .hasMessageEndingWith("; the DataSource's user needs the right to create schemas: grant it, or give"
                        + " the kit a DataSource of a user who has it")
                .hasMessageNotContaining("limited-secret");
        }
        finally {
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                st.execute("DROP ROLE " + role);
            }
        }
    }

    @Test
    void goodScriptsPassEveryCheck(TestDatabase db) throws Exception {
        kit(db, "good").assertAll();
        assertThat(kitSchemas(db)).isEmpty();
    }

    @Test
    void checksRunInTheirOwnSchemaAndLeaveTheServiceTablesAlone(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS public.users (id int PRIMARY KEY)");
            st.execute("INSERT INTO public.users VALUES (1) ON CONFLICT DO NOTHING");
        }
        kit(db, "good").assertStairway().assertUpgrade();
        try (Connection c = db.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM public.users")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.getMetaData().getColumnCount()).isEqualTo(1);
        }
        assertThat(kitSchemas(db)).isEmpty();
    }

    @Test
    void singleHeadFailsOnTwoHeads(TestDatabase db) {
        assertThatThrownBy(() -> kit(db, "two-heads").assertSingleHead())
            .isInstanceOf(AssertionError.class)
            .hasMessage("Revision scripts in classpath:kit/two-heads have 2 heads, not one:"
                    + " b2b2b2b2b2b2 (classpath:kit/two-heads/002_b2b2b2b2b2b2_one.sql),"
                    + " c3c3c3c3c3c3 (classpath:kit/two-heads/003_c3c3c3c3c3c3_two.sql);"
                    + " merge them with 'samokoder merge heads -m \"<message>\"'");
    }

    @Test
    void aRevisionThatOthersOnlyDependOnIsNoSecondHead(TestDatabase db) {
        // b2 is an effective head (c3 depends on it), not a real one: check and merge heads see one head.
        kit(db, "effective-head").assertSingleHead();
    }

    @Test
    void singleHeadFailsOnADanglingDependency(TestDatabase db) {
        assertThatThrownBy(() -> kit(db, "dangling").assertSingleHead())
            .isInstanceOf(AssertionError.class)
            .hasMessage("Revision scripts in classpath:kit/dangling do not load: Revision billing referenced from b2b2b2b2b2b2 is not present"
                    + " (declared in classpath:kit/dangling/002_b2b2b2b2b2b2_orders.sql)");
    }

    @Test
    void reversibleFailsOnAMissingDowngradeUnlessAllowed(TestDatabase db) {
        assertThatThrownBy(() -> kit(db, "irreversible").assertReversible())
            .isInstanceOf(AssertionError.class)
            .hasMessage("revision b2b2b2b2b2b2 (classpath:kit/irreversible/002_b2b2b2b2b2b2_backfill.sql) has no"
                    + " '-- migrate:downgrade' part; write its downgrade, or declare it with"
                    + " allowIrreversible(\"b2b2b2b2b2b2\")");
        kit(db, "irreversible").allowIrreversible("b2b2b2b2b2b2").assertReversible().assertStairway();
        assertThatThrownBy(() -> kit(db, "irreversible").allowIrreversible("b2b2b2b2b2b2", "ffffffffffff").assertReversible())
            .hasMessage("allowIrreversible(\"ffffffffffff\") names no revision in classpath:kit/irreversible");
    }

    @Test
    void stairwayFailsOnAMissingDowngrade(TestDatabase db) {
        assertThatThrownBy(() -> kit(db, "irreversible").assertStairway())
            .isInstanceOf(AssertionError.class)
            .hasMessage("revision b2b2b2b2b2b2 (classpath:kit/irreversible/002_b2b2b2b2b2b2_backfill.sql) has no"
                    + " '-- migrate:downgrade' part; write its downgrade, or declare it with"
                    + " allowIrreversible(\"b2b2b2b2b2b2\")");
    }

    @Test
    void upgradeFailsNamingTheRevision(TestDatabase db) {
        assertThatThrownBy(() -> kit(db, "failing-upgrade").assertUpgrade())
            .isInstanceOf(AssertionError.class)
            .hasMessage("upgrade of b2b2b2b2b2b2 (classpath:kit/failing-upgrade/002_b2b2b2b2b2b2_index.sql) failed:"
                    + " Revision b2b2b2b2b2b2 failed at statement 1 (classpath:kit/failing-upgrade/002_b2b2b2b2b2b2_index.sql,"
                    + " line 7): SQLSTATE 42703: column \"name\" does not exist. Revision b2b2b2b2b2b2 was rolled back;"
                    + " the version table is unchanged at [a1a1a1a1a1a1].");
    }

    @Test
    void downgradeThatForgetsAnIndex(TestDatabase db) {
        assertThatThrownBy(() -> kit(db, "leaky-index").assertStairway())
            .isInstanceOf(AssertionError.class)
            .hasMessage("upgrade of 3f2a9c1b7d4e (classpath:kit/leaky-index/002_3f2a9c1b7d4e_nickname.sql) after its"
                    + " downgrade failed: Revision 3f2a9c1b7d4e failed at statement 2"
                    + " (classpath:kit/leaky-index/002_3f2a9c1b7d4e_nickname.sql, line 8): SQLSTATE 42P07: relation"
                    + " \"ix_users_email\" already exists. Revision 3f2a9c1b7d4e was rolled back; the version table is"
                    + " unchanged at [a1a1a1a1a1a1].");
        assertThatThrownBy(() -> kit(db, "leaky-index").assertDowngradesLeaveNoTrace())
            .isInstanceOf(AssertionError.class)
            .hasMessage("downgrade of 3f2a9c1b7d4e (classpath:kit/leaky-index/002_3f2a9c1b7d4e_nickname.sql)"
                    + " leaves index ix_users_email on users");
    }

    @Test
    void downgradeThatForgetsAColumnDefault(TestDatabase db) {
        assertThatThrownBy(() -> kit(db, "leaky-default").assertDowngradesLeaveNoTrace())
            .isInstanceOf(AssertionError.class)
            .hasMessage("downgrade of b2b2b2b2b2b2 (classpath:kit/leaky-default/002_b2b2b2b2b2b2_email_default.sql)"
                    + " changes column users.email: was character varying(255) NOT NULL, is now character varying(255) NOT NULL"
                    + " DEFAULT 'nobody@example.com'::character varying");
    }

    @Test
    void downgradeThatForgetsAView(TestDatabase db) {
        assertThatThrownBy(() -> kit(db, "leaky-view").assertAll())
            .isInstanceOf(AssertionError.class)
            .hasMessage("downgrade of b2b2b2b2b2b2 (classpath:kit/leaky-view/002_b2b2b2b2b2b2_emails_view.sql)"
                    + " leaves view user_emails");
    }

    @Test
    void aMaterializedViewLeftBehindIsReportedOnceWithoutItsIndex(TestDatabase db) {
        assertThatThrownBy(() -> kit(db, "leaky-matview").assertDowngradesLeaveNoTrace())
            .isInstanceOf(AssertionError.class)
            .hasMessage("downgrade of b2b2b2b2b2b2 (classpath:kit/leaky-matview/002_b2b2b2b2b2b2_emails_matview.sql)"
                    + " leaves materialized view user_emails");
    }

    @Test
    void everyDifferenceIsReportedOnALineOfItsOwn(TestDatabase db) {
        String prefix = "downgrade of 3f2a9c1b7d4e (classpath:kit/leaky-many/002_3f2a9c1b7d4e_user_status.sql) ";
        assertThatThrownBy(() -> kit(db, "leaky-many").assertDowngradesLeaveNoTrace())
            .isInstanceOf(AssertionError.class)
            .hasMessage(prefix + "leaves enum type user_status\n"
                    + prefix + "leaves index ix_users_email on users\n"
                    + prefix + "changes column users.email: was character varying(255) NOT NULL,"
                    + " is now character varying(255) NOT NULL DEFAULT ''::character varying");
    }

    @Test
    void dataCheckPassesOnTheMigratedRows(TestDatabase db) {
        kit(db, "good").at("e5e5e5e5e5e5")
            .before(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("INSERT INTO users (email) VALUES ('ada.lovelace@example.com')");
                }
            })
            .after(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT full_name FROM users")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("Ada.Lovelace");
                }
            });
    }

    @Test
    void dataCheckFailureNamesTheRevision(TestDatabase db) {
        assertThatThrownBy(() -> kit(db, "good").at("e5e5")
            .before(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("INSERT INTO users (email) VALUES ('ada.lovelace@example.com')");
                }
            })
            .after(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT full_name FROM users")) {
                    rs.next();
                    assertThat(rs.getString(1)).as("full name").isEqualTo("Ada Lovelace");
                }
            }))
            .isInstanceOf(AssertionError.class)
            .hasMessage("data check after the upgrade of e5e5e5e5e5e5 (classpath:kit/good/005_e5e5e5e5e5e5_full_name.sql)"
                    + " failed: [full name] \nexpected: \"Ada Lovelace\"\n but was: \"Ada.Lovelace\"");
    }

    @Test
    void dataCheckAtAnUnknownRevision(TestDatabase db) throws Exception {
        assertThatThrownBy(() -> kit(db, "good").at("nope").after(c -> { }))
            .isInstanceOf(AssertionError.class)
            .hasMessage("data check at 'nope': No such revision or branch 'nope'");
        assertThat(kitSchemas(db)).isEmpty();
    }

    @Test
    void dataCheckBeforeFailureNamesTheRevision(TestDatabase db) {
        assertThatThrownBy(() -> kit(db, "good").at("reporting")
            .before(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("INSERT INTO users (email, status) VALUES ('ada@example.com', 'active')");
                }
            })
            .after(c -> { }))
            .isInstanceOf(AssertionError.class)
            .hasMessage("data check before the upgrade of c3c3c3c3c3c3 (classpath:kit/good/003_c3c3c3c3c3c3_emails_view.sql)"
                    + " failed: ERROR: column \"status\" of relation \"users\" does not exist\n  Position: 27");
    }

    private static List<String> kitSchemas(TestDatabase db) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'samokoder_kit_%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
