package io.samokoder.migrations.schema;

import io.samokoder.migrations.dialect.postgresql.PostgresDialect;
import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A diff against an empty schema, upgraded and downgraded on PostgreSQL. */
@ExtendWith(PostgresDatabaseExtension.class)
class PostgresDiffRoundTripTest {

    @Test
    void upgradeCreatesTheModelAndDowngradeRemovesIt(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE SCHEMA diffs");
                st.execute("SET search_path TO diffs");
            }
            DiffRoundTrip.run(c, PostgresDialect.INSTANCE);
        }
    }

    @Test
    void changesAreAppliedAndUndone(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE SCHEMA changes");
                st.execute("SET search_path TO changes");
            }
            DiffRoundTrip.runChanges(c, PostgresDialect.INSTANCE);
        }
    }
}
