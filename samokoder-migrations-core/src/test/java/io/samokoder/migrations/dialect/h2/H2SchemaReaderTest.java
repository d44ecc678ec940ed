package io.samokoder.migrations.dialect.h2;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.dialect.SchemaWriter;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.ForeignKey;
import io.samokoder.migrations.ops.Index;
import io.samokoder.migrations.ops.IndexElement;
import io.samokoder.migrations.ops.PrimaryKey;
import io.samokoder.migrations.ops.ReferentialAction;
import io.samokoder.migrations.ops.Type;
import io.samokoder.migrations.ops.Unique;
import io.samokoder.migrations.schema.CompareOptions;
import io.samokoder.migrations.schema.Schema;
import io.samokoder.migrations.schema.SchemaComparator;
import io.samokoder.migrations.schema.SchemaSequence;
import io.samokoder.migrations.schema.SchemaTable;
import io.samokoder.migrations.schema.TableFilter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The H2 catalog read back: what the operations API writes reads back equal, upper-case names in lower case. */
class H2SchemaReaderTest {

    private static final TableFilter ALL = TableFilter.excluding(List.of());

    static Schema model() {
        SchemaTable users = new SchemaTable("users", List.of(
                Column.of("id", Type.BIGINT).notNull().autoincrement(),
                Column.of("external_id", Type.UUID).notNull(),
                Column.of("email", Type.string(255)).notNull().serverDefault("'it''s'"),
                Column.of("nick", Type.string(50)).comment("shown"),
                Column.of("bio", Type.TEXT).comment("about the user"),
                Column.of("rank", Type.SMALLINT).serverDefault("-1"),
                Column.of("score", Type.INTEGER).serverDefault("0"),
                Column.of("active", Type.BOOLEAN).notNull().serverDefault("TRUE"),
                Column.of("balance", Type.numeric(10, 2)).serverDefault("1.50"),
                Column.of("ratio", Type.FLOAT),
                Column.of("weight", Type.DOUBLE),
                Column.of("born", Type.DATE),
                Column.of("wakes", Type.TIME),
                Column.of("created", Type.TIMESTAMP).serverDefault("CURRENT_TIMESTAMP"),
                Column.of("seen", Type.TIMESTAMPTZ),
                Column.of("prefs", Type.JSON),
                Column.of("avatar", Type.BYTES),
                Column.of("status", Type.enumOf("status", "active", "it's closed")).serverDefault("'active'"),
                Column.of("note", Type.sql("CHARACTER(10)"))),
                new PrimaryKey("pk_users", List.of("id")),
                List.of(new Unique("uq_users_email", List.of("email")),
                        new Unique("uq_users_nick_born", List.of("nick", "born"))),
                List.of(Index.on("users", "score").named("ix_users_score"),
                        Index.on("users", "born", "score").named("ix_users_born_score"),
                        Index.on("users", "rank").named("ix_users_rank").unique()),
                List.of(), "people who sign in");
        SchemaTable orders = new SchemaTable("Order Lines", List.of(
                Column.of("id", Type.INTEGER).notNull(),
                Column.of("user_id", Type.BIGINT),
                Column.of("Qty", Type.INTEGER).notNull(),
                Column.of("select", Type.string(20)),
                Column.of("parent", Type.INTEGER)),
                new PrimaryKey("Order Lines_pkey", List.of("id")),
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
        try (Connection c = memory()) {
            SchemaWriter.create(c, H2Dialect.INSTANCE, model());
            Schema read = H2Dialect.INSTANCE.schemaReader().read(c, ALL);
            assertThat(read).isEqualTo(SchemaWriter.sorted(model()));
            assertThat(SchemaComparator.compare(model(), read, CompareOptions.defaults(H2Dialect.INSTANCE)).changes())
                    .isEmpty();
        }
    }

    @Test
    void filterLeavesOutEngineTablesAndExcludedPatterns() throws Exception {
        try (Connection c = memory()) {
            exec(c, "CREATE TABLE samokoder_version (version_num varchar(32) PRIMARY KEY)",
                    "CREATE TABLE tmp_one (id integer)", "CREATE TABLE \"TMP_Two\" (id integer)",
                    "CREATE TABLE kept (id integer)", "CREATE SEQUENCE tmp_seq");
            Schema read = H2Dialect.INSTANCE.schemaReader().read(c,
                    TableFilter.excluding(List.of("samokoder_version")).andExcluding(List.of("tmp_*")));
            assertThat(read.tables()).extracting(SchemaTable::name).containsExactly("kept");
            assertThat(read.sequences()).isEmpty();
        }
    }

    @Test
    void onlyTheCurrentSchemaIsRead() throws Exception {
        try (Connection c = memory()) {
            exec(c, "CREATE SCHEMA elsewhere", "CREATE TABLE elsewhere.hidden (id integer)",
                    "CREATE SEQUENCE elsewhere.hidden_seq", "CREATE TABLE shown (id integer)");
            Schema read = H2Dialect.INSTANCE.schemaReader().read(c, ALL);
            assertThat(read.tables()).extracting(SchemaTable::name).containsExactly("shown");
            assertThat(read.sequences()).isEmpty();
        }
    }

    @Test
    void identityColumnsAreAutoincrementAndRestrictReadsAsTheDefault() throws Exception {
        try (Connection c = memory()) {
            exec(c, "CREATE TABLE parent (id INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY, \"Mixed\" VARCHAR(5))",
                    "CREATE TABLE child (parent_id INTEGER, CONSTRAINT fk_child FOREIGN KEY (parent_id)"
                    + " REFERENCES parent (id) ON DELETE RESTRICT)");
            Schema read = H2Dialect.INSTANCE.schemaReader().read(c, ALL);
            assertThat(read.table("parent").orElseThrow().columns()).containsExactly(
                    Column.of("id", Type.INTEGER).notNull().autoincrement(), Column.of("Mixed", Type.string(5)));
            assertThat(read.sequences()).isEmpty();
            SchemaTable child = read.table("child").orElseThrow();
            assertThat(child.foreignKeys()).containsExactly(new ForeignKey("fk_child", List.of("parent_id"), "parent",
                    List.of("id"), null, null, false));
            assertThat(child.indexes()).isEmpty();
        }
    }

    @Test
    void upperCaseNamesFoldToLowerCase() {
        assertThat(H2SchemaReader.fold("USERS")).isEqualTo("users");
        assertThat(H2SchemaReader.fold("Order Lines")).isEqualTo("Order Lines");
        assertThat(H2SchemaReader.fold("_1")).isEqualTo("_1");
    }

    private static Connection memory() throws Exception {
        return DriverManager.getConnection("jdbc:h2:mem:readers_" + UUID.randomUUID());
    }

    private static void exec(Connection c, String... statements) throws Exception {
        try (Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }
}
