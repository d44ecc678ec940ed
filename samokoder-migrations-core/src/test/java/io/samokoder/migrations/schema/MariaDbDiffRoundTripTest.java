package io.samokoder.migrations.schema;

import io.samokoder.migrations.dialect.mariadb.MariaDbDialect;
import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestMariaDb;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/** A diff against an empty schema, upgraded and downgraded on MariaDB. */
class MariaDbDiffRoundTripTest {

    @Test
    void upgradeCreatesTheModelAndDowngradeRemovesIt() throws Exception {
        try (TestDatabase db = TestMariaDb.createDatabase("diff"); Connection c = db.connect()) {
            DiffRoundTrip.run(c, MariaDbDialect.INSTANCE);
        }
    }

    @Test
    void changesAreAppliedAndUndone() throws Exception {
        try (TestDatabase db = TestMariaDb.createDatabase("diffchanges"); Connection c = db.connect()) {
            DiffRoundTrip.runChanges(c, MariaDbDialect.INSTANCE);
        }
    }
}
