package io.samokoder.migrations.dialect.postgresql;

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
import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The PostgreSQL catalog read back: what the operations API writes reads back equal. */
@ExtendWith(PostgresDatabaseExtension.class)
class PostgresSchemaReaderTest {

    private static final TableFilter ALL = TableFilter.excluding(List.of());

    static Schema model() {
        SchemaTable users = new SchemaTable("users", List.of(
                Column.of("id", Type.BIGINT).notNull().autoincrement(),
                Column.of("external_id", Type.UUID).notNull(),
                Column.of("email", Type.string(255)).notNull().serverDefault("'it''s'"),
                Column.of("nick", Type.string()),
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
                Column.of("seen", Type.TIMESTAMPTZ).serverDefault("now()"),
                Column.of("prefs", Type.JSON),
                Column.of("doc", Type.JSONB),
                Column.of("avatar", Type.BYTES),
                Column.of("status", Type.enumOf("user_status", "active", "it's closed")).serverDefault("'active'"),
                Column.of("ip", Type.sql("inet"))),
                new PrimaryKey("pk_users", List.of("id")),
                List.of(new Unique("uq_users_email", List.of("email")),
                        new Unique("uq_users_nick_born", List.of("nick", "born"))),
                List.of(Index.on("users", "score").named("ix_users_score"),
                        Index.onExpressions("users", "lower(email::text)").named("ix_users_lower_email").unique(),
                        Index.on("users", "born", "score").named("ix_users_born_active").where("active"),
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
    void whatTheOperationsWriteReadsBackEqual(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            schema(c, "round_trip");
            SchemaWriter.create(c, PostgresDialect.INSTANCE, model());
            Schema read = PostgresDialect.INSTANCE.schemaReader().read(c, ALL);
            assertThat(read).isEqualTo(SchemaWriter.sorted(model()));
            assertThat(SchemaComparator.compare(model(), read, CompareOptions.defaults(PostgresDialect.INSTANCE)).changes())
                    .isEmpty();
        }
    }

    @Test
    void filterLeavesOutEngineTablesAndExcludedPatterns(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            schema(c, "filtered");
            exec(c, "CREATE TABLE samokoder_version (version_num varchar(32) PRIMARY KEY)",
                    "CREATE TABLE tmp_one (id integer)", "CREATE TABLE \"TMP_Two\" (id integer)",
                    "CREATE TABLE kept (id integer)", "CREATE SEQUENCE tmp_seq");
            Schema read = PostgresDialect.INSTANCE.schemaReader().read(c,
                    TableFilter.excluding(List.of("samokoder_version")).andExcluding(List.of("tmp_*")));
            assertThat(read.tables()).extracting(SchemaTable::name).containsExactly("kept");
            assertThat(read.sequences()).isEmpty();
        }
    }

    @Test
    void onlyTheCurrentSchemaIsRead(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            schema(c, "elsewhere");
            exec(c, "CREATE TABLE hidden (id integer)", "CREATE SEQUENCE hidden_seq");
            schema(c, "here");
            exec(c, "CREATE TABLE shown (id integer)");
            Schema read = PostgresDialect.INSTANCE.schemaReader().read(c, ALL);
            assertThat(read.tables()).extracting(SchemaTable::name).containsExactly("shown");
            assertThat(read.sequences()).isEmpty();
        }
    }

    @Test
    void serialAndIdentityColumnsAreAutoincrementWithoutTheirSequences(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            schema(c, "generated");
            exec(c, "CREATE TABLE legacy (id serial PRIMARY KEY, big bigserial, ident integer GENERATED ALWAYS AS"
                    + " IDENTITY, code varchar(10) DEFAULT 'x'::character varying, at timestamp(3) with time zone,"
                    + " twice integer GENERATED ALWAYS AS (ident * 2) STORED)",
                    "CREATE TABLE child (legacy_id integer REFERENCES legacy (id) ON DELETE RESTRICT"
                    + " ON UPDATE NO ACTION)");
            Schema read = PostgresDialect.INSTANCE.schemaReader().read(c, ALL);
            SchemaTable legacy = read.table("legacy").orElseThrow();
            assertThat(legacy.columns()).containsExactly(
                    Column.of("id", Type.INTEGER).notNull().autoincrement(),
                    Column.of("big", Type.BIGINT).notNull().autoincrement(),
                    Column.of("ident", Type.INTEGER).notNull().autoincrement(),
                    Column.of("code", Type.string(10)).serverDefault("'x'"),
                    Column.of("at", Type.TIMESTAMPTZ),
                    Column.of("twice", Type.INTEGER));
            assertThat(read.sequences()).isEmpty();
            assertThat(read.table("child").orElseThrow().foreignKeys())
                    .containsExactly(new ForeignKey("child_legacy_id_fkey", List.of("legacy_id"), "legacy",
                            List.of("id"), null, null, false));
        }
    }

    @Test
    void literalDefaultsLoseTheirCastsAndExpressionsStay() {
        assertThat(PostgresSchemaReader.serverDefault("'x'::character varying")).isEqualTo("'x'");
        assertThat(PostgresSchemaReader.serverDefault("'it''s'::text")).isEqualTo("'it''s'");
        assertThat(PostgresSchemaReader.serverDefault("'-1'::integer")).isEqualTo("-1");
        assertThat(PostgresSchemaReader.serverDefault("'active'::user_status")).isEqualTo("'active'");
        assertThat(PostgresSchemaReader.serverDefault("'2024-01-01'::date")).isEqualTo("'2024-01-01'");
        assertThat(PostgresSchemaReader.serverDefault("now()")).isEqualTo("now()");
        assertThat(PostgresSchemaReader.serverDefault("true")).isEqualTo("TRUE");
        assertThat(PostgresSchemaReader.serverDefault("('a'::text || 'b'::text)"))
                .isEqualTo("('a'::text || 'b'::text)");
    }

    private static void schema(Connection c, String name) throws Exception {
        exec(c, "CREATE SCHEMA " + name, "SET search_path TO " + name);
    }

    private static void exec(Connection c, String... statements) throws Exception {
        try (Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }
}
