package io.samokoder.migrations.dialect.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.dialect.SchemaWriter;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.ForeignKey;
import io.samokoder.migrations.ops.Index;
import io.samokoder.migrations.ops.IndexElement;
import io.samokoder.migrations.ops.PrimaryKey;
import io.samokoder.migrations.ops.ReferentialAction;
import io.samokoder.migrations.ops.Type;
import io.samokoder.migrations.ops.TypeKind;
import io.samokoder.migrations.ops.Unique;
import io.samokoder.migrations.schema.CompareOptions;
import io.samokoder.migrations.schema.Schema;
import io.samokoder.migrations.schema.SchemaComparator;
import io.samokoder.migrations.schema.SchemaSequence;
import io.samokoder.migrations.schema.SchemaTable;
import io.samokoder.migrations.schema.TableFilter;
import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestMariaDb;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The MariaDB catalog read back: what the operations API writes reads back equal. */
class MariaDbSchemaReaderTest {

    private static final TableFilter ALL = TableFilter.excluding(List.of());

    static Schema model() {
        SchemaTable users = new SchemaTable("users", List.of(
                Column.of("id", Type.BIGINT).notNull().autoincrement(),
                Column.of("external_id", Type.UUID).notNull(),
                Column.of("email", Type.string(255)).notNull().serverDefault("'it''s a \\\\ test'"),
                Column.of("nick", Type.string(50)),
                Column.of("bio", Type.TEXT).comment("about the user"),
                Column.of("rank", Type.SMALLINT).serverDefault("-1"),
                Column.of("score", Type.INTEGER).serverDefault("0"),
                Column.of("active", Type.BOOLEAN).notNull().serverDefault("TRUE"),
                Column.of("balance", Type.numeric(10, 2)).serverDefault("1.50"),
                Column.of("ratio", Type.FLOAT),
                Column.of("weight", Type.DOUBLE),
                Column.of("born", Type.DATE),
                Column.of("wakes", Type.TIME),
                Column.of("created", Type.TIMESTAMP).serverDefault("CURRENT_TIMESTAMP(6)"),
                Column.of("seen", Type.TIMESTAMPTZ),
                Column.of("prefs", Type.JSON),
                Column.of("avatar", Type.BYTES),
                Column.of("status", Type.enumOf("status", "active", "it's closed")).serverDefault("'active'"),
                Column.of("note", Type.sql("tinytext"))),
                new PrimaryKey("PRIMARY", List.of("id")),
                List.of(new Unique("uq_users_email", List.of("email")),
                        new Unique("uq_users_nick_born", List.of("nick", "born"))),
                List.of(Index.on("users", "score").named("ix_users_score"),
                        Index.on("users", "born", "score").named("ix_users_born_score")),
                List.of(), "people who sign in");
        SchemaTable orders = new SchemaTable("Order Lines", List.of(
                Column.of("id", Type.INTEGER).notNull(),
                Column.of("user_id", Type.BIGINT),
                Column.of("Qty", Type.INTEGER).notNull(),
                Column.of("select", Type.string(20)),
                Column.of("parent", Type.INTEGER)),
                new PrimaryKey("PRIMARY", List.of("id")),
                List.of(),
                List.of(new Index("ix_order_lines_Qty", "Order Lines", List.of(new IndexElement("Qty", false),
                        new IndexElement("select", false)), false, null, false)),
                List.of(ForeignKey.from("user_id").references("users", "id").named("fk_order_lines_user")
                                .onDelete(ReferentialAction.CASCADE).onUpdate(ReferentialAction.SET_NULL),
                        ForeignKey.from("parent").references("Order Lines", "id").named("fk_order_lines_parent")),
                null);
        return new Schema(List.of(users, orders), List.of(new SchemaSequence("order_number_seq", 100, 5)));
    }

    @Test
    void whatTheOperationsWriteReadsBackEqual() throws Exception {
        try (TestDatabase db = TestMariaDb.createDatabase("readers"); Connection c = db.connect()) {
            SchemaWriter.create(c, MariaDbDialect.INSTANCE, model());
            Schema read = MariaDbDialect.INSTANCE.schemaReader().read(c, ALL);
            assertThat(read).isEqualTo(SchemaWriter.sorted(model()));
            assertThat(SchemaComparator.compare(model(), read, CompareOptions.defaults(MariaDbDialect.INSTANCE)).changes())
                    .isEmpty();
        }
    }

