package io.samokoder.sample;

import static org.assertj.core.api.Assertions.assertThat;

import db.migrations.M007_AddProjectStatuses;
import io.samokoder.migrations.jpa.JpaModel;
import io.samokoder.migrations.test.MigrationsKit;
import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The sample's revision scripts, checked with the migrations test kit. */
@ExtendWith(PostgresDatabaseExtension.class)
class SampleMigrationsTests {

    @Test
    void revisionsGoUpAndDownCleanly(TestDatabase db) {
        MigrationsKit.of(db.dataSource(), "classpath:db/migrations")
            .javaRevisions(new M007_AddProjectStatuses())
            .assertAll();
    }

    @Test
    void theEntitiesMatchTheSchemaTheRevisionsBuild(TestDatabase db) {
        // What command mode's "check" compares: had an entity changed without its revision, this would fail
        // listing the changes that "revision --autogenerate" would write.
        MigrationsKit.of(db.dataSource(), "classpath:db/migrations")
            .javaRevisions(new M007_AddProjectStatuses())
            .assertModelMatchesDatabase(JpaModel.ofPackages(getClass().getClassLoader(), "io.samokoder.sample"));
    }

    @Test
    void revisionsNotYetDeployedHoldNoLongLocks(TestDatabase db) {
        // The revisions before ae9f6fa0aca7 shipped before this check came (a check constraint and an index added
        // the way that blocks a large table: "samokoder lint -r :" lists them); it guards those from it on, as a
        // service guards the revisions it has not deployed yet.
        MigrationsKit.of(db.dataSource(), "classpath:db/migrations")
            .javaRevisions(new M007_AddProjectStatuses())
            .assertNoLockingStatements("ae9f6fa0aca7:");
    }

    @Test
    void fullNameIsAddedEmptyToExistingUsers(TestDatabase db) {
        MigrationsKit.of(db.dataSource(), "classpath:db/migrations")
            .javaRevisions(new M007_AddProjectStatuses())
            .at("profile")
            .before(c -> {
                try (PreparedStatement st = c.prepareStatement(
                        "INSERT INTO users (email, password_hash) VALUES ('ada@example.com', 'x')")) {
                    st.executeUpdate();
                }
            })
            .after(c -> {
                try (PreparedStatement st = c.prepareStatement("SELECT email, full_name FROM users");
                        ResultSet rs = st.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString("email")).isEqualTo("ada@example.com");
                    assertThat(rs.getString("full_name")).isNull();
                }
            });
    }
}
