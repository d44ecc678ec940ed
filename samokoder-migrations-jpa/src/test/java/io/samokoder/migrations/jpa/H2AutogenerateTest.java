package io.samokoder.migrations.jpa;

import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.dialect.h2.H2Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;

/** The autogenerate round trip on H2, in memory. */
class H2AutogenerateTest extends AutogenerateRoundTripTest {

    @Override
    Dialect dialect() {
        return H2Dialect.INSTANCE;
    }

    @Override
    void onFreshDatabase(DatabaseBody body) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:jpa_" + UUID.randomUUID())) {
            body.run(connection);
        }
    }
}
