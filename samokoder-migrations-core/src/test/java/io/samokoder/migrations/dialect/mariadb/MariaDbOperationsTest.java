package io.samokoder.migrations.dialect.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.LiveOperations;
import io.samokoder.migrations.ops.OperationsScenario;
import io.samokoder.migrations.ops.Type;
import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestMariaDb;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The operations executed on MariaDB, checked through JDBC metadata and information_schema. */
class MariaDbOperationsTest {

    private static TestDatabase server;

    @BeforeAll
    static void start() {
        server = TestMariaDb.createDatabase("ops");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void portableOperationsRunOnMariaDb() throws Exception {
        try (Connection c = server.connect()) {
            new OperationsScenario(c, MariaDbOperationRenderer.INSTANCE).runPortable();
        }
    }

    @Test
    void batchesRunTheirChangesInOrder() throws Exception {
        try (Connection c = server.connect()) {
            new OperationsScenario(c, MariaDbOperationRenderer.INSTANCE).runBatchesInOrder();
        }
    }

    @Test
    void aRenameWithADefaultRunsAndTimestampsKeepTheInstantInTheSessionsZone() throws Exception {
        try (Connection c = server.connect()) {
            OperationsScenario scenario = new OperationsScenario(c, MariaDbOperationRenderer.INSTANCE);
            LiveOperations op = scenario.op();
            op.execute("SET time_zone = '+02:00'");
            op.createTable("stamps", Column.of("id", Type.INTEGER).primaryKey(), Column.of("at", Type.TIMESTAMPTZ),
                    Column.of("b", Type.INTEGER), Column.of("portion", Type.INTEGER));
            op.bulkInsert("stamps", List.of(Map.of("id", 1, "at", OffsetDateTime.parse("2024-01-31T10:00:00Z"))));
            op.execute("INSERT INTO stamps (id, at) VALUES (:id, :at)",
                    Map.of("id", 2, "at", OffsetDateTime.parse("2024-07-01T12:30:00+05:30")));
            op.execute("SET time_zone = '+00:00'");
            assertThat(scenario.meta().rows("SELECT CAST(at AS CHAR) FROM stamps ORDER BY id"))
                    .containsExactly("2024-01-31 10:00:00.000000", "2024-07-01 07:00:00.000000");
            op.alterColumn("stamps", "b", c2 -> c2.rename("b2").serverDefault("5"));
            op.createTable("notes", Column.of("id", Type.INTEGER).primaryKey(), Column.of("body", Type.TEXT));
            op.execute("INSERT INTO notes (id, body) VALUES (:id, 'don\\'t touch :body') # :x", Map.of("id", 3));
            op.execute("INSERT INTO stamps (id, `portion`) VALUES (:id, :id)", Map.of("id", 3));
            assertThat(scenario.meta().rows("SELECT b2, `portion` FROM stamps WHERE id = 3")).containsExactly("5|3");
            // The server runs what an executable comment holds, with its binds.
            op.execute("INSERT INTO notes (id, body) VALUES (4, 'first')");
            op.execute("INSERT INTO notes (id, body) VALUES (:id, 'x')"
                    + " /*!50003 ON DUPLICATE KEY UPDATE body = :body */", Map.of("id", 4, "body", "second"));
            assertThat(scenario.meta().rows("SELECT body FROM notes ORDER BY id"))
                    .containsExactly("don't touch :body", "second");
            op.dropTable("notes");
            op.dropTable("stamps");
        }
    }

    @Test
    void columnsAreRestatedWithTheirComments() throws Exception {
        try (Connection c = server.connect()) {
            OperationsScenario scenario = new OperationsScenario(c, MariaDbOperationRenderer.INSTANCE);
            LiveOperations op = scenario.op();
            op.createTable("events", Column.of("id", Type.INTEGER).primaryKey().autoincrement(),
                    Column.of("title", Type.string(10)).notNull().comment("shown"),
                    Column.of("note", Type.string(100)));
            op.bulkInsert("events", List.of(Map.of("title", "a\\b'c")));
            assertThat(scenario.meta().rows("SELECT title FROM events")).containsExactly("a\\b'c");
            op.alterColumn("events", "title", c2 -> c2.type(Type.string(30)).rename("heading")
                    .existingNullable(false).existingComment("shown"));
            assertThat(scenario.meta().rows("SELECT column_type, is_nullable, column_comment FROM"
                    + " information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'events'"
                    + " AND column_name = 'heading'")).containsExactly("varchar(30)|NO|shown");
            op.alterColumn("events", "note", c2 -> c2.serverDefault("'-'"));
            assertThat(scenario.meta().rows("SELECT column_default FROM information_schema.columns WHERE"
                    + " table_schema = DATABASE() AND table_name = 'events' AND column_name = 'note'"))
                    .containsExactly("'-'");
            op.dropTable("events");
        }
    }
}
