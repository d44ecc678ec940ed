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
import io.samokoder.migrations.testsupport.TableComments;
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

    /**
     * Authors, books referring to them, and two tables referring to each other; and a sequence. Its constraints
     * are named as the database reads them back, so it also stands for the database after its creation.
     */
    static Schema model() {
        return new Schema(List.of(
                keyed("books", Column.of("title", Type.string(200)).notNull().comment("as printed"),
                        Column.of("author_id", Type.BIGINT).notNull(),
                        Column.of("price", Type.numeric(10, 2)).serverDefault("0"))
                        .index(Index.on("books", "title").named("ix_books_title"))
                        .foreignKey(ForeignKey.from("author_id").references("authors", "id")
                                .onDelete(ReferentialAction.CASCADE).named("fk_books_author_id_authors"))
                        .comment("what we sell").build(),
                keyed("authors", Column.of("email", Type.string(255)).notNull(),
                        Column.of("joined", Type.TIMESTAMP).serverDefault("CURRENT_TIMESTAMP"))
                        .unique(Unique.of("email").named("uq_authors_email")).build(),
                keyed("shelves", Column.of("first_slot", Type.BIGINT))
                        .foreignKey(ForeignKey.from("first_slot").references("slots", "id")).build(),
                keyed("slots", Column.of("shelf_id", Type.BIGINT).notNull())
                        .foreignKey(ForeignKey.from("shelf_id").references("shelves", "id")).build()),
                List.of(new SchemaSequence("book_seq", 1, 50)));
    }

    /**
     * The model changed: a column longer and nullable, two added (one of a new enum type) and one removed, keys
     * and a column comment changed, a table comment changed and one added.
     */
    static Schema changed() {
        return new Schema(List.of(
                keyed("books", Column.of("title", Type.string(300)).comment("as printed"),
                        Column.of("author_id", Type.BIGINT).notNull(),
                        Column.of("isbn", Type.string(13)),
                        Column.of("mood", Type.enumOf("book_mood", "calm", "busy")))
                        .index(Index.on("books", "isbn").named("ix_books_isbn"))
                        .foreignKey(ForeignKey.from("author_id").references("authors", "id"))
                        .comment("what we lend").build(),
                keyed("authors", Column.of("email", Type.string(255)).notNull(),
                        Column.of("joined", Type.TIMESTAMP).serverDefault("CURRENT_TIMESTAMP").comment("first visit"))
                        .unique(Unique.of("email", "joined")).comment("who wrote them").build(),
                keyed("shelves", Column.of("first_slot", Type.BIGINT))
                        .foreignKey(ForeignKey.from("first_slot").references("slots", "id")).build(),
                keyed("slots", Column.of("shelf_id", Type.BIGINT).notNull())
                        .foreignKey(ForeignKey.from("shelf_id").references("shelves", "id")).build()),
                List.of(new SchemaSequence("book_seq", 1, 50)));
    }

    /**
     * Creates the model, applies the diff to the changed model and checks the changed columns, then the
     * diff's downgrade, checking them back, and drops everything.
     */
    static void runChanges(Connection connection, Dialect dialect) throws SQLException {
        SchemaDiff create = SchemaComparator.compare(model(), Schema.EMPTY, CompareOptions.defaults(dialect));
        execute(connection, dialect, create.upgrade());
        SchemaDiff diff = SchemaComparator.compare(changed(), model(), CompareOptions.defaults(dialect));
        assertThat(diff.checkText()).isEqualTo("New upgrade operations detected: [('add_column', 'books', 'isbn'),"
                + " ('add_column', 'books', 'mood'),"
                + " ('modify_type', 'books', 'title', '" + typeSql(dialect, Type.string(200)) + "', '"
                + typeSql(dialect, Type.string(300)) + "'), ('modify_nullable', 'books', 'title', False, True),"
                + " ('remove_column', 'books', 'price'), ('add_index', 'ix_books_isbn'),"
                + " ('remove_index', 'ix_books_title'), ('add_fk', 'books', 'fk_books_author_id_authors', ['author_id'], 'authors',"
                + " ['id']), ('remove_fk', 'books', 'fk_books_author_id_authors', ['author_id'], 'authors', ['id']),"
                + " ('add_table_comment', 'books', 'what we sell'),"
                + " ('modify_comment', 'authors', 'joined', None, 'first visit'), ('add_constraint',"
                + " 'uq_authors_email_joined'), ('remove_constraint', 'uq_authors_email'),"
                + " ('add_table_comment', 'authors', None)]");
        execute(connection, dialect, diff.upgrade());
        assertThat(column(connection, "books", "title")).isEqualTo("300 nullable");
        assertThat(column(connection, "books", "isbn")).isEqualTo("13 nullable");
        assertThat(column(connection, "books", "mood")).isNotEmpty();
        assertThat(column(connection, "books", "price")).isEmpty();
        assertThat(TableComments.of(connection, "books")).isEqualTo("what we lend");
        assertThat(TableComments.of(connection, "authors")).isEqualTo("who wrote them");
        execute(connection, dialect, diff.downgrade());
        assertThat(TableComments.of(connection, "books")).isEqualTo("what we sell");
        assertThat(TableComments.of(connection, "authors")).isNull();
        assertThat(column(connection, "books", "title")).isEqualTo("200 not null");
        assertThat(column(connection, "books", "isbn")).isEmpty();
        assertThat(column(connection, "books", "mood")).isEmpty();
        assertThat(column(connection, "books", "price")).isNotEmpty();
        execute(connection, dialect, create.downgrade());
        assertThat(tables(connection)).doesNotContainAnyElementsOf(TABLES);
    }

    private static String typeSql(Dialect dialect, Type type) {
        return CompareOptions.defaults(dialect).typeSql().apply(type);
    }

    /** The column's size and nullability from JDBC metadata, or empty when it is not there. */
    private static String column(Connection connection, String table, String column) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rs = meta.getColumns(connection.getCatalog(), connection.getSchema(), "%", "%")) {
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").equalsIgnoreCase(table)
                        && rs.getString("COLUMN_NAME").equalsIgnoreCase(column)) {
                    return rs.getInt("COLUMN_SIZE") + (rs.getInt("NULLABLE") == DatabaseMetaData.columnNullable
                            ? " nullable" : " not null");
                }
            }
        }
        return "";
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

    static void execute(Connection connection, Dialect dialect, List<Operation> operations) throws SQLException {
        // As one revision: an enum type is created once.
        java.util.Set<String> enumTypesCreated = new java.util.HashSet<>();
        try (Statement st = connection.createStatement()) {
            for (Operation op : operations) {
                List<String> statements = new ArrayList<>();
                dialect.operations().renderInto(op, statements, enumTypesCreated);
                for (String sql : statements) {
                    st.execute(sql);
                }
            }
        }
    }

    /** The tables of the connection's current schema, lower case. */
    static List<String> tables(Connection connection) throws SQLException {
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
