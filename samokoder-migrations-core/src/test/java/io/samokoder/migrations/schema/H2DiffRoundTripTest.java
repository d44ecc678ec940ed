package io.samokoder.migrations.schema;

import io.samokoder.migrations.dialect.h2.H2Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A diff against an empty schema, upgraded and downgraded on an in-memory H2 database. */
class H2DiffRoundTripTest {

    @Test
    void upgradeCreatesTheModelAndDowngradeRemovesIt() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:diff_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
            DiffRoundTrip.run(c, H2Dialect.INSTANCE);
        }
    }

    @Test
    void changesAreAppliedAndUndone() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:diff_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
            DiffRoundTrip.runChanges(c, H2Dialect.INSTANCE);
        }
    }
}
