package io.samokoder.migrations.jpa;

import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.dialect.postgresql.PostgresDialect;
import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestPostgres;
import io.samokoder.migrations.jpa.fixtures.named.Flagged;
import io.samokoder.migrations.jpa.fixtures.named.Visit;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/** The autogenerate round trip on PostgreSQL. */
class PostgresAutogenerateTest extends AutogenerateRoundTripTest {

    @Override
    Dialect dialect() {
        return PostgresDialect.INSTANCE;
    }

    @Test
    void aNamedEnumRoundTrips() throws Exception {
        roundTrip(JpaModel.ofClasses(Visit.class));
    }

    @Test
    void aColumnDefinitionWithADefaultAndNotNullRoundTrips() throws Exception {
        roundTrip(JpaModel.ofClasses(Flagged.class));
    }

    @Override
    void onFreshDatabase(DatabaseBody body) throws Exception {
        try (TestDatabase db = TestPostgres.createDatabase("jpa"); Connection connection = db.connect()) {
            body.run(connection);
        }
    }
}
