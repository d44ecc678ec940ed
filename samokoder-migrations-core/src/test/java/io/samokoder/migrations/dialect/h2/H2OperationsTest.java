package io.samokoder.migrations.dialect.h2;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.ops.OperationsScenario;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The operations executed on an in-memory H2 database, checked through JDBC metadata. */
class H2OperationsTest {

    @Test
    void portableOperationsRunOnH2() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:ops_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
            OperationsScenario scenario = new OperationsScenario(c, H2OperationRenderer.INSTANCE);
            scenario.runPortable();
            assertThat(scenario.statements()).contains("DROP TABLE users");
        }
    }

    @Test
    void batchesRunTheirChangesInOrderAndTimesKeepMicroseconds() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:ops_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
            OperationsScenario scenario = new OperationsScenario(c, H2OperationRenderer.INSTANCE);
            scenario.runBatchesInOrder();
            scenario.op().createTable("shifts", io.samokoder.migrations.ops.Column.of("starts",
                    io.samokoder.migrations.ops.Type.TIME));
            scenario.op().bulkInsert("shifts", java.util.List.of(java.util.Map.of("starts",
                    java.time.LocalTime.parse("10:00:01.750"))));
            assertThat(scenario.meta().rows("SELECT CAST(starts AS VARCHAR) FROM shifts"))
                    .containsExactly("10:00:01.75");
        }
    }

    @Test
    void lowerCaseNamesFoldSoPlainSqlKeepsWorking() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:ops_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
            OperationsScenario scenario = new OperationsScenario(c, H2OperationRenderer.INSTANCE);
            scenario.op().createTable("people", io.samokoder.migrations.ops.Column.of("Full Name",
                    io.samokoder.migrations.ops.Type.string(20)), io.samokoder.migrations.ops.Column.of("age",
                    io.samokoder.migrations.ops.Type.INTEGER));
            scenario.op().execute("INSERT INTO people (\"Full Name\", age) VALUES ('Ada', 36)");
            assertThat(scenario.meta().rows("select age from PEOPLE")).containsExactly("36");
            assertThat(scenario.op().hasTable("people")).isTrue();
            assertThat(scenario.op().hasColumn("people", "Full Name")).isTrue();
        }
    }
}