    @Test
    void namesMariaDbDoesNotKeepDoNotMakeADifference() throws Exception {
        SchemaTable users = model().table("users").orElseThrow();
        List<Column> columns = users.columns().stream().map(col -> col.type().kind() == TypeKind.ENUM
                ? new Column(col.name(), Type.enumOf("user_status", "active", "it's closed"), col.nullable(), false,
                        false, false, col.serverDefault(), col.comment()) : col).toList();
        Schema named = new Schema(List.of(new SchemaTable("users", columns, new PrimaryKey("pk_users", List.of("id")),
                users.uniques(), users.indexes(), List.of(), users.comment())), List.of());
        try (TestDatabase db = TestMariaDb.createDatabase("readers"); Connection c = db.connect()) {
            SchemaWriter.create(c, MariaDbDialect.INSTANCE, named);
            Schema read = MariaDbDialect.INSTANCE.schemaReader().read(c, ALL);
            assertThat(read.table("users").orElseThrow().primaryKey().name()).isEqualTo("PRIMARY");
            assertThat(SchemaComparator.compare(named, read, CompareOptions.defaults(MariaDbDialect.INSTANCE))
                    .changes()).isEmpty();
        }
    }

    @Test
    void filterLeavesOutEngineTablesAndExcludedPatterns() throws Exception {
        try (TestDatabase db = TestMariaDb.createDatabase("readers"); Connection c = db.connect()) {
            exec(c, "CREATE TABLE samokoder_version (version_num varchar(32) PRIMARY KEY)",
                    "CREATE TABLE tmp_one (id integer)", "CREATE TABLE `TMP_Two` (id integer)",
                    "CREATE TABLE kept (id integer)", "CREATE SEQUENCE tmp_seq");
            Schema read = MariaDbDialect.INSTANCE.schemaReader().read(c,
                    TableFilter.excluding(List.of("samokoder_version")).andExcluding(List.of("tmp_*")));
            assertThat(read.tables()).extracting(SchemaTable::name).containsExactly("kept");
            assertThat(read.sequences()).isEmpty();
        }
    }

    @Test
    void onlyTheCurrentDatabaseIsRead() throws Exception {
        try (TestDatabase other = TestMariaDb.createDatabase("elsewhere"); Connection o = other.connect();
                TestDatabase db = TestMariaDb.createDatabase("readers"); Connection c = db.connect()) {
            exec(o, "CREATE TABLE hidden (id integer)", "CREATE SEQUENCE hidden_seq");
            exec(c, "CREATE TABLE shown (id integer)");
            Schema read = MariaDbDialect.INSTANCE.schemaReader().read(c, ALL);
            assertThat(read.tables()).extracting(SchemaTable::name).containsExactly("shown");
            assertThat(read.sequences()).isEmpty();
        }
    }

    @Test
    void restrictReadsAsTheDefaultAndOwnIndexesStay() throws Exception {
        try (TestDatabase db = TestMariaDb.createDatabase("readers"); Connection c = db.connect()) {
            exec(c, "CREATE TABLE parent (id int PRIMARY KEY, at datetime DEFAULT current_timestamp(),"
                    + " flag tinyint(1) DEFAULT 0, n int(10) unsigned, active bit(1) DEFAULT b'1')",
                    "CREATE TABLE child (parent_id int, INDEX ix_child_parent (parent_id),"
                    + " CONSTRAINT fk_child FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE RESTRICT)");
            Schema read = MariaDbDialect.INSTANCE.schemaReader().read(c, ALL);
            assertThat(read.table("parent").orElseThrow().columns()).containsExactly(
                    Column.of("id", Type.INTEGER).notNull(),
                    Column.of("at", Type.TIMESTAMP).serverDefault("CURRENT_TIMESTAMP"),
                    Column.of("flag", Type.BOOLEAN).serverDefault("FALSE"),
                    Column.of("n", Type.sql("int(10) unsigned")),
                    Column.of("active", Type.BOOLEAN).serverDefault("TRUE"));
            SchemaTable child = read.table("child").orElseThrow();
            assertThat(child.foreignKeys()).containsExactly(new ForeignKey("fk_child", List.of("parent_id"), "parent",
                    List.of("id"), null, null, false));
            assertThat(child.indexes()).containsExactly(Index.on("child", "parent_id").named("ix_child_parent"));
        }
    }

    @Test
    void mysqlDefaultsAreQuotedAsTheRendererWritesThem() {
        MariaDbSchemaReader mysql = MariaDbSchemaReader.MYSQL;
        assertThat(mysql.serverDefault(Type.string(10), "it's", false)).isEqualTo("'it''s'");
        assertThat(mysql.serverDefault(Type.INTEGER, "0", false)).isEqualTo("0");
        assertThat(mysql.serverDefault(Type.TIMESTAMP, "CURRENT_TIMESTAMP", true)).isEqualTo("CURRENT_TIMESTAMP");
        assertThat(mysql.serverDefault(Type.BOOLEAN, "1", false)).isEqualTo("TRUE");
        assertThat(mysql.serverDefault(Type.string(10), null, false)).isNull();
    }

    private static void exec(Connection c, String... statements) throws Exception {
        try (Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }
}
