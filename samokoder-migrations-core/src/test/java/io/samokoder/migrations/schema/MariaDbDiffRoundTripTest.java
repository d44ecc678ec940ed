package io.samokoder.migrations.schema;

import static io.samokoder.migrations.schema.Tables.schema;
import static io.samokoder.migrations.schema.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.dialect.mariadb.MariaDbDialect;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.PrimaryKey;
import io.samokoder.migrations.ops.Type;
import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestMariaDb;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    @Test
    void aChangedIdentityColumnKeepsAutoIncrement() throws Exception {
        Schema before = schema(table("counters").column(Column.of("id", Type.INTEGER).notNull().autoincrement())
                .column(Column.of("label", Type.string(20))).primaryKey(new PrimaryKey("PRIMARY", List.of("id"))));
        Schema after = schema(table("counters").column(Column.of("id", Type.BIGINT).notNull().autoincrement())
                .column(Column.of("label", Type.string(20))).primaryKey(new PrimaryKey("PRIMARY", List.of("id"))));
        CompareOptions options = CompareOptions.defaults(MariaDbDialect.INSTANCE);
        try (TestDatabase db = TestMariaDb.createDatabase("diffidentity"); Connection c = db.connect()) {
            DiffRoundTrip.execute(c, MariaDbDialect.INSTANCE, SchemaComparator.compare(before, Schema.EMPTY, options)
                    .upgrade());
            SchemaDiff diff = SchemaComparator.compare(after, before, options);
            assertThat(diff.checkText()).isEqualTo("New upgrade operations detected: [('modify_type', 'counters',"
                    + " 'id', 'INTEGER', 'BIGINT')]");
            DiffRoundTrip.execute(c, MariaDbDialect.INSTANCE, diff.upgrade());
            assertThat(identity(c)).isEqualTo("bigint auto_increment");
            insertLabel(c, "first");
            DiffRoundTrip.execute(c, MariaDbDialect.INSTANCE, diff.downgrade());
            assertThat(identity(c)).isEqualTo("int auto_increment");
            insertLabel(c, "second");
            List<Long> ids = new ArrayList<>();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT id FROM counters ORDER BY id")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            assertThat(ids).containsExactly(1L, 2L);
        }
    }

    /** The id column's data type and extra, as information_schema has them. */
    private static String identity(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT data_type, extra FROM"
                + " information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'counters'"
                + " AND column_name = 'id'")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1).toLowerCase(Locale.ROOT) + " " + rs.getString(2).toLowerCase(Locale.ROOT);
        }
    }

    /** Inserts a row without its id, which the column generates. */
    private static void insertLabel(Connection c, String label) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO counters (label) VALUES ('" + label + "')");
        }
    }
}
