package io.samokoder.migrations.schema;

import static io.samokoder.migrations.schema.Tables.keyed;
import static io.samokoder.migrations.schema.Tables.schema;
import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.dialect.postgresql.PostgresDialect;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.ForeignKey;
import io.samokoder.migrations.ops.Type;
import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    void tablesWithEnumTypesCanBeCreatedAndDroppedAgainAndAgain(TestDatabase db) throws Exception {
        Type kind = Type.enumOf("queue_kind", "support", "sales");
        Type state = Type.enumOf("ticket_state", "open", "closed");
        Type priority = Type.enumOf("ticket_priority", "low", "high");
        Schema base = schema(keyed("queues", Column.of("kind", kind)));
        Schema model = schema(keyed("queues", Column.of("kind", kind)),
                keyed("tickets", Column.of("state", state).notNull(), Column.of("priority", priority),
                        Column.of("previous", state), Column.of("queue_id", Type.BIGINT))
                        .foreignKey(ForeignKey.from("queue_id").references("queues", "id").named("fk_tickets_queue")),
                // A type the database has (queues') and one that tickets' creation makes in the same revision.
                keyed("escalations", Column.of("kind", kind), Column.of("state", state)));
        CompareOptions options = CompareOptions.defaults(PostgresDialect.INSTANCE).withDropUnmappedTables(true);
        try (Connection c = db.connect()) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE SCHEMA enums");
                st.execute("SET search_path TO enums");
            }
            DiffRoundTrip.execute(c, PostgresDialect.INSTANCE,
                    SchemaComparator.compare(base, Schema.EMPTY, options).upgrade());
            SchemaDiff added = SchemaComparator.compare(model, base, options);
            for (int round = 0; round < 2; round++) {
                DiffRoundTrip.execute(c, PostgresDialect.INSTANCE, added.upgrade());
                assertThat(DiffRoundTrip.tables(c)).contains("queues", "tickets", "escalations");
                assertThat(enumTypes(c)).containsExactly("queue_kind", "ticket_priority", "ticket_state");
                DiffRoundTrip.execute(c, PostgresDialect.INSTANCE, added.downgrade());
                assertThat(DiffRoundTrip.tables(c)).containsExactly("queues");
                assertThat(enumTypes(c)).containsExactly("queue_kind");
            }
            DiffRoundTrip.execute(c, PostgresDialect.INSTANCE, added.upgrade());
            SchemaDiff removed = SchemaComparator.compare(base, model, options);
            for (int round = 0; round < 2; round++) {
                DiffRoundTrip.execute(c, PostgresDialect.INSTANCE, removed.upgrade());
                assertThat(DiffRoundTrip.tables(c)).containsExactly("queues");
                assertThat(enumTypes(c)).containsExactly("queue_kind");
                DiffRoundTrip.execute(c, PostgresDialect.INSTANCE, removed.downgrade());
                assertThat(DiffRoundTrip.tables(c)).contains("queues", "tickets", "escalations");
                assertThat(enumTypes(c)).containsExactly("queue_kind", "ticket_priority", "ticket_state");
            }
        }
    }

    /** The enum types of the current schema, by name. */
    private static List<String> enumTypes(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT t.typname FROM pg_type t"
                + " JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = current_schema()"
                + " AND t.typtype = 'e' ORDER BY t.typname")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
