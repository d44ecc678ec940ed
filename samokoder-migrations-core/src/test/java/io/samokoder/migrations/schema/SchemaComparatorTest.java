package io.samokoder.migrations.schema;

import static io.samokoder.migrations.schema.Tables.keyed;
import static io.samokoder.migrations.schema.Tables.schema;
import static io.samokoder.migrations.schema.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.dialect.mariadb.MariaDbDialect;
import io.samokoder.migrations.dialect.postgresql.PostgresDialect;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.Operation;
import io.samokoder.migrations.ops.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tables, columns, comments and sequences as the comparator detects them: messages, tuples and operations. */
class SchemaComparatorTest {

    private static final CompareOptions PG = CompareOptions.defaults(PostgresDialect.INSTANCE);

    private static final Column EMAIL = Column.of("email", Type.string(255)).notNull();

    private static SchemaDiff diff(Schema model, Schema database) {
        return SchemaComparator.compare(model, database, PG);
    }

    private static List<String> messages(SchemaDiff diff) {
        return diff.changes().stream().map(SchemaChange::message).toList();
    }

    @Test
    void equalSchemasDifferInNothing() {
        Schema s = schema(keyed("users", EMAIL, Column.of("status", Type.string(10)).serverDefault("'new'")
                .comment("state")).comment("people"));
        SchemaDiff diff = diff(s, s);
        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.upgrade()).isEmpty();
        assertThat(diff.downgrade()).isEmpty();
        assertThat(diff.notes()).isEmpty();
        assertThat(diff.checkText()).isEqualTo("No new upgrade operations detected.");
    }

    @Test
    void addedTable() {
        SchemaDiff diff = diff(schema(keyed("users", EMAIL).comment("people")), Schema.EMPTY);
        assertThat(messages(diff)).containsExactly("Detected added table 'users'");
        assertThat(diff.checkText()).isEqualTo("New upgrade operations detected: [('add_table', 'users')]");
        Operation.CreateTable create = (Operation.CreateTable) diff.upgrade().get(0);
        assertThat(create.columns()).extracting(Column::name).containsExactly("id", "email");
        assertThat(create.constraints()).extracting(c -> c.name()).containsExactly("pk_users");
        assertThat(create.comment()).isEqualTo("people");
        assertThat(diff.downgrade()).containsExactly(new Operation.DropTable("users"));
    }

    @Test
    void unmappedTablesAreLeftAloneWithANote() {
        SchemaDiff diff = diff(Schema.EMPTY, schema(keyed("legacy", EMAIL)));
        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.notes()).containsExactly("Table 'legacy' is in the database but in no entity: left alone. Map it"
                + " to an entity to compare it, exclude it to silence this note, or turn on dropping of unmapped"
                + " tables (dropUnmappedTables) to drop it.");
    }

    @Test
    void unmappedTablesAreDroppedWhenAskedAndRecreatedOnDowngrade() {
        SchemaTable legacy = keyed("legacy", EMAIL).comment("old").build();
        SchemaDiff diff = SchemaComparator.compare(Schema.EMPTY, new Schema(List.of(legacy), List.of()),
                PG.withDropUnmappedTables(true));
        assertThat(messages(diff)).containsExactly("Detected removed table 'legacy'");
        assertThat(diff.checkText()).isEqualTo("New upgrade operations detected: [('remove_table', 'legacy')]");
        assertThat(diff.upgrade()).containsExactly(new Operation.DropTable("legacy"));
        assertThat(diff.downgrade()).containsExactly(new Operation.CreateTable("legacy", legacy.columns(),
                List.of(legacy.primaryKey()), "old"));
        assertThat(diff.notes()).isEmpty();
    }

    @Test
    void aRemovedAndAnAddedTableGetARenameNote() {
        SchemaDiff diff = SchemaComparator.compare(schema(keyed("people", EMAIL)), schema(keyed("users", EMAIL)),
                PG.withDropUnmappedTables(true));
        assertThat(messages(diff)).containsExactly("Detected added table 'people'", "Detected removed table 'users'");
        assertThat(diff.notes()).containsExactly("Table 'users' removed and 'people' added. A renamed table is seen as"
                + " a drop and a create, which loses its rows; if it is a rename, write op.renameTable(\"users\","
                + " \"people\") instead of the drop and the create.");
    }

    @Test
    void addedAndRemovedColumnsWithARenameNote() {
        Column address = Column.of("address", Type.TEXT);
        SchemaDiff diff = diff(schema(keyed("users", address)), schema(keyed("users", EMAIL)));
        assertThat(messages(diff)).containsExactly("Detected added column 'users.address'",
                "Detected removed column 'users.email'");
        assertThat(diff.checkText()).isEqualTo("New upgrade operations detected: [('add_column', 'users', 'address'),"
                + " ('remove_column', 'users', 'email')]");
        assertThat(diff.upgrade()).containsExactly(new Operation.AddColumn("users", address),
                new Operation.DropColumn("users", "email"));
        assertThat(diff.downgrade()).containsExactly(new Operation.AddColumn("users", EMAIL),
                new Operation.DropColumn("users", "address"));
        assertThat(diff.notes()).containsExactly("Table 'users': column 'email' removed and 'address' added. A renamed"
                + " column is seen as a drop and an add, which loses its data; if it is a rename, write"
                + " op.alterColumn(\"users\", \"email\", c -> c.rename(\"address\")) instead of the drop and the add.");
    }

    @Test
    void typeChange() {
        SchemaDiff diff = diff(schema(keyed("users", Column.of("email", Type.string(320)).notNull())),
                schema(keyed("users", EMAIL)));
        assertThat(messages(diff)).containsExactly("Detected type change from VARCHAR(255) to VARCHAR(320) on 'users.email'");
        assertThat(diff.checkText()).isEqualTo("New upgrade operations detected: [('modify_type', 'users', 'email',"
                + " 'VARCHAR(255)', 'VARCHAR(320)')]");
        assertThat(diff.upgrade()).containsExactly(new Operation.AlterColumn("users", "email", Type.string(320), null,
                null, null, false, null, null, false, Type.string(255), false, null, null));
        assertThat(diff.downgrade()).containsExactly(new Operation.AlterColumn("users", "email", Type.string(255), null,
                null, null, false, null, null, false, Type.string(320), false, null, null));
    }

    @Test
    void equivalentTypesAreNotChanges() {
        Schema model = schema(keyed("t", Column.of("a", Type.string(20)), Column.of("b", Type.numeric(10, 2)),
                Column.of("c", Type.sql("inet"))));
        Schema database = schema(keyed("t", Column.of("a", Type.sql("varchar( 20 )")),
                Column.of("b", Type.sql("NUMERIC(10,2)")), Column.of("c", Type.sql("INET"))));
        assertThat(diff(model, database).isEmpty()).isTrue();
        Schema portable = schema(keyed("t", Column.of("a", Type.INTEGER), Column.of("b", Type.BIGINT),
                Column.of("c", Type.BOOLEAN), Column.of("d", Type.string(9)), Column.of("e", Type.TIMESTAMP),
                Column.of("f", Type.DOUBLE), Column.of("g", Type.numeric(5, 1)), Column.of("h", Type.SMALLINT)));
        Schema spelledOtherwise = schema(keyed("t", Column.of("a", Type.sql("int4")), Column.of("b", Type.sql("int8")),
                Column.of("c", Type.sql("bool")), Column.of("d", Type.sql("character varying(9)")),
                Column.of("e", Type.sql("timestamp without time zone")), Column.of("f", Type.sql("float8")),
                Column.of("g", Type.sql("decimal(5,1)")), Column.of("h", Type.sql("int2"))));
        assertThat(diff(portable, spelledOtherwise).isEmpty()).isTrue();
        Schema mariaDbSpelling = schema(keyed("t", Column.of("a", Type.sql("int(11)")), Column.of("b",
                Type.sql("bigint(20)")), Column.of("c", Type.sql("tinyint(1)")), Column.of("d", Type.sql("varchar(9)")),
                Column.of("e", Type.sql("datetime(6)")), Column.of("f", Type.sql("double")),
                Column.of("g", Type.sql("decimal(5,1)")), Column.of("h", Type.sql("smallint(6)"))));
        assertThat(SchemaComparator.compare(portable, mariaDbSpelling, CompareOptions.defaults(MariaDbDialect.INSTANCE))
                .isEmpty()).isTrue();
        assertThat(diff(schema(keyed("t", Column.of("a", Type.sql("inet")))),
                schema(keyed("t", Column.of("a", Type.sql("cidr"))))).changes()).extracting(SchemaChange::kind)
                .containsExactly("modify_type");
    }

    @Test
    void nullableChanges() {
        SchemaDiff diff = diff(schema(keyed("users", Column.of("email", Type.string(255)), Column.of("age",
                Type.INTEGER).notNull())), schema(keyed("users", EMAIL, Column.of("age", Type.INTEGER))));
        assertThat(messages(diff)).containsExactly("Detected NULL on column 'users.email'",
                "Detected NOT NULL on column 'users.age'");
        assertThat(diff.checkText()).isEqualTo("New upgrade operations detected: [('modify_nullable', 'users', 'email',"
                + " False, True), ('modify_nullable', 'users', 'age', True, False)]");
        assertThat(diff.upgrade().get(0)).isEqualTo(new Operation.AlterColumn("users", "email", null, null, true, null,
                false, null, null, false, Type.string(255), false, null, null));
    }

    @Test
    void serverDefaultChanges() {
        SchemaDiff diff = diff(schema(keyed("t", Column.of("a", Type.TEXT).serverDefault("'x'"),
                Column.of("b", Type.TEXT), Column.of("c", Type.TEXT).serverDefault("'it''s'"))),
                schema(keyed("t", Column.of("a", Type.TEXT), Column.of("b", Type.TEXT).serverDefault("'y'"),
                        Column.of("c", Type.TEXT).serverDefault("'z'"))));
        assertThat(messages(diff)).containsExactly("Detected server default on column 't.a'",
                "Detected removed server default on column 't.b'", "Detected server default on column 't.c'");
        assertThat(diff.checkText()).isEqualTo("New upgrade operations detected: [('modify_default', 't', 'a', None,"
                + " \"'x'\"), ('modify_default', 't', 'b', \"'y'\", None), ('modify_default', 't', 'c', \"'z'\","
                + " \"'it''s'\")]");
        assertThat(diff.upgrade().get(1)).isEqualTo(new Operation.AlterColumn("t", "b", null, null, null, null, true,
                null, null, false, Type.TEXT, true, "'y'", null));
        assertThat(diff.downgrade().get(1)).isEqualTo(new Operation.AlterColumn("t", "b", null, null, null, "'y'",
                false, null, null, false, Type.TEXT, true, null, null));
    }

    @Test
    void formattingOnlyDefaultDifferencesAreNotChanges() {
        Schema model = schema(keyed("t", Column.of("a", Type.TIMESTAMP).serverDefault("CURRENT_TIMESTAMP"),
                Column.of("b", Type.INTEGER).serverDefault("0"), Column.of("c", Type.string(5)).serverDefault("'new'"),
                Column.of("d", Type.TEXT).serverDefault("lower('AB')")));
        Schema database = schema(keyed("t", Column.of("a", Type.TIMESTAMP).serverDefault(" current_timestamp "),
                Column.of("b", Type.INTEGER).serverDefault("((0))"),
                Column.of("c", Type.string(5)).serverDefault("'new'::character varying"),
                Column.of("d", Type.TEXT).serverDefault("LOWER( 'AB' )")));
        assertThat(diff(model, database).isEmpty()).isTrue();
        Schema differentCase = schema(keyed("t", Column.of("a", Type.TIMESTAMP).serverDefault("CURRENT_TIMESTAMP"),
                Column.of("b", Type.INTEGER).serverDefault("0"), Column.of("c", Type.string(5)).serverDefault("'NEW'"),
                Column.of("d", Type.TEXT).serverDefault("lower('AB')")));
        assertThat(messages(diff(differentCase, database))).containsExactly("Detected server default on column 't.c'");
    }

    @Test
    void theCurrentTimestampAtTheTimestampsPrecisionIsTheCurrentTimestamp() {
        // MariaDB shows DATETIME(6) DEFAULT CURRENT_TIMESTAMP as current_timestamp(6).
        Schema model = schema(keyed("t", Column.of("a", Type.TIMESTAMP).serverDefault("CURRENT_TIMESTAMP"),
                Column.of("b", Type.TIMESTAMPTZ).serverDefault("CURRENT_TIMESTAMP(6)")));
        Schema database = schema(keyed("t", Column.of("a", Type.TIMESTAMP).serverDefault("CURRENT_TIMESTAMP(6)"),
                Column.of("b", Type.TIMESTAMPTZ).serverDefault("CURRENT_TIMESTAMP")));
        assertThat(diff(model, database).isEmpty()).isTrue();
        Schema otherPrecision = schema(keyed("t", Column.of("a", Type.TIMESTAMP).serverDefault("CURRENT_TIMESTAMP(3)"),
                Column.of("b", Type.TIMESTAMPTZ).serverDefault("CURRENT_TIMESTAMP")));
        assertThat(messages(diff(otherPrecision, database))).containsExactly("Detected server default on column 't.a'");
    }

    @Test
    void identityColumnDefaultsAreIgnored() {
        Schema model = schema(table("t").column(Column.of("id", Type.BIGINT).notNull().autoincrement()));
        Schema database = schema(table("t").column(Column.of("id", Type.BIGINT).notNull().autoincrement()
                .serverDefault("nextval('t_id_seq'::regclass)")));
        assertThat(diff(model, database).isEmpty()).isTrue();
    }

    @Test
    void columnComments() {
        SchemaDiff diff = diff(schema(keyed("t", Column.of("a", Type.TEXT).comment("new"), Column.of("b", Type.TEXT))),
                schema(keyed("t", Column.of("a", Type.TEXT).comment("old"), Column.of("b", Type.TEXT).comment("gone"))));
        assertThat(messages(diff)).containsExactly("Detected column comment 't.a'", "Detected column comment 't.b'");
        assertThat(diff.checkText()).isEqualTo("New upgrade operations detected: [('modify_comment', 't', 'a', 'old',"
                + " 'new'), ('modify_comment', 't', 'b', 'gone', None)]");
        assertThat(diff.upgrade().get(1)).isEqualTo(new Operation.AlterColumn("t", "b", null, null, null, null, false,
                null, null, true, Type.TEXT, true, null, "gone"));
    }

    @Test
    void severalChangesOfAColumnCarryTheStateTheEarlierOnesLeft() {
        Column before = Column.of("name", Type.string(20)).serverDefault("'a'").comment("c");
        Column after = Column.of("name", Type.string(40)).notNull().serverDefault("'a'").comment("c");
        SchemaDiff diff = diff(schema(keyed("t", after)), schema(keyed("t", before)));
        assertThat(diff.changes()).extracting(SchemaChange::kind).containsExactly("modify_type", "modify_nullable");
        assertThat(diff.upgrade()).containsExactly(
                new Operation.AlterColumn("t", "name", Type.string(40), null, null, null, false, null, null, false,
                        Type.string(20), true, "'a'", "c"),
                new Operation.AlterColumn("t", "name", null, null, false, null, false, null, null, false,
                        Type.string(40), true, "'a'", "c"));
        assertThat(diff.downgrade()).containsExactly(
                new Operation.AlterColumn("t", "name", null, null, true, null, false, null, null, false,
                        Type.string(40), false, "'a'", "c"),
                new Operation.AlterColumn("t", "name", Type.string(20), null, null, null, false, null, null, false,
                        Type.string(40), true, "'a'", "c"));
    }

    @Test
    void tableComments() {
        SchemaDiff diff = diff(schema(keyed("a").comment("new"), keyed("b"), keyed("c").comment("first")),
                schema(keyed("a").comment("old"), keyed("b").comment("gone"), keyed("c")));
        assertThat(messages(diff)).containsExactly("Detected table comment on 'a'", "Detected removed table comment on 'b'",
                "Detected table comment on 'c'");
        assertThat(diff.checkText()).isEqualTo("New upgrade operations detected: [('add_table_comment', 'a', 'old'),"
                + " ('remove_table_comment', 'b'), ('add_table_comment', 'c', None)]");
        assertThat(diff.upgrade()).containsExactly(new Operation.CreateTableComment("a", "new", "old"),
                new Operation.DropTableComment("b", "gone"), new Operation.CreateTableComment("c", "first", null));
        assertThat(diff.downgrade()).containsExactly(new Operation.DropTableComment("c", "first"),
                new Operation.CreateTableComment("b", "gone", null), new Operation.CreateTableComment("a", "old", "new"));
        assertThat(diff.notes()).isEmpty();
    }

    @Test
    void unmappedSequencesAreLeftAloneWithANote() {
        SchemaDiff diff = diff(Schema.EMPTY, new Schema(List.of(), List.of(new SchemaSequence("old_seq", 10, 1))));
        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.notes()).containsExactly("Sequence 'old_seq' is in the database but not in the model: left"
                + " alone. Declare it in the model to compare it, exclude it to silence this note, or turn on dropping"
                + " of unmapped tables and sequences (dropUnmappedTables) to drop it.");
        assertThat(SchemaComparator.compare(Schema.EMPTY, new Schema(List.of(), List.of(new SchemaSequence("old_seq",
                10, 1))), PG.withDropUnmappedTables(true)).notes()).isEmpty();
    }

    @Test
    void sequencesAddedAndRemovedOnlyWhenAsked() {
        Schema model = new Schema(List.of(), List.of(new SchemaSequence("order_seq", 1, 50)));
        Schema database = new Schema(List.of(), List.of(new SchemaSequence("old_seq", 10, 1)));
        SchemaDiff kept = diff(model, database);
        assertThat(messages(kept)).containsExactly("Detected added sequence 'order_seq'");
        assertThat(kept.upgrade()).containsExactly(new Operation.CreateSequence("order_seq", 1, 50));
        assertThat(kept.downgrade()).containsExactly(new Operation.DropSequence("order_seq"));
        SchemaDiff dropped = SchemaComparator.compare(model, database, PG.withDropUnmappedTables(true));
        assertThat(dropped.checkText()).isEqualTo("New upgrade operations detected: [('add_sequence', 'order_seq'),"
                + " ('remove_sequence', 'old_seq')]");
        assertThat(dropped.downgrade()).containsExactly(new Operation.CreateSequence("old_seq", 10, 1),
                new Operation.DropSequence("order_seq"));
    }

    @Test
    void optionsTurnTypeAndDefaultComparisonOff() {
        Schema model = schema(keyed("t", Column.of("a", Type.string(40)).serverDefault("'x'")));
        Schema database = schema(keyed("t", Column.of("a", Type.string(20))));
        assertThat(diff(model, database).changes()).extracting(SchemaChange::kind)
                .containsExactly("modify_type", "modify_default");
        assertThat(SchemaComparator.compare(model, database, PG.withCompareTypes(false)).changes())
                .extracting(SchemaChange::kind).containsExactly("modify_default");
        assertThat(SchemaComparator.compare(model, database, PG.withCompareServerDefaults(false)).changes())
                .extracting(SchemaChange::kind).containsExactly("modify_type");
        assertThat(SchemaComparator.compare(model, database, PG.withCompareTypes(false).withCompareServerDefaults(false))
                .isEmpty()).isTrue();
    }

    @Test
    void typesCompareAsTheDialectWritesThem() {
        Schema model = schema(keyed("t", Column.of("a", Type.TIMESTAMPTZ), Column.of("b", Type.UUID)));
        Schema database = schema(keyed("t", Column.of("a", Type.sql("timestamp(6)")), Column.of("b", Type.sql("char(36)"))));
        assertThat(SchemaComparator.compare(model, database, CompareOptions.defaults(MariaDbDialect.INSTANCE)).isEmpty())
                .isTrue();
        assertThat(diff(model, database).changes()).extracting(SchemaChange::message).containsExactly(
                "Detected type change from timestamp(6) to TIMESTAMP WITH TIME ZONE on 't.a'",
                "Detected type change from char(36) to UUID on 't.b'");
    }

    @Test
    void anAddedEnumColumnCreatesItsTypeUnlessItExists() {
        Type mood = Type.enumOf("mood", "calm", "busy");
        Schema database = schema(keyed("a"), keyed("b", Column.of("state", Type.enumOf("state", "on", "off"))));
        Schema model = schema(keyed("a", Column.of("mood", mood), Column.of("state", Type.enumOf("state", "on", "off"))),
                keyed("b", Column.of("state", Type.enumOf("state", "on", "off")), Column.of("mood", mood)));
        SchemaDiff diff = diff(model, database);
        assertThat(diff.upgrade()).containsExactly(new Operation.CreateEnumType(mood),
                new Operation.AddColumn("a", Column.of("mood", mood)),
                new Operation.AddColumn("a", Column.of("state", Type.enumOf("state", "on", "off"))),
                new Operation.AddColumn("b", Column.of("mood", mood)));
        assertThat(diff.downgrade()).containsExactly(new Operation.DropColumn("b", "mood"),
                new Operation.DropColumn("a", "state"), new Operation.DropColumn("a", "mood"),
                new Operation.DropEnumType("mood"));
        SchemaDiff withNewTable = diff(schema(keyed("a", Column.of("mood", mood)), keyed("c", Column.of("m", mood))),
                schema(keyed("a")));
        assertThat(withNewTable.upgrade()).extracting(op -> op.getClass().getSimpleName())
                .containsExactly("CreateTable", "AddColumn");
    }

    @Test
    void aDroppedTableDropsItsEnumTypesThatNoRemainingTableUses() {
        Type mood = Type.enumOf("mood", "calm", "busy");
        Type state = Type.enumOf("state", "on", "off");
        Type size = Type.enumOf("size", "s", "l");
        Schema database = schema(keyed("a", Column.of("state", state)));
        Schema model = schema(keyed("a", Column.of("state", state)),
                keyed("b", Column.of("mood", mood), Column.of("state", state), Column.of("again", mood)),
                keyed("c", Column.of("mood", mood), Column.of("size", size)));
        SchemaDiff added = diff(model, database);
        assertThat(added.upgrade()).extracting(op -> op.getClass().getSimpleName())
                .containsExactly("CreateTable", "CreateTable");
        assertThat(added.downgrade()).containsExactly(new Operation.DropTable("c"), new Operation.DropTable("b"),
                new Operation.DropEnumType("size"), new Operation.DropEnumType("mood"));
        assertThat(added.changes().get(0).downgrade()).containsExactly(new Operation.DropTable("b"),
                new Operation.DropEnumType("mood"));

        SchemaDiff removed = SchemaComparator.compare(database, model, PG.withDropUnmappedTables(true));
        assertThat(removed.upgrade()).containsExactly(new Operation.DropTable("c"), new Operation.DropTable("b"),
                new Operation.DropEnumType("mood"), new Operation.DropEnumType("size"));
        assertThat(removed.downgrade()).extracting(op -> op.getClass().getSimpleName() + " " + op.table())
                .containsExactly("CreateTable b", "CreateTable c");
    }

    @Test
    void aTypeChangeOfAnIdentityColumnCarriesItsAutoincrement() {
        Schema model = schema(table("t").column(Column.of("id", Type.BIGINT).notNull().autoincrement()));
        Schema database = schema(table("t").column(Column.of("id", Type.INTEGER).notNull().autoincrement()));
        SchemaDiff diff = diff(model, database);
        assertThat(diff.upgrade()).containsExactly(new Operation.AlterColumn("t", "id", Type.BIGINT, null, null, null,
                false, null, null, false, Type.INTEGER, false, null, null, true));
        assertThat(diff.downgrade()).containsExactly(new Operation.AlterColumn("t", "id", Type.INTEGER, null, null,
                null, false, null, null, false, Type.BIGINT, false, null, null, true));
    }

    @Test
    void twoTablesOrColumnsOfOneNameAreRefused() {
        assertThatThrownBy(() -> diff(schema(keyed("users"), keyed("users")), Schema.EMPTY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The model has two tables named 'users'; each table must appear once (check for two"
                        + " entities mapped to one table)");
        assertThatThrownBy(() -> diff(Schema.EMPTY, schema(keyed("users", EMAIL, EMAIL))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The database's table 'users' has two columns named 'email'; each column must appear once"
                        + " (check for two fields mapped to one column)");
    }
}
