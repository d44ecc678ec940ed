package io.samokoder.migrations.jpa;

import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.dialect.mariadb.MariaDbDialect;
import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestMariaDb;
import java.sql.Connection;

/** The autogenerate round trip on MariaDB. */
class MariaDbAutogenerateTest extends AutogenerateRoundTripTest {

    @Override
    Dialect dialect() {
        return MariaDbDialect.INSTANCE;
    }

    @Override
    void onFreshDatabase(DatabaseBody body) throws Exception {
        try (TestDatabase db = TestMariaDb.createDatabase("jpa"); Connection connection = db.connect()) {
            body.run(connection);
        }
    }
}
