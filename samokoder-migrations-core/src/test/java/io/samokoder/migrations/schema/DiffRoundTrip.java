package io.samokoder.migrations.schema;

import static io.samokoder.migrations.schema.Tables.keyed;
import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.ForeignKey;
import io.samokoder.migrations.ops.Index;
import io.samokoder.migrations.ops.Operation;
import io.samokoder.migrations.ops.ReferentialAction;
import io.samokoder.migrations.ops.Type;
import io.samokoder.migrations.ops.Unique;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Test helper: renders the upgrade of a model against an empty schema with a dialect's renderer, runs it,
 * then runs the downgrade, checking the tables through JDBC metadata after each.
 */
final class DiffRoundTrip {

    static final List<String> TABLES = List.of("authors", "books", "shelves", "slots");

    private DiffRoundTrip() {
    }

    /** Users of books, books referring to them, and two tables referring to each other; and a sequence. */
    static Schema model() {
        return new Schema(List.of(
                keyed("books", Column.of("title", Type.string(200)).notNull().comment("as printed"),
                        Column.of("author_id", Type.BIGINT).notNull(),
                        Column.of("price", Type.numeric(10, 2)).serverDefault("0"))
                        .index(Index.on("books", "title").named("ix_books_title"))
                        .foreignKey(ForeignKey.from("author_id").references("authors", "id")
                                .onDelete(ReferentialAction.CASCADE))
                        .comment("what we sell").build(),
                keyed("authors", Column.of("email", Type.string(255)).notNull(),
                        Column.of("joined", Type.TIMESTAMP).serverDefault("CURRENT_TIMESTAMP"))
                        .unique(Unique.of("email")).build(),
                keyed("shelves", Column.of("first_slot", Type.BIGINT))
                        .foreignKey(ForeignKey.from("first_slot").references("slots", "id")).build(),
                keyed("slots", Column.of("shelf_id", Type.BIGINT).notNull())
                        .foreignKey(ForeignKey.from("shelf_id").references("shelves", "id")).build()),
                List.of(new SchemaSequence("book_seq", 1, 50)));
    }

    static void run(Connection connection, Dialect dialect) throws SQLException {
        SchemaDiff diff = SchemaComparator.compare(model(), Schema.EMPTY, CompareOptions.defaults(dialect));
        assertThat(diff.changes()).extracting(SchemaChange::kind).containsExactly("add_table", "add_index",
                "add_table", "add_table", "add_table", "add_sequence");
        execute(connection, dialect, diff.upgrade());
        assertThat(tables(connection)).containsAll(TABLES);
        execute(connection, dialect, diff.downgrade());
        assertThat(tables(connection)).doesNotContainAnyElementsOf(TABLES);
    }

    private static void execute(Connection connection, Dialect dialect, List<Operation> operations) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (Operation op : operations) {
                for (String sql : dialect.operations().render(op)) {
                    st.execute(sql);
                }
            }
        }
    }

    /** The tables of the connection's current schema, lower case. */
    private static List<String> tables(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        List<String> names = new ArrayList<>();
        try (ResultSet rs = meta.getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }
}
